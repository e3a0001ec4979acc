/** What the model objects (documents, pages, static files) need to know about their site. */
import type { SiteConfig } from '../config/load.js';
import type { FrontmatterDefaults } from '../config/frontmatter-defaults.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JekyllTime } from '../utils/time.js';

export interface SiteContext {
  config: SiteConfig;
  /** Absolute source directory. */
  source: string;
  /** Absolute directory collections live in (source, or source/collections_dir). */
  collectionsPath: string;
  time: JekyllTime;
  /** `permalink` as configured (a style name or a template). */
  permalinkStyle: string;
  defaults: FrontmatterDefaults;
  /** Lower-case Markdown extensions with the dot (`.md`, `.markdown`, …). */
  markdownExts: Set<string>;
  diagnostics: Diagnostic[];
  /** Publisher#publish?: published (or --unpublished) and not in the future (or --future). */
  publishable(item: { data: Record<string, unknown>; date?: JekyllTime }): boolean;
}

/** The output extension a converter gives a file (Renderer#converter_output_ext). */
export function converterOutputExt(ctx: SiteContext, extname: string): string {
  const ext = extname.toLowerCase();
  if (ctx.markdownExts.has(ext)) return '.html';
  if (ext === '.sass' || ext === '.scss') return '.css';
  return extname;
}

export type ConverterKind = 'markdown' | 'sass' | 'scss' | 'identity';

export function converterKind(ctx: SiteContext, extname: string): ConverterKind {
  const ext = extname.toLowerCase();
  if (ctx.markdownExts.has(ext)) return 'markdown';
  if (ext === '.sass') return 'sass';
  if (ext === '.scss') return 'scss';
  return 'identity';
}

/** Renderer#permalink_ext: an explicit permalink's extension wins over the converter's. */
export function permalinkExt(permalink: unknown): string | undefined {
  if (typeof permalink !== 'string' || permalink.endsWith('/')) return undefined;
  const ext = extnameOf(permalink);
  return ext || undefined;
}

/** Ruby's File.extname: `.` + the part after the last dot of the last segment (not a leading dot). */
export function extnameOf(p: string): string {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return '';
  return base.slice(dot);
}
