#!/usr/bin/env bash
# Mikoshi's benchmarks, and docs/benchmarks.md from what they measured.
#   bench/run.sh                       everything; regenerates docs/benchmarks.md above its hand-written part (kept as it is),
#                                      with issue #18's targets as this run measured them
#   bench/run.sh allocate|sqlite|postgres|holdings|membership-sqlite|membership-postgres …
#                                      only those parts; prints them, leaves the docs alone
#   bench/run.sh membership            the three membership parts (holdings, membership-sqlite, membership-postgres)
#   bench/run.sh revenue               revenue-sqlite, revenue-postgres: a revenue event at 10, 10^3, 10^6 holders vs a push split; claims; a 10^5-line Zengin file
#   bench/run.sh redemption            redemption-sqlite, redemption-postgres: the redemption preview and a redemption with 10 and 10^6 tokens, three assets
#   bench/run.sh load                  HTTP load on 127.0.0.1 (load-sqlite, load-postgres): reads and deposits beside a bare endpoint
#   bench/run.sh votes                 EIP-712 signed votes verified per second against Nethereum; Tally.Count over 10^6 ballots
#   bench/run.sh gas                   chain mode: gas per distribution and per claim vs OpenZeppelin 4.9 PaymentSplitter at 10, 100, 400 recipients (anvil)
#   bench/run.sh payments              payments-sqlite, payments-postgres: 10^4 signed Stripe webhooks (10% duplicated, shuffled) vs raw one-row commits; a 10^5-line bank statement import (not part of a full run)
#   bench/run.sh notifications         notifications-sqlite, notifications-postgres: one proposal-opened event to 10^5 members (enqueue, expansion, mails at once) and signed webhook deliveries/s to a local receiver (not part of a full run; prints)
#   bench/run.sh matching              a suggested team among 10^5 people, indexed vs brute force; coverage over 10^4 people and 10^3 projects
#   bench/run.sh scale                 scale-sqlite, scale-postgres: each request in a community of 10^5 entries / 10^4 members vs one of the demo's size
#   bench/run.sh verify                verify-sqlite, verify-postgres: full verify vs a raw read at two journal sizes, and verify --since-checkpoint of new entries
#   bench/run.sh floor                 floor-sqlite, floor-postgres: the rows a deposit, a mint, a transfer store, written raw, vs the writes and a raw one-row commit
# Settings (environment): BENCH_REPS (5), BENCH_SECONDS (3, per side per repetition),
# BENCH_ENTRIES (20000, journal entries for verify), BENCH_CHECKPOINT_PEOPLE / _TOKENS / _TRANSFERS
# (10000 / 100000 / 450000: the history loaded into the store for the holdings lookup, 10^6 rows),
# BENCH_LOAD_CLIENTS (16 concurrent clients), BENCH_LOAD_SECONDS (4, per side per request kind),
# BENCH_VOTES (2000 pre-signed votes per side per repetition), BENCH_BALLOTS (1000000 ballots tallied),
# BENCH_REDEMPTION_PREVIEWS / BENCH_REDEMPTIONS (40 / 20 per world per repetition), BENCH_REDEMPTION_TOKENS (10,1000000: few,many),
# BENCH_VERIFY_SIZES (100000,1000000: journal entries, in turn, loaded by BulkJournal), BENCH_VERIFY_NEW (1000: new entries per incremental verify),
# BENCH_NOTIFICATION_MEMBERS / _MAILS / _DELIVERIES (100000 / 2000 / 1000),
# BENCH_SCALE_ENTRIES / _MEMBERS / _LINEAGE (100000 / 10000 / 1000: the large community), BENCH_SCALE_REQUESTS (100 per repetition),
# BENCH_RESULTS (unset: a directory to keep the result files in).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
all_parts=(allocate sqlite postgres verify-sqlite verify-postgres holdings membership-sqlite membership-postgres floor-sqlite floor-postgres revenue-sqlite revenue-postgres redemption-sqlite redemption-postgres load-sqlite load-postgres scale-sqlite scale-postgres votes gas matching)
parts=()
for p in "$@"; do
  case "$p" in
    allocate|sqlite|postgres|verify-sqlite|verify-postgres|holdings|membership-sqlite|membership-postgres|floor-sqlite|floor-postgres|revenue-sqlite|revenue-postgres|redemption-sqlite|redemption-postgres|load-sqlite|load-postgres|scale-sqlite|scale-postgres|votes|gas|matching) parts+=("$p") ;;
    revenue) parts+=(revenue-sqlite revenue-postgres) ;;
    verify) parts+=(verify-sqlite verify-postgres) ;;
    payments-sqlite|payments-postgres) parts+=("$p") ;;
    payments) parts+=(payments-sqlite payments-postgres) ;;
    notifications-sqlite|notifications-postgres) parts+=("$p") ;;
    notifications) parts+=(notifications-sqlite notifications-postgres) ;;
    redemption) parts+=(redemption-sqlite redemption-postgres) ;;
    membership) parts+=(holdings membership-sqlite membership-postgres) ;;
    load) parts+=(load-sqlite load-postgres) ;;
    scale) parts+=(scale-sqlite scale-postgres) ;;
    floor) parts+=(floor-sqlite floor-postgres) ;;
    *) echo "unknown part: $p (${all_parts[*]}, membership, revenue, redemption, load, verify, floor)" >&2; exit 2 ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || parts=("${all_parts[@]}")
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
full=1; for p in "${all_parts[@]}"; do want "$p" || full=0; done
reps=${BENCH_REPS:-5}; seconds=${BENCH_SECONDS:-3}; entries=${BENCH_ENTRIES:-20000}
history=(--people "${BENCH_CHECKPOINT_PEOPLE:-10000}" --tokens "${BENCH_CHECKPOINT_TOKENS:-100000}" --transfers "${BENCH_CHECKPOINT_TRANSFERS:-450000}")

