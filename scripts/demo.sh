#!/usr/bin/env bash
# The main job on the embedded store: builds NewsGraph, ingests the bundled sample pages into
# ./newsgraph.db, and shows what it stored. Run it again: nothing is stored twice.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release src/NewsGraph.Cli -nologo -v quiet
newsgraph() { dotnet src/NewsGraph.Cli/bin/Release/net10.0/newsgraph.dll "$@"; }

newsgraph ingest samples --db newsgraph.db
echo
echo "== newsgraph list"
newsgraph list --db newsgraph.db --limit 10
echo
echo "== newsgraph search ceasefire"
newsgraph search ceasefire --db newsgraph.db --limit 3
