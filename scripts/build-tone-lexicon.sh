#!/usr/bin/env bash
# Rebuilds src/NewsGraph.Core/Extractors/Tone/Data/vader-words.tsv from the VADER lexicon
# (Hutto & Gilbert 2014, MIT), as shipped in the npm package vader-sentiment 1.1.3 (Apache-2.0).
# Keeps plain words only (no emoticons or slang made of symbols) and their mean valence;
# drops the per-rater ratings. Needs npm and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/NewsGraph.Core/Extractors/Tone/Data/vader-words.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent vader-sentiment@1.1.3 >/dev/null && tar xzf vader-sentiment-1.1.3.tgz)
python3 - "$tmp/package/vader_lexicon.txt" "$out" <<'PY'
import re, sys
from collections import defaultdict
values = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 2:
        continue
    word = parts[0].strip().lower()
    if re.fullmatch(r"[a-z][a-z'-]*[a-z]", word):
        values[word].append(float(parts[1]))
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as f:
    f.write("# word\tmean valence (-4 .. +4), from the VADER lexicon (C.J. Hutto, MIT licence); see LICENSE-VADER.txt\n")
    for word in sorted(values):
        v = sum(values[word]) / len(values[word])
        f.write(f"{word}\t{v:.2f}\n")
print(f"{len(values)} words -> {sys.argv[2]}")
PY
