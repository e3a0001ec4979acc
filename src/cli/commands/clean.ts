/** `utterson clean`: removes the destination and Utterson's cache, nothing else. */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { assertSafeDestination } from '../../write/guards.js';
import { BUILD_FLAGS } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';

export const cleanCommand: Command = {
  name: 'clean',
  aliases: [],
  summary: "Remove the destination and Utterson's caches",
  flags: BUILD_FLAGS.filter((f) => ['source', 'destination', 'config', 'quiet', 'verbose', 'trace'].includes(f.key)),
  run(options, { log }) {
    const { config } = loadConfig({
      source: options.source as string | undefined,
      destination: options.destination as string | undefined,
      config: options.config as string[] | undefined,
    });
    const dest = path.resolve(String(config.destination));
    assertSafeDestination(config.source, dest);
    for (const target of [dest, path.join(config.source, '.utterson-cache')]) {
      if (fs.existsSync(target)) {
        fs.rmSync(target, { recursive: true, force: true });
        log.info('Cleaner:', `Removing ${target}...`);
      } else {
        log.info('Cleaner:', `Nothing to do for ${target}.`);
      }
    }
    return EXIT_OK;
  },
};
