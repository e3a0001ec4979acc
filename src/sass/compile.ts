/**
 * Sass as Jekyll's sass converter does it: a page's SCSS (after Liquid) compiled with the
 * site's `_sass`, the theme's `_sass` and `sass.load_paths` on the load path.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type * as SassModule from 'sass';
import { BuildError, codeFrame } from '../diagnostics/diagnostic.js';
import { isHash, type Hash } from '../utils/merge.js';
import { resolvesInside } from '../read/confine.js';

/** The built-in theme (its `_sass` is on the load path): <package>/theme. */
const THEME_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../theme');

function sassRoots(options: SassOptions): string[] {
  return [options.source, THEME_ROOT];
}

function outsideError(file: string): BuildError {
  return new BuildError({ file, message: 'Sass error: an import leads outside the site source (through `..`, an absolute path or a symlink); Utterson reads no files from elsewhere.' });
}

/**
 * Dart Sass follows relative, absolute and symlinked imports anywhere on disk; a stylesheet
 * that pulled in a file from outside the source (or the theme) fails instead of publishing it.
 */
function assertConfined(loaded: URL[], entry: URL, file: string, options: SassOptions): void {
  for (const u of loaded) {
    if (u.protocol !== 'file:' || u.href === entry.href) continue;
    if (!resolvesInside(fileURLToPath(u), sassRoots(options))) throw outsideError(file);
  }
}

// Dart Sass takes a quarter of a second to load: only sites with stylesheets pay for it.
let sassModule: typeof SassModule | undefined;
export function sass(): typeof SassModule {
  sassModule ??= createRequire(import.meta.url)('sass') as typeof SassModule;
  return sassModule;
}

export interface SassOptions {
  loadPaths: string[];
  /** `sass.style`: expanded (Jekyll's default) or compressed. */
  style: 'expanded' | 'compressed';
  /** Show deprecation warnings coming from dependencies (`sass.quiet_deps: false`). */
  quietDeps: boolean;
  /** `sass.sourcemap`: always (the default), never, or development (only when JEKYLL_ENV is development). */
  sourceMap: boolean;
  /** Absolute site source: source map `sources` are relative to it. */
  source: string;
}

export interface SassResult {
  css: string;
  /** The source map as JSON, when asked for. */
  map?: string;
}

export function sassOptionsFromConfig(config: Hash, loadPaths: string[]): SassOptions {
  const s = isHash(config.sass) ? config.sass : {};
  const style = String(s.style ?? 'expanded').replace(/^:/, '');
  const sourcemap = String(s.sourcemap ?? 'always').replace(/^:/, '');
  const env = process.env.JEKYLL_ENV || 'development';
  return {
    loadPaths,
    // Dart Sass writes expanded or compressed; `compact` and `nested` (libsass) become expanded.
    style: style === 'compressed' ? 'compressed' : 'expanded',
    quietDeps: s.quiet_deps !== false,
    sourceMap: sourcemap === 'always' || (sourcemap === 'development' && env === 'development'),
    source: String(config.source),
  };
}

/**
 * Compiles a stylesheet as jekyll-sass-converter does with Dart Sass (`sass-embedded`):
 * the CSS, then "\n" — or, with a source map, a blank line and the sourceMappingURL comment.
 * `file` is the stylesheet's path relative to the source; `withMap` asks for the map.
 */
export function compileSass(source: string, syntax: 'scss' | 'sass', file: string, options: SassOptions, onWarning?: (message: string) => void, withMap = false): SassResult {
  try {
    const url = pathToFileURL(path.join(options.source, file));
    const result = sass().compileString(source, {
      url,
      sourceMap: withMap,
      sourceMapIncludeSources: true,
      syntax: syntax === 'sass' ? 'indented' : 'scss',
      loadPaths: options.loadPaths,
      style: options.style,
      quietDeps: options.quietDeps,
      silenceDeprecations: options.quietDeps ? ['import', 'global-builtin', 'color-functions', 'slash-div'] : [],
      logger: {
        warn: (message) => onWarning?.(message),
        debug: () => undefined,
      },
    });
    assertConfined(result.loadedUrls, url, file, options);
    if (!withMap || !result.sourceMap) return { css: `${result.css}\n` };
    const cssName = `${path.basename(file).replace(/\.s[ac]ss$/i, '')}.css`;
    const map = {
      ...result.sourceMap,
      file: encodeURI(cssName),
      sources: result.sourceMap.sources.map((s) => (s.startsWith('file:') ? path.relative(options.source, fileURLToPath(s)).split(path.sep).join('/') : s)),
    };
    return { css: `${result.css}\n\n/*# sourceMappingURL=${encodeURI(`${cssName}.map`)} */`, map: JSON.stringify(map) };
  } catch (err) {
    if (sassModule && err instanceof sassModule.Exception) {
      const span = err.span;
      // (the stylesheet itself may not exist as a file: `sassify` compiles a string)
      const inThisFile = !span.url || span.url.href === pathToFileURL(path.join(options.source, file)).href;
      if (!inThisFile && span.url?.protocol === 'file:' && !resolvesInside(fileURLToPath(span.url), sassRoots(options))) throw outsideError(file);
      throw new BuildError({
        file: inThisFile ? file : path.relative(options.source, fileURLToPath(span.url!)),
        line: span.start.line + 1,
        column: span.start.column + 1,
        message: `Sass error: ${err.sassMessage}`,
        frame: inThisFile ? codeFrame(source, span.start.line + 1, span.start.column + 1) : undefined,
      });
    }
    throw err;
  }
}
