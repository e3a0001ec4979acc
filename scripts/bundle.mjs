// Bundles the compiled CLI and render worker (dist/) into dist/bundle/, for start-up time:
// loading ~200 ES modules of ours and our dependencies one by one took ~0.4 s of every
// `utterson build` (and of every render worker), one bundle ~0.2 s. Dart Sass stays outside,
// loaded only when a site has Sass. The bundle sits at the same depth as dist/<folder>/, so
// paths that modules compute from import.meta.url (theme/, package.json) still resolve.
// bin/utterson.js uses it when it is at least as new as dist/cli/main.js.
import fs from 'node:fs';
import { build } from 'esbuild';

fs.rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/render/worker.js', 'sass-worker': 'dist/sass/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['sass'],
  // CommonJS dependencies call require() for Node's modules; an ES module has none of its own
  banner: { js: "import { createRequire as __uttersonRequire } from 'node:module'; const require = __uttersonRequire(import.meta.url);" },
  logLevel: 'warning',
});
