#!/usr/bin/env bash
# The reliability proof in full (docs/proof.md): the Proof lane (tests/Mikoshi.Proof.Tests) with MIKOSHI_LONG=1 —
# the crash harness with 50 SIGKILLs on SQLite and on PostgreSQL, the 64-client races (in-process on both stores
# and across two server processes), the OpenAPI fuzzer's 105,000 requests and the long model-based property runs.
# Needs what ./test.sh installs (PostgreSQL server binaries). Extra arguments go to `dotnet test`, e.g. a
# --filter for one harness. Takes about an hour on a quiet 2-core machine; each harness prints its figures and seed.
set -euo pipefail
cd "$(dirname "$0")/.."
export MIKOSHI_LONG=1
dotnet build tests/Mikoshi.Proof.Tests -c Release -nologo -v q
dotnet test tests/Mikoshi.Proof.Tests -c Release --no-build --logger "console;verbosity=detailed" "$@"
