#!/usr/bin/env bash
# The test suite, on a fresh machine of this project's kind: installs what the tests need (Debian's Chromium,
# poppler-utils, the PostgreSQL server binaries), builds once, then runs the test lanes one after another (each
# lane is a test project; --fast runs its two lanes side by side). Tests
# start their own PostgreSQL server on a loopback port (one per lane) and stop it at the end.
#   ./test.sh               every lane (what CI runs)
#   ./test.sh --fast        the quick lane while working: Domain and Api on SQLite (no PostgreSQL cases)
#   ./test.sh --lane Ui     one lane; repeat --lane for several. Lanes:
#                             Domain  tests/Mikoshi.Domain.Tests  the rules, pure (properties against exact oracles)
#                             Api     tests/Mikoshi.Tests         the HTTP API in-process and the command line
#                             Ui      tests/Mikoshi.Ui.Tests      the pages in Chromium
#                             Chain   tests/Mikoshi.Chain.Tests   chain mode against a real anvil node
#                             Proof   tests/Mikoshi.Proof.Tests   crash, races, fuzz, model-based properties
# Other arguments go to every lane's `dotnet test` (e.g. --filter "FullyQualifiedName~DepositTests").
set -euo pipefail
cd "$(dirname "$0")"

declare -A projects=(
  [Domain]=tests/Mikoshi.Domain.Tests
  [Api]=tests/Mikoshi.Tests
  [Ui]=tests/Mikoshi.Ui.Tests
  [Chain]=tests/Mikoshi.Chain.Tests
  [Proof]=tests/Mikoshi.Proof.Tests
)
# Quickest first, so a broken rule fails the run early.
all_lanes=(Domain Api Proof Chain Ui)

lanes=()
fast=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) fast=1; lanes+=(Api Domain) ;;
    --lane)
      [ $# -ge 2 ] && [ -n "${projects[$2]:-}" ] || { echo "--lane takes one of: ${all_lanes[*]}" >&2; exit 2; }
      lanes+=("$2"); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ ${#lanes[@]} -gt 0 ] || lanes=("${all_lanes[@]}")
if [ $fast = 1 ]; then
  args+=(--filter "DisplayName!~postgres")
fi

needs() { for lane in "${lanes[@]}"; do [ "$lane" = "$1" ] && return 0; done; return 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
# The browser lanes drive Debian's old headless shell (tests/Mikoshi.Testing/Browser/BrowserApp.cs): the same engine as
# the chromium package, at about half the Ui lane's CPU seconds.
if needs Ui || needs Chain; then
  command -v chromium-headless-shell >/dev/null 2>&1 || missing+=(chromium-headless-shell)
fi
# The PDF tests render statements with pdftoppm and read them back with pdftotext and pdffonts.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node packages are installed from their lockfile once per lockfile: a stamp of the lockfile's hash in node_modules
# says they are, so a second run on the same tree skips the reinstall.
npm_ci() {
  local stamp="$1/node_modules/.mikoshi-lock" want
  want=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  npm ci --prefix "$1" --no-audit --no-fund --silent
  echo "$want" > "$stamp"
}
# The external vote client (ethers v6) the governance tests run, pinned by its lockfile; and for chain mode, solc-js and
# OpenZeppelin for the contracts' build, anvil for the chain tests. The two installs (mostly waiting on the network and
# the disk) run side by side.
npm_ci tests/js & npm_js=$!
npm_ci contracts
wait "$npm_js"

# Layout is gated: the code must already be as `dotnet format` would leave it (.editorconfig); style rules
# (EnforceCodeStyleInBuild, warnings as errors) are gated by the build itself.
if ! dotnet format whitespace Mikoshi.slnx --verify-no-changes -v q; then
  echo "Formatting differs from .editorconfig: run 'dotnet format whitespace Mikoshi.slnx' and commit." >&2
  exit 1
fi

# One build for every lane, then the lanes side by side without building again.
dotnet build Mikoshi.slnx -c Release -nologo -v q

# The servers and command lines the tests start as processes run without tiered PGO too, like the test processes
# themselves (tests/Directory.Build.props): instrumenting code that runs once costs CPU and pays nothing back.
export DOTNET_TieredPGO=0

results=$(mktemp -d)
run_lane() {
  local lane=$1 start=$SECONDS code=0
  dotnet test "${projects[$lane]}" -c Release --no-build --logger "trx;LogFileName=$lane.trx" --results-directory "$results" \
    ${args[@]+"${args[@]}"} > "$results/$lane.log" 2>&1 || code=$?
  # Each lane's output in one piece, not interleaved with the others'.
  sed "s/^/[$lane] /" "$results/$lane.log"
  echo "[$lane] finished in $((SECONDS - start)) s"
  return $code
}

# The full run takes the lanes one after another: on two cores, five lanes side by side took longer in all
# (14 min against 13) and starved the browser lane until a sign-up outlasted its 60 s wait. The fast lane's two
# projects, with no browser, still run side by side.
status=0
if [ $fast = 1 ]; then
  pids=()
  for lane in "${lanes[@]}"; do run_lane "$lane" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
else
  for lane in "${lanes[@]}"; do run_lane "$lane" || status=1; done
fi

# One plain closing line over every lane.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ -n "${MIKOSHI_TEST_RESULTS:-}" ]; then
  # Keep the trx files (per-test durations) where the caller asked, e.g. to rank where the time goes.
  mkdir -p "$MIKOSHI_TEST_RESULTS" && cp "$results"/*.trx "$MIKOSHI_TEST_RESULTS"/ 2>/dev/null || true
fi
rm -rf "$results"
echo "${lanes[*]}: $passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || status=1
exit $status
