/** `utterson new PATH`: Jekyll's `new` command, with Utterson's built-in theme in place of minima. */
import fs from 'node:fs';
import path from 'node:path';
import { uttersonVersion } from '../../utils/version.js';
import { titleizeSlug } from '../../utils/slugify.js';
import { EXIT_BUILD_FAILED, EXIT_OK, EXIT_USAGE, type Command } from '../command.js';
import { zonedTime } from './compose/dates.js';
import { BLANK_DIRS, blankSiteFiles } from './new-site/blank.js';
import { starterSiteFiles } from './new-site/starter.js';

export const newCommand: Command = {
  name: 'new',
  aliases: [],
  summary: 'Create a new site in PATH (--blank: an empty scaffold)',
  flags: [
    { key: 'force', type: 'boolean', aliases: ['--force'], help: 'Create the site even if PATH is not empty, overwriting files' },
    { key: 'blank', type: 'boolean', aliases: ['--blank'], help: "Jekyll's blank scaffold: no theme, no posts" },
    { key: 'title', type: 'string', aliases: ['--title'], help: "The site's title (default: from the folder's name)" },
    { key: 'skip_bundle', type: 'boolean', aliases: ['--skip-bundle'], help: 'Accepted for compatibility; nothing is installed' },
    { key: 'trace', type: 'boolean', aliases: ['-t', '--trace'], help: 'Show the full backtrace when an error occurs' },
    { key: 'quiet', type: 'boolean', aliases: ['-q', '--quiet'], help: 'Silence output' },
  ],
  run(options, { log, positionals }) {
    if (positionals.length === 0) {
      log.error('Error:', 'You must specify a path: utterson new PATH');
      return EXIT_USAGE;
    }
    // Jekyll joins the words, so `utterson new my blog` makes "my blog".
    const target = path.resolve(positionals.join(' '));
    if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
      log.error('Conflict:', `${target} exists and is not a directory.`);
      return EXIT_BUILD_FAILED;
    }
    if (!options.force && hasVisibleEntries(target)) {
      log.error('Conflict:', `${target} exists and is not empty.`);
      log.error('', `Ensure ${target} is empty or else try again with \`--force\` to proceed and overwrite any files.`);
      return EXIT_BUILD_FAILED;
    }
    fs.mkdirSync(target, { recursive: true });
    let files: Record<string, string>;
    if (options.blank) {
      files = blankSiteFiles();
      for (const dir of BLANK_DIRS) fs.mkdirSync(path.join(target, dir), { recursive: true });
    } else {
      const now = zonedTime(new Date());
      files = starterSiteFiles({
        title: typeof options.title === 'string' ? options.title : titleizeSlug(path.basename(target)),
        day: now.day,
        time: `${now.day} ${now.time} ${now.offset}`,
        year: now.year,
        version: uttersonVersion(),
      });
    }
    if (options.blank && typeof options.title === 'string') {
      files['_config.yml'] = files['_config.yml'].replace('title: ""', `title: ${JSON.stringify(options.title)}`);
    }
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(target, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    log.info('', `New utterson site installed in ${target}.`);
    if (!options.blank) {
      const rel = path.relative(process.cwd(), target) || '.';
      log.info('', 'Next:');
      log.info('', `  cd ${rel.includes(' ') ? JSON.stringify(rel) : rel}`);
      log.info('', '  npx utterson serve      # preview at http://localhost:4000');
      log.info('', '  npx utterson new-post "My first real post"');
    }
    return EXIT_OK;
  },
};

/** Jekyll's test (`Dir["#{path}/**\/*"]`) ignores dot files, so a fresh `git init` folder counts as empty. */
function hasVisibleEntries(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((name) => !name.startsWith('.'));
}

