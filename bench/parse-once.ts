/**
 * One parser measurement in a process of its own, so its peak memory (maxRSS) is its own:
 * `tsx bench/parse-once.ts MB` prints JSON. Called by bench/run.ts.
 */
import fs from 'node:fs';
import { parsePlan } from '../src/parse/parse-plan.js';
import { hunanResolver } from '../src/parse/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const megabytes = Number(process.argv[2] ?? 1);
const seed = fs.readFileSync(SEED_PLAN, 'utf8');
const copies = Math.max(1, Math.round((megabytes * 1024 * 1024) / Buffer.byteLength(seed)));
const text = Array.from({ length: copies }, () => seed).join('\n');
const bytes = Buffer.byteLength(text);
const resolver = hunanResolver();

// The baseline: one pass of a bare regex over the same text, looking for the same kinds of
// thing the parser looks for (item numbers, responsibility parentheses, figures).
const SCAN = /[((][一二三四五六七八九十]+[))]|[((][^()()\n]{0,80}?(?:负责|牵头)[))]|\d+(?:\.\d+)?[万亿]?(?:%|个|套|项|家)/g;

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

let items = 0;
parsePlan(seed, { resolver }); // warm up
const regexSeconds = Math.min(...[0, 1, 2].map(() => time(() => [...text.matchAll(SCAN)].length)));
const parseSeconds = Math.min(...[0, 1].map(() => time(() => (items = parsePlan(text, { resolver }).items.length))));
const mb = bytes / (1024 * 1024);
process.stdout.write(
  JSON.stringify({
    megabytes: Number(mb.toFixed(2)),
    items,
    parserMBps: mb / parseSeconds,
    regexMBps: mb / regexSeconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
