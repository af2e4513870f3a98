#!/usr/bin/env bash
# Where a test run's time goes, read from its trx files (./test.sh keeps them when MIKOSHI_TEST_RESULTS is set):
#   scripts/trx-top.sh [-n N] FILE.trx...   -> each file's wall time (first start to last end) and test count,
#                                              then its N slowest classes (summed) and N slowest tests
# Durations are per test as the runner measured them; classes of one lane run two at a time, so the class sums
# can add up to more than the lane's wall time.
set -euo pipefail
n=15
if [ "${1:-}" = -n ]; then n=$2; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [-n N] FILE.trx..." >&2; exit 2; }
for trx in "$@"; do
  # One line per result: seconds, start, end, name (names are unescaped enough to read).
  rows=$(grep -o '<UnitTestResult [^>]*>' "$trx" | sed -n \
    's/.*testName="\([^"]*\)".*duration="\([0-9]*\):\([0-9]*\):\([0-9.]*\)".*startTime="\([^"]*\)".*endTime="\([^"]*\)".*/\2 \3 \4\t\5\t\6\t\1/p' |
    awk -F'\t' '{ split($1, t, " "); printf "%.2f\t%s\t%s\t%s\n", t[1]*3600 + t[2]*60 + t[3], $2, $3, $4 }' |
    sed 's/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g')
  [ -n "$rows" ] || { echo "$trx: no results"; continue; }
  first=$(cut -f2 <<<"$rows" | sort | head -n 1); last=$(cut -f3 <<<"$rows" | sort | tail -n 1)
  wall=$(( $(date -d "$last" +%s) - $(date -d "$first" +%s) ))
  echo "== $(basename "$trx"): $(wc -l <<<"$rows") tests, ${wall} s from first start to last end, $(awk -F'\t' '{ s += $1 } END { printf "%.0f", s }' <<<"$rows") s summed"
  echo "-- slowest classes (summed s, tests)"
  awk -F'\t' '{ name = $4; sub(/\(.*/, "", name); sub(/\.[^.]*$/, "", name); s[name] += $1; c[name]++ }
    END { for (k in s) printf "%8.1f %4d  %s\n", s[k], c[k], k }' <<<"$rows" | sort -rn | head -n "$n"
  echo "-- slowest tests (s)"
  awk -F'\t' '{ printf "%8.1f  %s\n", $1, $4 }' <<<"$rows" | sort -rn | head -n "$n"
done
