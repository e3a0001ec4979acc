/** Every command, in the order `utterson --help` lists them. */
import type { Command } from '../command.js';
import { buildCommand } from './build.js';
import { cleanCommand } from './clean.js';

export const COMMANDS: Command[] = [buildCommand, cleanCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
}
