#!/usr/bin/env bash
# Adds a migration NAME for both providers (each keeps its own under src/Mikoshi.Data/Migrations/).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/Mikoshi.Data"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${provider}MikoshiDb" --output-dir "Migrations/$provider" --namespace "Mikoshi.Data.Migrations.$provider"
  # dotnet-ef puts the snapshot in a folder named after the namespace: keep it beside the migrations.
  if [ -d "Mikoshi/Data/Migrations/$provider" ]; then mv Mikoshi/Data/Migrations/$provider/*.cs "Migrations/$provider/"; fi
done
rm -rf Mikoshi
