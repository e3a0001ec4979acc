// The documentation stays true to the code: its links lead somewhere, every built-in plugin is
// listed in the migration guide, and every command in --help is documented.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/commands/index.js';
import { BUILT_IN_PLUGINS } from '../../../src/plugins/registry.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const DOCS = ['README.md', 'CHANGELOG.md', 'docs/migrating-from-jekyll.md', 'docs/configuration.md', 'docs/publishing.md'];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

describe('documentation', () => {
  it('links only to files and headings that exist', () => {
    for (const doc of DOCS) {
      const text = read(doc).replace(/```[\s\S]*?```/g, '');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, hash] = target.split('#');
        const resolved = file === '' ? doc : path.posix.join(path.posix.dirname(doc), file);
        expect(fs.existsSync(path.join(root, resolved)), `${doc} → ${target}`).toBe(true);
        if (hash) expect([...anchors(read(resolved))], `${doc} → ${target}`).toContain(hash);
      }
    }
  });

  it('lists every built-in plugin in docs/migrating-from-jekyll.md', () => {
    const guide = read('docs/migrating-from-jekyll.md');
    for (const plugin of BUILT_IN_PLUGINS.filter((p) => !p.alwaysOn)) {
      expect(guide, `add ${plugin.name} to the plugin table of docs/migrating-from-jekyll.md`).toContain(`| \`${plugin.name}\` |`);
    }
  });

  it('documents every command', () => {
    const guide = read('docs/migrating-from-jekyll.md');
    for (const command of COMMANDS) expect(guide, `utterson ${command.name}`).toContain(`\`utterson ${command.name}`);
  });
});
