#!/usr/bin/env bash
# Regenerates test/fixtures/<name>/expected/ with real Jekyll 4.3.1 (the oracle).
# Usage: scripts/update-goldens.sh [name…]   (no names: every fixture)
#
# Each fixture may have fixture.json: { "flags": [...], "env": { "K": "V" } }.
# In flags, "{src}" stands for the fixture's absolute src/ path (needed for
# --config, whose paths Jekyll resolves against the working directory).
# The same file drives test/fixtures.test.ts, so both tools get the same input.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="$root/test/fixtures"

if ! command -v jekyll >/dev/null; then
  echo "update-goldens: jekyll is not installed (apt-get install jekyll ruby-kramdown-parser-gfm)" >&2
  exit 1
fi

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for d in "$fixtures"/*/; do
    [ -d "$d/src" ] && names+=("$(basename "$d")")
  done
fi

for name in "${names[@]}"; do
  dir="$fixtures/$name"
  src="$dir/src"
  [ -d "$src" ] || { echo "update-goldens: no such fixture: $name" >&2; exit 1; }

  # Read flags and env from fixture.json with node (always present in this project).
  flags=()
  envs=()
  if [ -f "$dir/fixture.json" ]; then
    while IFS= read -r -d '' f; do flags+=("$f"); done < <(node -e '
      const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      for (const f of j.flags ?? []) process.stdout.write(String(f).split("{src}").join(process.argv[2]) + "\0");
    ' "$dir/fixture.json" "$src")
    while IFS= read -r -d '' e; do envs+=("$e"); done < <(node -e '
      const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      for (const [k, v] of Object.entries(j.env ?? {})) process.stdout.write(k + "=" + v + "\0");
    ' "$dir/fixture.json")
  fi

  echo "== $name ${flags[*]:-} ${envs[*]:-}"
  rm -rf "$dir/expected"
  # Run from the fixture dir so nothing depends on the caller's cwd.
  (cd "$dir" && env JEKYLL_NO_BUNDLER_REQUIRE=true TZ=UTC "${envs[@]}" \
    jekyll build -s "$src" -d "$dir/expected" "${flags[@]}")
  rm -rf "$src/.jekyll-cache" "$dir/.jekyll-cache"
  # Guard: goldens must not leak this machine's paths.
  if grep -rl -- "$root" "$dir/expected" >/dev/null 2>&1; then
    echo "update-goldens: $name/expected contains absolute paths:" >&2
    grep -rl -- "$root" "$dir/expected" >&2
    exit 1
  fi
done
