/**
 * Sass as Jekyll's sass converter does it: a page's SCSS (after Liquid) compiled with the
 * site's `_sass`, the theme's `_sass` and `sass.load_paths` on the load path.
 */
import * as sass from 'sass';
import { BuildError, codeFrame } from '../diagnostics/diagnostic.js';
import { isHash, type Hash } from '../utils/merge.js';

export interface SassOptions {
  loadPaths: string[];
  /** `sass.style`: expanded (Jekyll's default) or compressed. */
  style: 'expanded' | 'compressed';
  /** Show deprecation warnings coming from dependencies (`sass.quiet_deps: false`). */
  quietDeps: boolean;
}

export function sassOptionsFromConfig(config: Hash, loadPaths: string[]): SassOptions {
  const s = isHash(config.sass) ? config.sass : {};
  const style = String(s.style ?? 'expanded').replace(/^:/, '');
  return {
    loadPaths,
    style: style === 'compressed' || style === 'compact' ? 'compressed' : 'expanded',
    quietDeps: s.quiet_deps !== false,
  };
}

export function compileSass(source: string, syntax: 'scss' | 'sass', file: string, options: SassOptions, onWarning?: (message: string) => void): string {
  try {
    const result = sass.compileString(source, {
      syntax: syntax === 'sass' ? 'indented' : 'scss',
      loadPaths: options.loadPaths,
      style: options.style,
      quietDeps: options.quietDeps,
      silenceDeprecations: options.quietDeps ? ['import', 'global-builtin', 'color-functions', 'slash-div', 'mixed-decls'] : [],
      logger: {
        warn: (message) => onWarning?.(`${file}: ${message}`),
        debug: () => undefined,
      },
    });
    return result.css + (options.style === 'expanded' && result.css !== '' ? '\n' : '');
  } catch (err) {
    if (err instanceof sass.Exception) {
      const span = err.span;
      const inThisFile = !span.url;
      throw new BuildError({
        file: inThisFile ? file : decodeURIComponent(span.url!.pathname),
        line: span.start.line + 1,
        column: span.start.column + 1,
        message: `Sass error: ${err.sassMessage}`,
        frame: inThisFile ? codeFrame(source, span.start.line + 1, span.start.column + 1) : undefined,
      });
    }
    throw err;
  }
}
