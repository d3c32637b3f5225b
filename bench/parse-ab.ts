/**
 * The parser before and after a change, in one process and interleaved, so that both meet the
 * same load (these machines are shared: two separate runs of bench/parse-once.ts can differ by
 * half). Prints CPU-time throughput on the seed repeated to 10 MB (best and median of RUNS parses
 * each, five unless RUNS says otherwise), and the time of normalise() alone and of markerAt() alone
 * (as the parser calls it, at every line start), each side going first in turn.
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
import { markerAt as markerAtAfter, markerIn } from '../src/parse/markers.js';
import { normalise as normaliseAfter } from '../src/parse/text.js';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const dir = path.resolve(process.argv[2] ?? 'src/parse_before');
const before = ((await import(pathToFileURL(path.join(dir, 'parse-plan.ts')).href)) as { parsePlan: typeof after }).parsePlan;
const normaliseBefore = ((await import(pathToFileURL(path.join(dir, 'text.ts')).href)) as { normalise: typeof normaliseAfter }).normalise;
const markerAtBefore = ((await import(pathToFileURL(path.join(dir, 'markers.ts')).href)) as { markerAt: typeof markerAtAfter }).markerAt;

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

// markerAt alone, called as the parser calls it (on the first 16 characters of a line) at every
// line start of the normalised text, 20 times over: its share of a parse is small, so a change
// to it is measured here, where it is not lost in the noise of whole parses.
const norm = normaliseAfter(text);
const lineStarts: number[] = [];
for (let i = 0; i < norm.length; i = norm.indexOf('\n', i) + 1 || norm.length) {
  let j = i;
  while (norm.charCodeAt(j) === 0x20 || norm.charCodeAt(j) === 0x3000) j++;
  lineStarts.push(j);
}
function markers(markerAt: typeof markerAtAfter): number {
  let found = 0;
  for (let r = 0; r < 20; r++) for (const i of lineStarts) if (markerAt(norm.slice(i, i + 16), i)) found++;
  return found;
}
/** markers() with markerIn, which reads the window in place: what callers would save by not slicing. */
function markersInPlace(): number {
  let found = 0;
  for (let r = 0; r < 20; r++) for (const i of lineStarts) if (markerIn(norm, i, Math.min(norm.length, i + 16))) found++;
  return found;
}
if (markers(markerAtBefore) !== markers(markerAtAfter) || markersInPlace() !== markers(markerAtAfter)) throw new Error('markerAt finds other markers before and after');

const runs = {
  before: [] as number[],
  after: [] as number[],
  normaliseBefore: [] as number[],
  normaliseAfter: [] as number[],
  markersBefore: [] as number[],
  markersAfter: [] as number[],
  markersInPlace: [] as number[],
};
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
  for (const side of r % 2 === 0 ? (['Before', 'After'] as const) : (['After', 'Before'] as const)) {
    gc?.();
    runs[`normalise${side}`].push(cpu(() => (side === 'Before' ? normaliseBefore : normaliseAfter)(text)));
    gc?.();
    runs[`markers${side}`].push(cpu(() => markers(side === 'Before' ? markerAtBefore : markerAtAfter)));
  }
  runs.markersInPlace.push(cpu(markersInPlace));
}
const best = (a: number[]): number => Math.min(...a);
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1] ?? 0;
const rate = (a: number[]): string => `best ${(mb / best(a)).toFixed(1)} MB/s, median ${(mb / median(a)).toFixed(1)} MB/s`;
console.log(`${mb.toFixed(2)} MB, CPU time: before ${rate(runs.before)}; after ${rate(runs.after)}; after/before (medians) ${(median(runs.before) / median(runs.after)).toFixed(2)}`);
const ms = (a: number[]): string => `best ${(best(a) * 1000).toFixed(0)} ms, median ${(median(a) * 1000).toFixed(0)} ms`;
console.log(`normalise() alone: before ${ms(runs.normaliseBefore)}; after ${ms(runs.normaliseAfter)}`);
console.log(
  `markerAt() alone, ${lineStarts.length} line starts x 20: before ${ms(runs.markersBefore)}; after ${ms(runs.markersAfter)}; ` +
    `after/before (medians) ${(median(runs.markersBefore) / median(runs.markersAfter)).toFixed(2)}; ` +
    `markerIn() in place, no slice: ${ms(runs.markersInPlace)}`,
);
