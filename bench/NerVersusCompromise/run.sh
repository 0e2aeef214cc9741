#!/usr/bin/env bash
# NewsGraph's entity tagger and compromise (npm) on the same CoNLL-2003 file, side by side.
#   bench/NerVersusCompromise/run.sh [CONLL-FILE]     (default ../shared/data/conll2003/test.txt)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
file="${1:-$repo/../shared/data/conll2003/test.txt}"
[ -d "$here/node_modules/compromise" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
dll="$repo/src/NewsGraph.Cli/bin/Release/net10.0/newsgraph.dll"
[ -f "$dll" ] || dotnet build -c Release "$repo/src/NewsGraph.Cli" -nologo -v quiet

ours=$(mktemp); theirs=$(mktemp)
trap 'rm -f "$ours" "$theirs"' EXIT
start=$(date +%s.%N); dotnet "$dll" eval ner --conll "$file" > "$ours"; mid=$(date +%s.%N)
node "$here/compromise-conll.mjs" "$file" > "$theirs"; end=$(date +%s.%N)

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
echo "== newsgraph eval ner ($(seconds "$start" "$mid")s including start-up and model load)"
cat "$ours"
echo "== compromise $(node -p "require('$here/node_modules/compromise/package.json').version") ($(seconds "$mid" "$end")s)"
cat "$theirs"
f_ours=$(awk '/^overall/ { print $NF }' "$ours"); f_theirs=$(awk '/^overall/ { print $NF }' "$theirs")
echo "== F1 ratio newsgraph / compromise: $(awk -v a="$f_ours" -v b="$f_theirs" 'BEGIN { printf "%.2f", a / b }')"
