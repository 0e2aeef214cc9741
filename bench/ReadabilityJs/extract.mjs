// Readability.js over a directory of pages, timed the way bench/HtmlBench times NewsGraph:
// pages read into memory first (gunzipped), then parsed and extracted on one thread.
//   node extract.mjs DIR [--passes N] [--out predictions.json]
// Prints one JSON object on stdout: pages, bytes, best wall and CPU seconds, and (with --out)
// writes {"ID": {"articleBody": text}} for scoring.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const args = process.argv.slice(2);
let dir = null, passes = 1, out = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--passes') passes = parseInt(args[++i], 10);
  else if (args[i] === '--out') out = args[++i];
  else dir = args[i];
}
if (!dir) { console.error('usage: node extract.mjs DIR [--passes N] [--out FILE]'); process.exit(2); }

const pages = fs.readdirSync(dir).filter(f => /\.html?(\.gz)?$/.test(f)).sort().map(f => {
  let bytes = fs.readFileSync(path.join(dir, f));
  if (f.endsWith('.gz')) bytes = zlib.gunzipSync(bytes);
  return { id: f.replace(/\.html?(\.gz)?$/, ''), html: bytes.toString('utf8'), bytes: bytes.length };
});

// jsdom reports every CSS and script it cannot handle; none of that is the benchmark's business.
const quiet = new VirtualConsole();
const predictions = {};
let bestWall = Infinity, bestCpu = Infinity;
for (let pass = 0; pass < passes; pass++) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const page of pages) {
    let text = '';
    try {
      const dom = new JSDOM(page.html, { virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      text = article?.textContent ?? '';
      dom.window.close();
    } catch (e) {
      text = '';
    }
    predictions[page.id] = { articleBody: text };
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  bestWall = Math.min(bestWall, wall);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
}
if (out) fs.writeFileSync(out, JSON.stringify(predictions));
console.log(JSON.stringify({ pages: pages.length, bytes: pages.reduce((s, p) => s + p.bytes, 0), wallSeconds: bestWall, cpuSeconds: bestCpu, passes }));