work=$(mktemp -d /tmp/mikoshi-bench.XXXXXX)
results="$work/results"; mkdir -p "$results" "$work/sqlite" "$work/load"
# Not inside $work: that is private to root, and as root the server runs as the postgres user.
pg_dir=$(mktemp -u /tmp/mikoshi-bench-pg.XXXXXX)
cleanup() {
  # BENCH_RESULTS=DIR keeps a partial run's result files (the JSON each part wrote), e.g. to write one section by hand.
  [ -n "${BENCH_RESULTS:-}" ] && mkdir -p "$BENCH_RESULTS" && cp -r "$results/." "$BENCH_RESULTS/" || true
  [ -d "$pg_dir/data" ] && "$root/scripts/pg.sh" stop "$pg_dir" || true
  rm -rf "$work"
}
trap cleanup EXIT
started=$(date +%s)

# Release build; a neighbour's build may hold a file for a moment, so try again before giving up.
for attempt in 1 2 3; do
  if dotnet build bench/Mikoshi.Bench/Mikoshi.Bench.csproj -c Release -nologo -v quiet; then break; fi
  [ "$attempt" = 3 ] && exit 1
  echo "build failed (attempt $attempt); retrying" >&2; sleep 5
done
bench=(dotnet "$root/bench/Mikoshi.Bench/bin/Release/net10.0/Mikoshi.Bench.dll")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

if want allocate; then
  "${bench[@]}" allocate --out "$results/allocate.md" --artifacts "$work/bdn"
fi
if want sqlite; then
  "${bench[@]}" ledger --store sqlite --location "$work/sqlite" --out "$results/sqlite.json" \
    --reps "$reps" --seconds "$seconds" --entries "$entries"
fi
if want postgres || want verify-postgres || want membership-postgres || want revenue-postgres || want redemption-postgres || want load-postgres || want floor-postgres || want payments-postgres || want notifications-postgres || want scale-postgres; then
  # A free loopback port: ask the kernel for one, then hand it to the server.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  server=$("$root/scripts/pg.sh" start "$pg_dir" "$port")
