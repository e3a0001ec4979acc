#!/bin/sh
# Regenerates test/markdown/cases/*.html from *.md with real kramdown, exactly as
# Jekyll 4.3 converts Markdown (needs ruby + the jekyll and kramdown-parser-gfm gems;
# on Debian: JEKYLL_NO_BUNDLER_REQUIRE=true keeps Bundler out of the way).
# NAME.yml beside NAME.md, if present, is site configuration merged over Jekyll's defaults.
set -eu
cd "$(dirname "$0")/.."
for md in test/markdown/cases/*.md; do
  base="${md%.md}"
  if [ -f "$base.yml" ]; then
    JEKYLL_NO_BUNDLER_REQUIRE=true ruby scripts/kramdown-as-jekyll.rb "$base.yml" < "$md" > "$base.html"
  else
    JEKYLL_NO_BUNDLER_REQUIRE=true ruby scripts/kramdown-as-jekyll.rb < "$md" > "$base.html"
  fi
  echo "wrote $base.html"
done
