/** The built-in plugins, in the order their hooks run. */
import type { Plugin } from './plugin.js';
import { optionalFrontMatterPlugin } from './jekyll-optional-front-matter/index.js';
import { readmeIndexPlugin } from './jekyll-readme-index/index.js';
import { defaultLayoutPlugin } from './jekyll-default-layout/index.js';
import { titlesFromHeadingsPlugin } from './jekyll-titles-from-headings/index.js';
import { relativeLinksPlugin } from './jekyll-relative-links/index.js';
import { avatarPlugin } from './jekyll-avatar/index.js';
import { gistPlugin } from './jekyll-gist/index.js';
import { includeCachePlugin } from './jekyll-include-cache/index.js';
import { redirectFromPlugin } from './jekyll-redirect-from/index.js';
import { paginatePlugin } from './jekyll-paginate/index.js';
import { feedPlugin } from './jekyll-feed/index.js';
import { seoTagPlugin } from './jekyll-seo-tag/index.js';
import { sitemapPlugin } from './jekyll-sitemap/index.js';
import { jemojiPlugin } from './jemoji/index.js';
import { mentionsPlugin } from './jekyll-mentions/index.js';
import { githubMetadataPlugin } from './jekyll-github-metadata/index.js';
import { translationsPlugin } from './translations/index.js';
import { uttersonThemePlugin } from './utterson-theme/index.js';

export const BUILT_IN_PLUGINS: Plugin[] = [
  optionalFrontMatterPlugin,
  redirectFromPlugin,
  readmeIndexPlugin,
  paginatePlugin,
  sitemapPlugin,
  feedPlugin,
  seoTagPlugin,
  defaultLayoutPlugin,
  titlesFromHeadingsPlugin,
  relativeLinksPlugin,
  includeCachePlugin,
  avatarPlugin,
  gistPlugin,
  githubMetadataPlugin,
  jemojiPlugin,
  mentionsPlugin,
  translationsPlugin,
  uttersonThemePlugin,
];
