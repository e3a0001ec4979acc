#!/usr/bin/env bash
# Times `utterson build` of a site (default: the MrGreen theme demo at /tmp/mrgreen), N runs each
# with one render thread (-j 1) and the default, and prints the median wall and CPU (user+sys)
# seconds. With several checkouts (UTTERSON_ROOTS="/a /b"), runs alternate between them so a
# shared machine's load falls on both alike.
# Usage: [UTTERSON_ROOTS="dir…"] scripts/mrgreen-timing.sh [site-dir] [runs] [out-dir]
set -euo pipefail
SITE=${1:-/tmp/mrgreen}
RUNS=${2:-3}
OUT=${3:-/tmp/mg-timing-out}
ROOTS=${UTTERSON_ROOTS:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$SITE"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A walls cpus
for ((i = 0; i < RUNS; i++)); do
  for mode in "-j1" "default"; do
    for root in $ROOTS; do
      flag=""; [ "$mode" = "-j1" ] && flag="-j 1"
      rm -rf "$OUT"
      /usr/bin/time -o "$OUT.time" -f '%e %U %S' node "$root/bin/utterson.js" build -d "$OUT" $flag >/dev/null 2>&1
      read -r wall user sys < <(tail -1 "$OUT.time")
      walls[$root $mode]+="$wall "
      cpus[$root $mode]+="$(echo "$user + $sys" | bc) "
    done
  done
done
for root in $ROOTS; do
  for mode in "-j1" "default"; do
    w=${walls[$root $mode]}; c=${cpus[$root $mode]}
    printf '%-24s %-8s wall %5s (%s)  cpu %5s (%s)\n' "$root" "$mode" \
      "$(tr ' ' '\n' <<<"$w" | grep . | median)" "${w% }" "$(tr ' ' '\n' <<<"$c" | grep . | median)" "${c% }"
  done
done
