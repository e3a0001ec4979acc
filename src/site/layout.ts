/** Jekyll's Layout: a template that wraps `content`, possibly inside another layout. */
import type { Hash } from '../utils/merge.js';

export interface Layout {
  /** `default`, `post`, `sub/x` (file name less its last extension). */
  name: string;
  /** Absolute path. */
  path: string;
  /** Path for messages and Liquid caching (`_layouts/default.html`, or the theme's). */
  displayPath: string;
  data: Hash;
  content: string;
  /** Number of lines before `content` in the file (front matter), for error positions. */
  contentLine: number;
}
