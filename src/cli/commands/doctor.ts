/** `utterson doctor` (`hyde`): Jekyll's doctor, plus link, image and translation checks. */
import { BuildError } from '../../diagnostics/diagnostic.js';
import { formatProblem, runDoctor, type DoctorReport } from '../../doctor/index.js';
import { BUILD_FLAGS } from '../args.js';
import { EXIT_BUILD_FAILED, EXIT_OK, type Command } from '../command.js';

const KEYS = ['source', 'config', 'show_drafts', 'future', 'unpublished', 'baseurl', 'safe', 'trace', 'quiet', 'verbose'];

export const doctorCommand: Command = {
  name: 'doctor',
  aliases: ['hyde'],
  summary: 'Check config, URL conflicts, translations, links and images',
  flags: BUILD_FLAGS.filter((f) => KEYS.includes(f.key)),
  async run(options, { log }) {
    const { trace: _trace, quiet: _quiet, verbose: _verbose, ...overrides } = options;
    let report: DoctorReport;
    try {
      report = await runDoctor(overrides);
    } catch (err) {
      // A site that does not build is the first problem to report; the other checks need the build.
      if (!(err instanceof BuildError)) throw err;
      log.diagnostic(err.diagnostic);
      log.warn('Your test results', 'are in. The site could not be built, so nothing else was checked.');
      return EXIT_BUILD_FAILED;
    }
    for (const d of report.notes) log.diagnostic(d);
    for (const p of report.problems) log.warn('', formatProblem(p).replace(/\n/g, `\n${' '.repeat(19)}`));
    const { result } = report;
    const summary = `${result.written.length} files, ${report.pagesChecked} HTML pages checked`;
    if (report.problems.length === 0) {
      log.info('Your test results', `are in. Everything looks fine (${summary}).`);
      return EXIT_OK;
    }
    const n = report.problems.length;
    log.warn('Your test results', `are in. ${n} problem${n === 1 ? '' : 's'} found (${summary}).`);
    return EXIT_BUILD_FAILED;
  },
};