fi
if want postgres; then
  "${bench[@]}" ledger --store postgres --location "$server" --out "$results/postgres.json" \
    --reps "$reps" --seconds "$seconds" --entries "$entries"
fi
verify=(--reps "$reps" --sizes "${BENCH_VERIFY_SIZES:-100000,1000000}" --new "${BENCH_VERIFY_NEW:-1000}")
if want verify-sqlite; then
  "${bench[@]}" verify --store sqlite --location "$work/sqlite" --out "$results/verify-sqlite.json" "${verify[@]}"
fi
if want verify-postgres; then
  "${bench[@]}" verify --store postgres --location "$server" --out "$results/verify-postgres.json" "${verify[@]}"
fi
if want holdings; then
  "${bench[@]}" holdings --out "$results/holdings.json" --reps "$reps"
fi
if want membership-sqlite; then
  "${bench[@]}" membership --store sqlite --location "$work/sqlite" --out "$results/membership-sqlite.json" \
    --reps "$reps" --seconds "$seconds" "${history[@]}"
fi
if want membership-postgres; then
  "${bench[@]}" membership --store postgres --location "$server" --out "$results/membership-postgres.json" \
    --reps "$reps" --seconds "$seconds" "${history[@]}"
fi
for store in sqlite postgres; do
  if want "floor-$store"; then
    location="$work/sqlite"; [ "$store" = postgres ] && location="$server"
    "${bench[@]}" floor --store "$store" --location "$location" --out "$results/floor-$store.json" --reps "$reps" --seconds "$seconds"
  fi
done
if want revenue-sqlite; then
  "${bench[@]}" revenue --store sqlite --location "$work/sqlite" --out "$results/revenue-sqlite.json" \
    --reps "$reps" --events "${BENCH_REVENUE_EVENTS:-10}" --holders "${BENCH_REVENUE_HOLDERS:-10,1000,1000000}"
fi
if want revenue-postgres; then
  "${bench[@]}" revenue --store postgres --location "$server" --out "$results/revenue-postgres.json" \
    --reps "$reps" --events "${BENCH_REVENUE_EVENTS:-10}" --holders "${BENCH_REVENUE_HOLDERS:-10,1000,1000000}" --zengin no
fi
redemption=(--reps "$reps" --previews "${BENCH_REDEMPTION_PREVIEWS:-40}" --redemptions "${BENCH_REDEMPTIONS:-20}" --tokens "${BENCH_REDEMPTION_TOKENS:-10,1000000}")
if want redemption-sqlite; then
  "${bench[@]}" redemption --store sqlite --location "$work/sqlite" --out "$results/redemption-sqlite.json" "${redemption[@]}"
fi
if want redemption-postgres; then
  "${bench[@]}" redemption --store postgres --location "$server" --out "$results/redemption-postgres.json" "${redemption[@]}"
fi
if want load-sqlite; then
  "${bench[@]}" load --store sqlite --location "$work/load" --out "$results/load-sqlite.json" \
    --clients "${BENCH_LOAD_CLIENTS:-16}" --seconds "${BENCH_LOAD_SECONDS:-4}"
fi
if want load-postgres; then
  "${bench[@]}" load --store postgres --location "$server" --out "$results/load-postgres.json" \
    --clients "${BENCH_LOAD_CLIENTS:-16}" --seconds "${BENCH_LOAD_SECONDS:-4}"
fi
for store in sqlite postgres; do
  if want "scale-$store"; then
    location="$work/sqlite"; [ "$store" = postgres ] && location="$server"
    "${bench[@]}" scale --store "$store" --location "$location" --out "$results/scale-$store.json" --reps "$reps" \
      --requests "${BENCH_SCALE_REQUESTS:-100}" --entries "${BENCH_SCALE_ENTRIES:-100000}" --members "${BENCH_SCALE_MEMBERS:-10000}" --lineage "${BENCH_SCALE_LINEAGE:-1000}"
  fi
