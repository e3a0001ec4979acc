/**
 * `utterson new --blank`: Jekyll's lib/blank_template, file for file, with the same empty
 * folders. As in Jekyll 4.4 (jekyll/jekyll#9257) the partial is `_sass/base.scss`: 4.3.1's
 * `_sass/main.scss` is shadowed by `assets/css/main.scss` itself under Dart Sass (the
 * relative import finds the importing file first), which breaks the build there as it does
 * with jekyll-sass-converter 3 (jekyll/jekyll#9250).
 */
export const BLANK_DIRS = ['_data', '_drafts', '_includes', '_posts'];

export function blankSiteFiles(): Record<string, string> {
  return {
    '_config.yml': `url: "" # the base hostname & protocol for your site, e.g. http://example.com
baseurl: "" # the subpath of your site, e.g. /blog
title: "" # the name of your site, e.g. ACME Corp.
`,
    '_layouts/default.html': `<!DOCTYPE html>
<html lang="{{ site.lang | default: "en-US" }}">
  <head>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta charset="utf-8">
    <title>{{ page.title }} - {{ site.title }}</title>
    <link rel="stylesheet" href="{{ "/assets/css/main.css" | relative_url }}">
  </head>
  <body>
    {{ content }}
  </body>
</html>
`,
    '_sass/base.scss': `$backgroundColor: #ffffff;
$bodyColor: #000000;
$bodyFont: -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji","Segoe UI Symbol";

body {
  background: $backgroundColor;
  color: $bodyColor;
  font-family: $bodyFont;
}
`,
    'assets/css/main.scss': `---
---

@import "base";
`,
    'index.md': `---
layout: default
title: "Happy Jekylling!"
---

## You're ready to go!

Start developing your Jekyll website.
`,
  };
}
