// Scores compromise (npm) on a CoNLL-2003 file with conlleval's exact-match rules:
// people() as PER, places() as LOC, organizations() as ORG (compromise has no MISC).
//   node compromise-conll.mjs FILE
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const file = process.argv[2];
if (!file) { console.error('usage: node compromise-conll.mjs CONLL-FILE'); process.exit(2); }

const sentences = [];
let words = [], tags = [];
for (const raw of readFileSync(file, 'utf8').split('\n')) {
  const line = raw.trim();
  if (!line) { if (words.length) sentences.push({ words, tags }); words = []; tags = []; continue; }
  const parts = line.split(/\s+/);
  if (parts[0] === '-DOCSTART-') continue;
  words.push(parts[0]); tags.push(parts[parts.length - 1]);
}
if (words.length) sentences.push({ words, tags });

// conlleval's chunks: B- starts, I- continues the same type, anything else ends.
function chunks(tags) {
  const out = []; let start = -1, type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i] : 'O';
    const prefix = tag === 'O' ? 'O' : tag[0], t = tag === 'O' ? '' : tag.slice(2);
    const continues = start >= 0 && prefix === 'I' && t === type;
    if (start >= 0 && !continues) { out.push(`${start}:${i}:${type}`); start = -1; }
    if (!continues && prefix !== 'O') { start = i; type = t; }
  }
  return out;
}

const counts = {};
const bump = (type, key) => { counts[type] ??= { gold: 0, found: 0, correct: 0 }; counts[type][key]++; };
let tokens = 0;
const clock = process.hrtime.bigint();
for (const { words, tags } of sentences) {
  tokens += words.length;
  const text = words.join(' ');
  const starts = []; let at = 0;
  for (const w of words) { starts.push(at); at += w.length + 1; }
  const tokenAt = (offset) => { let k = 0; while (k + 1 < starts.length && starts[k + 1] <= offset) k++; return k; };
  const doc = nlp(text);
  const found = new Set();
  for (const [method, type] of [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']]) {
    for (const m of doc[method]().json({ offset: true })) {
      const o = m.offset; if (!o || o.length === 0) continue;
      found.add(`${tokenAt(o.start)}:${tokenAt(o.start + o.length - 1) + 1}:${type}`);
    }
  }
  const gold = new Set(chunks(tags));
  for (const g of gold) bump(g.split(':')[2], 'gold');
  for (const f of found) { const type = f.split(':')[2]; bump(type, 'found'); if (gold.has(f)) bump(type, 'correct'); }
}
const seconds = Number(process.hrtime.bigint() - clock) / 1e9;

const f = (x) => x.toFixed(4);
const score = (c) => { const p = c.found ? c.correct / c.found : 0, r = c.gold ? c.correct / c.gold : 0; return [p, r, p + r ? 2 * p * r / (p + r) : 0]; };
console.log(`${'type'.padEnd(8)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)} ${'gold'.padStart(7)} ${'found'.padStart(7)} ${'correct'.padStart(7)}`);
const total = { gold: 0, found: 0, correct: 0 };
for (const type of Object.keys(counts).sort()) {
  const c = counts[type]; const [p, r, f1] = score(c);
  for (const k of Object.keys(total)) total[k] += c[k];
  console.log(`${type.padEnd(8)} ${f(p).padStart(9)} ${f(r).padStart(9)} ${f(f1).padStart(9)} ${String(c.gold).padStart(7)} ${String(c.found).padStart(7)} ${String(c.correct).padStart(7)}`);
}
console.error(`compromise: ${sentences.length} sentences, ${tokens} tokens in ${seconds.toFixed(1)}s (${Math.round(tokens / seconds)} tokens/s)`);
// compromise has no MISC: also the score over the three types it does tag.
const three = { gold: 0, found: 0, correct: 0 };
for (const type of ['PER', 'ORG', 'LOC']) for (const k of Object.keys(three)) three[k] += counts[type]?.[k] ?? 0;
const [p3, r3, f3] = score(three);
console.log(`PER+ORG+LOC precision ${f(p3)} recall ${f(r3)} F1 ${f(f3)}`);
const [p, r, f1] = score(total);
console.log(`overall precision ${f(p)} recall ${f(r)} F1 ${f(f1)}`);