done
for store in sqlite postgres; do
  if want "payments-$store"; then
    location="$work/sqlite"; [ "$store" = postgres ] && location="$server"
    "${bench[@]}" payments --store "$store" --location "$location" --out "$results/payments-$store.json" \
      --events "${BENCH_PAYMENT_EVENTS:-10000}" --lines "${BENCH_PAYMENT_LINES:-100000}"
    cat "$results/payments-$store.json"; echo
  fi
done
for store in sqlite postgres; do
  if want "notifications-$store"; then
    location="$work/sqlite"; [ "$store" = postgres ] && location="$server"
    "${bench[@]}" notifications --store "$store" --location "$location" --members "${BENCH_NOTIFICATION_MEMBERS:-100000}" \
      --reps "$reps" --mails "${BENCH_NOTIFICATION_MAILS:-2000}" --deliveries "${BENCH_NOTIFICATION_DELIVERIES:-1000}" | tee "$results/notifications-$store.txt"
  fi
done
if want votes; then
  "${bench[@]}" votes --out "$results/votes.json" --reps "$reps" --votes "${BENCH_VOTES:-2000}" --ballots "${BENCH_BALLOTS:-1000000}"
fi
if want matching; then
  "${bench[@]}" matching --out "$results/matching.json" --reps "$reps" --people "${BENCH_MATCHING_PEOPLE:-100000}"
fi

if want gas; then
  # Chain mode: anvil and solc-js from contracts/node_modules (pinned by its lockfile).
  [ -x contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ] || npm ci --prefix contracts --no-audit --no-fund --silent
  "${bench[@]}" gas --out "$results/gas.json" --contracts "$root/contracts" --recipients "${BENCH_GAS_RECIPIENTS:-10,100,400}" --claims "${BENCH_GAS_CLAIMS:-20}"
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$(( $(date +%s) - started ))
if [ "$full" = 0 ]; then
  echo "Ran ${parts[*]} in ${elapsed} s; docs/benchmarks.md is regenerated only by a full run (bench/run.sh)."
  exit 0
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
{
  echo "## Machine and run"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') |"
  echo "| cores | $(nproc) (shared with other engineers' builds and tests while this ran: expect noise) |"
  echo "| RAM | $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) |"
  echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |"
  echo "| .NET | SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}') |"
  echo "| PostgreSQL | $("$pg_bin/postgres" --version | awk '{print $3}'), started by \`scripts/pg.sh\` under /tmp with \`fsync=off\`, \`synchronous_commit=off\`, \`full_page_writes=off\` (throwaway settings: a commit never waits for the disk) |"
  echo "| SQLite | file under /tmp on $(df -T /tmp | awk 'NR==2 {print $2}'), WAL, the provider's default \`synchronous\` (see the table) — commits are synced to disk |"
  echo "| source | \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src bench || echo ' (with uncommitted changes)') on branch \`$(git rev-parse --abbrev-ref HEAD)\` |"
  echo "| run | $(date -u '+%Y-%m-%d %H:%M UTC'), ${elapsed} s in all (build included); load average before $load_before, after $load_after |"
  echo "| settings | $(env | grep '^BENCH_' | grep -v '^BENCH_RESULTS=' | sort | sed 's/^/`/; s/$/`/' | paste -sd' ' - | sed 's/^$/the defaults/') |"
  echo
  echo "The machine is shared: other engineers build and test on the same 2 cores while this runs, so absolute numbers move by tens of percent"
  echo "from run to run, and even within a run (see every repetition at the end). Each ratio is measured against a baseline taken alternately in"
  echo "the same run, which removes some of that noise but not all: read the ranges, and treat differences smaller than them as noise."
  echo
  echo "Regenerate this file: \`bench/run.sh\` (about $(( (elapsed + 59) / 60 )) minutes here)."
} > "$results/machine.md"

"${bench[@]}" report --results "$results" --out "$root/docs/benchmarks.md"
echo "Wrote docs/benchmarks.md in ${elapsed} s."
