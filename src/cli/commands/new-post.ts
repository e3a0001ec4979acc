/**
 * jekyll-compose's `post` and `draft`, as `utterson new-post "Title"` and
 * `utterson new-draft "Title"`: a file with front matter in the right folder for its language,
 * paired with its translations through `lng_pair`.
 */
import path from 'node:path';
import { slugify } from '../../utils/slugify.js';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandContext } from '../command.js';
import { DATE_USAGE, postDate } from './compose/dates.js';
import {
  composeFailure,
  contentDir,
  display,
  isMultilingual,
  LANG_FLAGS,
  loadComposeSite,
  newPairId,
  resolveLang,
  SITE_FLAGS,
  usedPairIds,
  writeNew,
  yamlString,
} from './compose/site.js';

const EXTENSION_FLAG = { key: 'extension', type: 'string' as const, aliases: ['-x', '--extension'], help: 'File extension (default: md)' };

export const newPostCommand: Command = {
  name: 'new-post',
  aliases: ['post'],
  summary: 'Write a new post in _posts/ (--lang, --pair: a translation)',
  flags: [
    ...LANG_FLAGS,
    { key: 'date', type: 'string', aliases: ['-d', '--date'], help: 'Date of the post, YYYY-MM-DD[ HH:MM[ +ZZZZ]] (default: now)' },
    EXTENSION_FLAG,
    ...SITE_FLAGS,
  ],
  run: (options, ctx) => compose('post', options, ctx),
};

export const newDraftCommand: Command = {
  name: 'new-draft',
  aliases: ['draft'],
  summary: 'Write a new draft in _drafts/',
  flags: [...LANG_FLAGS, EXTENSION_FLAG, ...SITE_FLAGS],
  run: (options, ctx) => compose('draft', options, ctx),
};

function compose(kind: 'post' | 'draft', options: Record<string, unknown>, { log, positionals }: CommandContext): number {
  const title = positionals.join(' ').trim();
  if (title === '') {
    log.error('Error:', `You must specify a title: utterson new-${kind} "My ${kind}"`);
    return EXIT_USAGE;
  }
  const slug = slugify(title, 'default') ?? '';
  if (slug === '') {
    log.error('Error:', `The title '${title}' has no letters or digits to name the file after.`);
    return EXIT_USAGE;
  }
  const ext = String(options.extension ?? 'md').replace(/^\./, '');
  try {
    const site = loadComposeSite(options);
    const lang = resolveLang(site, options.lang);

    let day: string | undefined;
    let date: string | undefined;
    if (kind === 'post') {
      const parsed = postDate(options.date, site.config.timezone);
      if (!parsed) {
        log.error('Error:', `'${String(options.date)}' ${DATE_USAGE}`);
        return EXIT_USAGE;
      }
      ({ day, frontMatter: date } = parsed);
    }

    // A translation id: the one given, else a new one when the site has other languages to pair with.
    let pair = typeof options.pair === 'string' && options.pair.trim() !== '' ? options.pair.trim() : undefined;
    let generated = false;
    if (pair === undefined && isMultilingual(site)) {
      pair = newPairId(slug, usedPairIds(site));
      generated = true;
    }

    const lines = ['---', `layout: ${String(options.layout ?? 'post')}`, `title: ${yamlString(title)}`];
    if (date !== undefined) lines.push(`date: ${date}`);
    if (pair !== undefined) lines.push(`${site.pairKey}: ${yamlString(pair)}`);
    lines.push('---', '', '');

    const name = kind === 'post' ? `${day}-${slug}.${ext}` : `${slug}.${ext}`;
    const rel = path.join(contentDir(site, lang, kind === 'post' ? '_posts' : '_drafts'), name);
    writeNew(path.join(site.source, rel), lines.join('\n'), Boolean(options.force), display(rel));

    log.info('', `New ${kind} created at ${display(rel)}`);
    if (pair !== undefined) {
      log.info('', `Translation id (${site.pairKey}): ${pair}`);
      if (generated) {
        const others = site.languages.languages.filter((l) => l !== lang);
        for (const other of others) {
          log.info('', `  its ${other} version: utterson new-${kind} "…" --lang ${other} --pair ${pair}`);
        }
      }
    }
    return EXIT_OK;
  } catch (err) {
    return composeFailure(err, log);
  }
}
