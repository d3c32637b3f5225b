/**
 * One parser measurement in a process of its own, so its peak memory (maxRSS) is its own:
 * `tsx bench/parse-once.ts MB` prints JSON. Called by bench/run.ts.
 *
 * Both sides are measured warm: the parser parses the seed until the JIT has settled (a
 * single warm-up left the 1 MB figure measuring compilation rather than parsing), and each
 * figure is the best of a few runs, because these machines are shared.
 *
 * PARSER=src/parse_before measures a copy of the parser instead (see bench/parse-ab.ts), so that
 * memory can be compared run by run: its imports are relative, so the copy sits in src/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { parsePlan as ParsePlan } from '../src/parse/parse-plan.js';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const parserDir = path.resolve(process.env.PARSER ?? 'src/parse');
const { parsePlan } = (await import(pathToFileURL(path.join(parserDir, 'parse-plan.ts')).href)) as { parsePlan: typeof ParsePlan };
const megabytes = Number(process.argv[2] ?? 1);
const seed = fs.readFileSync(SEED_PLAN, 'utf8');
const copies = Math.max(1, Math.round((megabytes * 1024 * 1024) / Buffer.byteLength(seed)));
const text = Array.from({ length: copies }, () => seed).join('\n');
const bytes = Buffer.byteLength(text);
const resolver = hunanResolver();

// The baseline: one pass of a bare regex over the same text, looking for the same kinds of
// thing the parser looks for (item numbers, responsibility parentheses, figures). Matches
// are counted, not collected, so the baseline's memory does not count as the parser's.
const SCAN = /[((][一二三四五六七八九十]+[))]|[((][^()()\n]{0,80}?(?:负责|牵头)[))]|\d+(?:\.\d+)?[万亿]?(?:%|个|套|项|家)/g;

function regexScan(): number {
  let n = 0;
  SCAN.lastIndex = 0;
  while (SCAN.exec(text) !== null) n++;
  return n;
}

function time(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** CPU seconds (user + system, all threads) the process spends on run(). */
function cpu(run: () => unknown): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function best(runs: number, run: () => unknown, measure: (run: () => unknown) => number = time): number {
  return Math.min(...Array.from({ length: runs }, () => measure(run)));
}

// Warm up on the seed: at least 100 parses and at least a second (fewer left the first
// measured parse running partly unoptimised code).
const warmUntil = process.hrtime.bigint() + 1_000_000_000n;
for (let n = 0; n < 100 || process.hrtime.bigint() < warmUntil; n++) parsePlan(seed, { resolver });
regexScan();

// Memory of one parse: collect the warm-up's garbage (bench/run.ts starts this process with
// --expose-gc), then parse once and compare the high-water mark with the RSS just before. The
// high-water mark before that parse is reported too: while it stays below the figure after, the
// growth measured is this parse's own.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const MB = 1024 * 1024;
const rssBeforeOne = process.memoryUsage().rss;
const highWaterBeforeOne = process.resourceUsage().maxRSS * 1024;
const onceItems = parsePlan(text, { resolver }).items.length;
const highWaterAfterOne = process.resourceUsage().maxRSS * 1024;

const baseRssMB = process.memoryUsage().rss / (1024 * 1024);
let items = onceItems;
const parseSeconds = best(3, () => (items = parsePlan(text, { resolver }).items.length));
// On a busy shared machine wall time also counts other processes; CPU time does not.
const parseCpuSeconds = best(2, () => parsePlan(text, { resolver }), cpu);
const regexSeconds = best(3, regexScan);
const mb = bytes / (1024 * 1024);
process.stdout.write(
  JSON.stringify({
    megabytes: Number(mb.toFixed(2)),
    items,
    parserMBps: mb / parseSeconds,
    regexMBps: mb / regexSeconds,
    parserCpuMBps: mb / parseCpuSeconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    /** RSS before the measured parses: the process, the registry and the text itself. */
    baseRssMB,
    /** Whether the process ran with --expose-gc, so the one-parse figure starts from collected garbage. */
    collected: gc !== undefined,
    /** Peak RSS growth during one parse (warm-up garbage collected first), in MB and as a multiple of the input. */
    oneParsePeakMB: (highWaterAfterOne - rssBeforeOne) / MB,
    oneParsePeakRatio: (highWaterAfterOne - rssBeforeOne) / bytes,
    /** The high-water mark before that parse, over the RSS it started from: must stay below oneParsePeakMB. */
    highWaterBeforeOneMB: (highWaterBeforeOne - rssBeforeOne) / MB,
  }),
);
