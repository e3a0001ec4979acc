/** Every command, in the order `utterson --help` lists them. */
import type { Command } from '../command.js';
import { buildCommand } from './build.js';
import { cleanCommand } from './clean.js';
import { doctorCommand } from './doctor.js';
import { newCommand } from './new.js';
import { newDraftCommand, newPostCommand } from './new-post.js';
import { publishCommand, unpublishCommand } from './publish.js';
import { serveCommand } from './serve.js';

export const COMMANDS: Command[] = [
  buildCommand,
  serveCommand,
  cleanCommand,
  newCommand,
  newPostCommand,
  newDraftCommand,
  publishCommand,
  unpublishCommand,
  doctorCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
}
