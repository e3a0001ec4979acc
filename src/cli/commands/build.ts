/** `utterson build` (`b`): Jekyll's build command. */
import { build } from '../../build.js';
import { BUILD_FLAGS } from '../args.js';
import { EXIT_OK, type Command } from '../command.js';

export const buildCommand: Command = {
  name: 'build',
  aliases: ['b'],
  summary: 'Build your site into the destination (_site by default)',
  flags: BUILD_FLAGS,
  async run(options, { log }) {
    const { trace: _trace, quiet: _quiet, verbose: _verbose, ...overrides } = options;
    const started = Date.now();
    const result = await build(overrides, {
      onConfig(config, files) {
        for (const f of files) log.info('Configuration file:', f);
        if (files.length === 0) log.info('Configuration file:', 'none');
        log.info('Source:', config.source);
        log.info('Destination:', String(config.destination));
        log.info('Generating...');
      },
      onProgress: (done, total) => log.progress(done, total, 'Rendering'),
    });
    log.progress(1, 1, '');
    for (const d of result.diagnostics) log.diagnostic(d);
    if (result.profile) process.stdout.write(`\n${result.profile.table()}\n\n`);
    log.info('', `done in ${((Date.now() - started) / 1000).toFixed(3)} seconds.`);
    return EXIT_OK;
  },
};
