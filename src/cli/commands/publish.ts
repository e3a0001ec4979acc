/**
 * jekyll-compose's `publish`: moves a draft (`_drafts/x.md`, `ko/_drafts/x.md`) to the posts
 * folder beside it as `YYYY-MM-DD-x.md` and sets `date:` in its front matter; `unpublish`
 * moves a post back to the drafts folder beside it, without the date in its name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE, type Command } from '../command.js';
import { DATE_USAGE, postDate } from './compose/dates.js';
import { ComposeError, composeFailure, contentDir, display, loadComposeSite, SITE_FLAGS, writeNew, type ComposeSite } from './compose/site.js';

export const publishCommand: Command = {
  name: 'publish',
  aliases: [],
  summary: "Move a draft into _posts/ with today's date (or --date)",
  flags: [{ key: 'date', type: 'string', aliases: ['-d', '--date'], help: 'Date of the post, YYYY-MM-DD[ HH:MM[ +ZZZZ]] (default: now)' }, ...SITE_FLAGS],
  run(options, { log, positionals }) {
    if (positionals.length !== 1) {
      log.error('Error:', 'You must name one draft: utterson publish _drafts/my-draft.md');
      return EXIT_USAGE;
    }
    try {
      const site = loadComposeSite(options);
      const draft = findDraft(site, positionals[0]);
      const relDraft = path.relative(site.source, draft);

      const parsed = postDate(options.date, site.config.timezone);
      if (!parsed) {
        log.error('Error:', `'${String(options.date)}' ${DATE_USAGE}`);
        return EXIT_USAGE;
      }
      const { day, frontMatter: date } = parsed;

      const segments = relDraft.split(path.sep);
      const at = segments.lastIndexOf('_drafts');
      segments[at] = '_posts';
      const base = segments[segments.length - 1].replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
      segments[segments.length - 1] = `${day}-${base}`;
      const relPost = segments.join(path.sep);

      const text = withDate(fs.readFileSync(draft, 'utf8'), date);
      writeNew(path.join(site.source, relPost), text, Boolean(options.force), display(relPost));
      fs.rmSync(draft);
      log.info('', `Draft ${display(relDraft)} was moved to ${display(relPost)}`);
      return EXIT_OK;
    } catch (err) {
      return composeFailure(err, log);
    }
  },
};

export const unpublishCommand: Command = {
  name: 'unpublish',
  aliases: [],
  summary: 'Move a post back into _drafts/, without its date',
  flags: SITE_FLAGS,
  run(options, { log, positionals }) {
    if (positionals.length !== 1) {
      log.error('Error:', 'You must name one post: utterson unpublish _posts/2024-01-01-my-post.md');
      return EXIT_USAGE;
    }
    try {
      const site = loadComposeSite(options);
      const post = findIn(site, positionals[0], '_posts', 'post');
      const relPost = path.relative(site.source, post);
      const segments = relPost.split(path.sep);
      segments[segments.lastIndexOf('_posts')] = '_drafts';
      segments[segments.length - 1] = segments[segments.length - 1].replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');
      const relDraft = segments.join(path.sep);
      writeNew(path.join(site.source, relDraft), fs.readFileSync(post, 'utf8'), Boolean(options.force), display(relDraft));
      fs.rmSync(post);
      log.info('', `Post ${display(relPost)} was moved to ${display(relDraft)}`);
      return EXIT_OK;
    } catch (err) {
      return composeFailure(err, log);
    }
  },
};

/** The draft's absolute path: as given (from the working directory or the source), or a name in `_drafts/`. */
function findDraft(site: ComposeSite, arg: string): string {
  return findIn(site, arg, '_drafts', 'draft');
}

/** A file of a `_drafts` or `_posts` folder: as given (from the working directory or the source), or a name in the default language's folder. */
function findIn(site: ComposeSite, arg: string, folder: '_drafts' | '_posts', what: string): string {
  const candidates = [path.resolve(arg), path.resolve(site.source, arg)];
  if (!arg.includes('/') && !arg.includes(path.sep)) {
    const dir = path.join(site.source, contentDir(site, site.languages.defaultLang, folder));
    candidates.push(path.join(dir, arg), path.join(dir, `${arg}.md`), path.join(dir, `${arg}.markdown`));
  }
  const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
  if (!found) throw new ComposeError(`There was no ${what} found at '${arg}'.`);
  const rel = path.relative(site.source, found);
  if (rel.startsWith('..') || path.isAbsolute(rel) || !rel.split(path.sep).includes(folder)) {
    throw new ComposeError(`'${arg}' is not in a ${folder} folder of the site at ${site.source}.`);
  }
  return found;
}

/** Sets `date:` in the front matter (adding front matter if there is none), keeping everything else as written. */
export function withDate(text: string, date: string): string {
  const fm = /^(---[ \t]*\r?\n)([\s\S]*?)(^---[ \t]*(?:\r?\n|$))/m.exec(text);
  if (!fm || fm.index !== 0) return `---\ndate: ${date}\n---\n${text}`;
  const nl = fm[1].endsWith('\r\n') ? '\r\n' : '\n';
  let body = fm[2];
  if (/^date:.*$/m.test(body)) body = body.replace(/^date:.*$/m, `date: ${date}`);
  else body = `${body}${body === '' || body.endsWith('\n') ? '' : nl}date: ${date}${nl}`;
  return fm[1] + body + fm[3] + text.slice(fm[0].length);
}
