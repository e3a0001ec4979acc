/** Every command, in the order `utterson --help` lists them. */
import type { Command } from '../command.js';
import { buildCommand } from './build.js';
import { cleanCommand } from './clean.js';
import { serveCommand } from './serve.js';

export const COMMANDS: Command[] = [buildCommand, serveCommand, cleanCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
}
