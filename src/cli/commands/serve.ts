/** `utterson serve` (`s`): Jekyll's serve command; the work is in src/serve/. */
import { runServe } from '../../serve/command.js';
import { SERVE_FLAGS } from '../args.js';
import type { Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  aliases: ['s'],
  summary: 'Build, serve on http://127.0.0.1:4000 and rebuild on changes',
  flags: SERVE_FLAGS,
  run: (options) => runServe(options),
};
