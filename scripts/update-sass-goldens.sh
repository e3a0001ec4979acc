#!/usr/bin/env bash
# Regenerates test/sass/site/expected with real Jekyll 4.3.1 (Debian: apt-get install jekyll).
# Debian's Jekyll compiles Sass with libsass (sassc); Utterson uses Dart Sass, so the test
# compares the CSS rule by rule (test/sass/css-normalize.ts), not byte by byte.
set -euo pipefail
cd "$(dirname "$0")/../test/sass/site"
rm -rf expected
JEKYLL_NO_BUNDLER_REQUIRE=true TZ=UTC jekyll build -q -s src -d expected
rm -rf src/.jekyll-cache
