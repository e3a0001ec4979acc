/**
 * `utterson doctor`: builds the site into a temporary folder and looks for what would hurt
 * it once published — config mistakes, build warnings, two sources written to one URL (or to
 * URLs that differ only by case), broken translation pairs, broken internal links and missing
 * images. Nothing in the source or its destination is touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, outputItems, type BuildOptions, type BuildResult } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkConfig } from './config.js';
import { anchorIds, checkPageLinks } from './links.js';
import type { Problem } from './problem.js';
import { checkTranslations } from './translations.js';

export type { Problem } from './problem.js';
export { formatProblem } from './problem.js';

export interface DoctorReport {
  problems: Problem[];
  /** Diagnostics of the build that are not problems (info). */
  notes: Diagnostic[];
  result: BuildResult;
  /** HTML files whose links were checked. */
  pagesChecked: number;
}

export async function runDoctor(options: BuildOptions = {}): Promise<DoctorReport> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utterson-doctor-'));
  try {
    // `strict: false`: doctor lists every warning rather than stopping at the first (`strict: true` in the config).
    const result = await build({ ...options, strict: false, destination: path.join(tmp, 'site') });
    const problems: Problem[] = [];
    problems.push(...checkConfig(result.config, result.configFiles));

    const translationProblems = checkTranslations(result.site);
    const notes: Diagnostic[] = [];
    for (const d of result.diagnostics) {
      if (d.severity === 'info') {
        notes.push(d);
        continue;
      }
      // Pairing warnings from the translations plugin repeat what checkTranslations found.
      if (/^Translation id '/.test(d.message) && translationProblems.some((p) => p.file === d.file)) continue;
      const conflict = d.message.startsWith('Conflict:');
      problems.push({ kind: conflict ? 'conflict' : 'build', file: d.file, message: conflict ? d.message.replace(/^Conflict:\s*/, '') : d.message });
    }
    problems.push(...caseConflicts(result.written));
    problems.push(...translationProblems);

    const dest = path.join(tmp, 'site');
    const files = new Set(result.written.map((w) => w.split(path.sep).join('/')));
    const sourceOf = new Map<string, string>();
    for (const item of outputItems(result.site)) sourceOf.set(item.destinationPath.split(path.sep).join('/'), item.source);
    const baseurl = String(result.config.baseurl ?? '');
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) ids.set(file, (set = anchorIds(fs.readFileSync(path.join(dest, file), 'utf8'))));
      return set;
    };
    let pagesChecked = 0;
    for (const page of [...files].sort()) {
      if (!/\.html?$/i.test(page)) continue;
      pagesChecked++;
      const html = fs.readFileSync(path.join(dest, page), 'utf8');
      for (const lp of checkPageLinks(page, html, files, baseurl, idsOf)) {
        const src = sourceOf.get(page);
        const file = src ?? page;
        const where = src && src !== page ? ` (in ${page})` : '';
        problems.push({ kind: lp.kind, file, message: `${lp.link} ${lp.reason}${where}` });
      }
    }
    return { problems, notes, result, pagesChecked };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Jekyll's urls_only_differ_by_case: on macOS and Windows one of them overwrites the other. */
function caseConflicts(written: string[]): Problem[] {
  const byLower = new Map<string, string[]>();
  for (const w of written) {
    const list = byLower.get(w.toLowerCase()) ?? [];
    if (!list.includes(w)) list.push(w);
    byLower.set(w.toLowerCase(), list);
  }
  const out: Problem[] = [];
  for (const list of byLower.values()) {
    if (list.length > 1) {
      out.push({ kind: 'conflict', message: `These outputs differ only by case; on a case-insensitive file system one overwrites the other: ${list.join(', ')}` });
    }
  }
  return out;
}
