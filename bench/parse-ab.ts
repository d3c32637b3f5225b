/**
 * The parser before and after a change, in one process and interleaved, so that both meet the
 * same load (these machines are shared: two separate runs of bench/parse-once.ts can differ by
 * half). Prints CPU-time throughput on the seed repeated to 10 MB (best and median of RUNS parses
 * each, five unless RUNS says otherwise) and the time of normalise() alone.
 *
 *   mkdir -p src/parse_before && git archive REV src/parse | tar -x --strip-components=2 -C src/parse_before
 *   RUNS=10 node --expose-gc --import tsx bench/parse-ab.ts [src/parse_before]
 *   rm -r src/parse_before
 *
 * The copy must sit in src/ (its imports are relative: ../model, ../catalog).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePlan as after } from '../src/parse/parse-plan.js';
import { normalise as normaliseAfter } from '../src/parse/text.js';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const dir = path.resolve(process.argv[2] ?? 'src/parse_before');
const before = ((await import(pathToFileURL(path.join(dir, 'parse-plan.ts')).href)) as { parsePlan: typeof after }).parsePlan;
const normaliseBefore = ((await import(pathToFileURL(path.join(dir, 'text.ts')).href)) as { normalise: typeof normaliseAfter }).normalise;

const seed = fs.readFileSync(SEED_PLAN, 'utf8');
const text = Array.from({ length: Math.round((10 * 1024 * 1024) / Buffer.byteLength(seed)) }, () => seed).join('\n');
const mb = Buffer.byteLength(text) / 2 ** 20;
const resolver = hunanResolver();
for (let i = 0; i < 150; i++) {
  before(seed, { resolver });
  after(seed, { resolver });
}

/** CPU seconds (user + system) of run(). */
function cpu(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const runs = { before: [] as number[], after: [] as number[], normaliseBefore: [] as number[], normaliseAfter: [] as number[] };
const RUNS = Number(process.env.RUNS ?? 5);
// The side that runs second in a round meets the first one's garbage: sides take turns to go first
// (two copies of the same parser came out 1.1-1.2x apart when "before" always went first), and with
// --expose-gc the heap is collected before each measured parse.
const gc = (globalThis as { gc?: () => void }).gc;
for (let r = 0; r < RUNS; r++) {
  for (const side of r % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
    gc?.();
    runs[side].push(cpu(() => (side === 'before' ? before : after)(text, { resolver })));
  }
  runs.normaliseBefore.push(cpu(() => normaliseBefore(text)));
  runs.normaliseAfter.push(cpu(() => normaliseAfter(text)));
}
const best = (a: number[]): number => Math.min(...a);
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1] ?? 0;
const rate = (a: number[]): string => `best ${(mb / best(a)).toFixed(1)} MB/s, median ${(mb / median(a)).toFixed(1)} MB/s`;
console.log(`${mb.toFixed(2)} MB, CPU time: before ${rate(runs.before)}; after ${rate(runs.after)}; after/before (medians) ${(median(runs.before) / median(runs.after)).toFixed(2)}`);
console.log(`normalise() alone: before ${(best(runs.normaliseBefore) * 1000).toFixed(0)} ms, after ${(best(runs.normaliseAfter) * 1000).toFixed(0)} ms`);
