/**
 * `utterson new --blank`: Jekyll 4.3.1's lib/blank_template, file for file, so a blank
 * Utterson site is the same scaffold `jekyll new --blank` makes (plus the same empty folders).
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
    '_sass/main.scss': `$backgroundColor: #ffffff;
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

@import "main";
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
