#!/bin/sh
# Regenerates test/markdown/cases/*.html from *.md with real kramdown, exactly as
# Jekyll 4.3 converts Markdown (needs ruby + the jekyll and kramdown-parser-gfm gems;
# on Debian: JEKYLL_NO_BUNDLER_REQUIRE=true keeps Bundler out of the way).
set -eu
cd "$(dirname "$0")/.."
for md in test/markdown/cases/*.md; do
  JEKYLL_NO_BUNDLER_REQUIRE=true ruby scripts/kramdown-as-jekyll.rb < "$md" > "${md%.md}.html"
  echo "wrote ${md%.md}.html"
done
