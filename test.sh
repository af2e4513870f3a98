#!/usr/bin/env bash
# The whole test suite, on a fresh machine of this project's kind: installs what the tests need
# (Debian's Chromium, poppler-utils, the PostgreSQL server binaries), then runs every test project. The tests
# start their own PostgreSQL server on a loopback port and stop it at the end.
#   ./test.sh            everything (what CI runs)
#   ./test.sh --fast     the quick lane while working: domain tests and the HTTP and CLI tests on SQLite;
#                        no browser, chain, crash, fuzz or model-based property runs, no PostgreSQL cases
# Other arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"

args=()
for arg in "$@"; do
  if [ "$arg" = --fast ]; then
    args+=(--filter "FullyQualifiedName!~.Browser.&FullyQualifiedName!~.Chain.&FullyQualifiedName!~.Proof.&FullyQualifiedName!~.Fuzz.&FullyQualifiedName!~.Properties.&DisplayName!~postgres")
  else
    args+=("$arg")
  fi
done
set -- ${args[@]+"${args[@]}"}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The PDF tests render statements with pdftoppm and read them back with pdftotext and pdffonts.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian..."
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The external vote client (ethers v6) the governance tests run, pinned by its lockfile.
npm ci --prefix tests/js --no-audit --no-fund --silent
# Chain mode: solc-js and OpenZeppelin for the contracts' build, anvil for the chain tests.
npm ci --prefix contracts --no-audit --no-fund --silent

# Layout is gated: the code must already be as `dotnet format` would leave it (.editorconfig); style rules
# (EnforceCodeStyleInBuild, warnings as errors) are gated by the build itself.
if ! dotnet format whitespace Mikoshi.slnx --verify-no-changes -v q; then
  echo "Formatting differs from .editorconfig: run 'dotnet format whitespace Mikoshi.slnx' and commit." >&2
  exit 1
fi

results=$(mktemp -d)
status=0
dotnet test Mikoshi.slnx -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line over every test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$passed" -gt 0 ] || status=1
exit $status
