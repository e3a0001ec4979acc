/**
 * `utterson new PATH`: a starter blog on the built-in theme (`theme: utterson`), the way
 * `jekyll new` starts one on minima: config, a first post, an about page, a home page, archive,
 * category and tag pages, a 404 page, and the data files the theme reads (`_data/lang/<lang>.yml` UI strings,
 * `_data/owner/<lang>.yml`, `_data/conf/main.yml`).
 */
export interface StarterOptions {
  /** Site title (the folder's name by default). */
  title: string;
  /** The first post's date, `YYYY-MM-DD`. */
  day: string;
  /** The first post's front matter date, `YYYY-MM-DD HH:MM:SS +ZZZZ`. */
  time: string;
  /** The year for the footer's copyright line. */
  year: string;
  /** Utterson's version, for package.json. */
  version: string;
}

/** YAML double-quoted scalar (titles may hold quotes, colons or `#`). */
function q(s: string): string {
  return JSON.stringify(s);
}

export function starterSiteFiles(o: StarterOptions): Record<string, string> {
  return {
    '_config.yml': `# Welcome to Utterson!
#
# Settings that affect the whole site: set them once, rebuild to see them.
# Everything here is read the way Jekyll 4.3 reads it; custom keys are
# available in templates as {{ site.my_key }}.

title: ${q(o.title)}
description: >- # folded: newlines become spaces
  Write a short description of your site here. Search engines show it
  for pages that have no description of their own.
# author: Your Name
url: "" # the base hostname & protocol for your site, e.g. https://example.com
baseurl: "" # the subpath of your site, e.g. /blog

# The built-in theme. Files in your own _layouts/, _includes/, _sass/ and
# assets/ override the theme's file by file.
theme: utterson

# Languages the site is written in. To add one (say Korean): list it here,
# copy _data/lang/en.yml and _data/owner/en.yml to ko.yml and translate
# them, add ko/index.html with "layout: home", then write translations with
#   npx utterson new-post "제목" --lang ko --pair <id of the English post>
languages: [en]
default_lang: en

# Posts live at /<categories>/<year>/<month>/<day>/<title>/
permalink: /:categories/:year/:month/:day/:title/

defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post

markdown: kramdown
kramdown:
  input: GFM

# The theme writes its <head> with {% seo %} and {% feed_meta %}.
plugins:
  - jekyll-feed
  - jekyll-seo-tag
  - jekyll-sitemap

exclude:
  - package.json
  - package-lock.json
  - README.md
`,
    '_data/lang/en.yml': `# UI strings the theme shows on English pages.
lng:
  name: English
  code: en
  country: US
  switch_title: EN
  offer:
    title: Language
    msg_page: Read this page in English
    msg_site: Go to the English home page

date:
  long: "%b %-d, %Y"
  year: "%Y"

skip_link: Skip to content

navigation:
  label: Main
  items:
    - title: Home
      url: /
    - title: Archive
      url: /archive/
    - title: Tags
      url: /tags/
    - title: About
      url: /about/

copyright:
  additional_text: "All rights reserved."
  built_with: "Built with"

post:
  category: "Category"
  tags: "Tags"
  read_time:
    unit: " min"
    text: " read"
  toc: "Contents"
  pager:
    label: "More posts"
    older_post: "← Older post"
    newer_post: "Newer post →"

theme:
  # the light/dark switch (a toggle button: pressed = dark)
  toggle: "Dark mode"

pagination:
  label: "Pages"
  newer: "← Newer posts"
  older: "Older posts →"
  page: "Page"

home:
  title: Home
  new_posts_title: Latest posts
  no_posts: No posts yet.
  all_posts: "All posts →"
`,
    '_data/owner/en.yml': `# Who writes this site, as English pages show it.
brand: ${q(o.title)}
# brand_sub_text: "a line under the brand"
# name: "Your Name"     # the default author of posts

home:
  top_header_line1: "Welcome to"
  top_header_line2: ${q(o.title)}

# about:
#   sub_title: "one line about you, under the home page's title"

copyright_start_year: "${o.year}"

# contact links in the footer, in this order
contacts:
  # - github: "your-github-name"
  # - email: "you@example.com"
`,
    '_data/conf/main.yml': `# Theme switches.

# languages offered by the language switcher, in this order
language_switch_lang_list: [en]

# <html lang="en-US"> instead of <html lang="en">
html_lng_with_country_code: false

# posts listed on a language's home page
home_posts_limit: 10

# show "N min read" on posts
post_read_time: true
words_per_minute: 200

copyright_add_end_year: true
`,
    [`_posts/${o.day}-welcome-to-utterson.md`]: `---
title: "Welcome to Utterson!"
date: ${o.time}
categories: [news]
tags: [utterson]
---

This is your first post. It lives in \`_posts/\`; edit it, then rebuild the site to see
your changes:

    npx utterson build     # writes _site/
    npx utterson serve     # http://localhost:4000, rebuilt as you save

Post files are named \`YEAR-MONTH-DAY-title.MARKUP\`, for example
\`${o.day}-welcome-to-utterson.md\`, and start with front matter between \`---\` lines.
\`npx utterson new-post "My next post"\` writes one for you.

Code blocks are highlighted the way Jekyll's Rouge does it:

\`\`\`ruby
def print_hi(name)
  puts "Hi, #{name}"
end
print_hi('Tom')
#=> prints 'Hi, Tom' to STDOUT.
\`\`\`

Before you publish, \`npx utterson doctor\` checks the site for broken links, missing
images and configuration mistakes.
`,
    'about.md': `---
title: About
layout: page
permalink: /about/
---

Write something about yourself and this site here. This page is \`about.md\`.

The site is built with [Utterson](https://www.npmjs.com/package/utterson), a
Jekyll-compatible static site generator for Node.js.
`,
    'index.html': `---
layout: home
---
`,
    'archive.html': `---
title: Archive
layout: archive
permalink: /archive/
---
`,
    'categories.html': `---
title: Categories
layout: categories
permalink: /categories/
---
`,
    'tags.html': `---
title: Tags
layout: tags
permalink: /tags/
---
`,
    '404.html': `---
title: Page not found
permalink: /404.html
layout: page
---

<p>The page you requested could not be found.</p>
<p><a href="{{ '/' | relative_url }}">Go to the home page</a></p>
`,
    '.gitignore': `_site/
.utterson-cache/
.jekyll-cache/
node_modules/
`,
    'package.json': `${JSON.stringify(
      {
        name: packageName(o.title),
        private: true,
        scripts: { build: 'utterson build', serve: 'utterson serve', doctor: 'utterson doctor' },
        devDependencies: { utterson: `^${o.version}` },
      },
      null,
      2,
    )}\n`,
  };
}

/** npm package names: lower case, URL-safe, at most 214 characters. */
export function packageName(title: string): string {
  const name = title.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '').slice(0, 214);
  return name || 'my-site';
}
