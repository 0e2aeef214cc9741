#!/usr/bin/env bash
# The main job on the embedded store: builds NewsGraph, ingests the bundled samples (page dumps, an HTML
# page, RSS and Atom feeds, a WARC and a WET crawl, a JSON Lines export) into ./newsgraph.db, and shows what
# it found: articles, entities, quotes, events, actor pairs, and a GDELT export. Run it again: nothing is
# stored twice.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release src/NewsGraph.Cli -nologo -v quiet
newsgraph() { dotnet src/NewsGraph.Cli/bin/Release/net10.0/newsgraph.dll "$@"; }
db=newsgraph.db
section() { printf '\n== %s\n' "$*"; }

newsgraph ingest samples --db "$db"

section "newsgraph list"
newsgraph list --db "$db" --limit 8
section "newsgraph search sanctions"
newsgraph search sanctions --db "$db" --limit 3
section "newsgraph entities --country IRN"
newsgraph entities --country IRN --db "$db" --top 8
section "newsgraph entity Araghchi"
newsgraph entity Araghchi --db "$db" --articles 3
section "newsgraph quotes --limit 6"
newsgraph quotes --db "$db" --limit 6
section "newsgraph events --since 2024-06-01"
newsgraph events --since 2024-06-01 --db "$db" --limit 10
section "newsgraph dyads --top 6"
newsgraph dyads --db "$db" --top 6

out=$(mktemp -d)
newsgraph export --format gdelt-events --db "$db" --out "$out/events.tsv"
newsgraph export --format gdelt-gkg --db "$db" --out "$out/gkg.tsv"
newsgraph export --format graphml --db "$db" --out "$out/actors.graphml"
section "exports in $out"
wc -l "$out/events.tsv" "$out/gkg.tsv" | sed '$d'
awk -F'\t' 'NR <= 3 { print NF " columns: " $2 "  " $6 " -> " $16 "  CAMEO " $27 "  Goldstein " $31 }' "$out/events.tsv"
