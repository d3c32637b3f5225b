/**
 * Parser throughput on the seed repeated to MB megabytes, in a process of its own:
 * `tsx bench/parse-once.ts MB` prints JSON. Called by bench/run.ts. Memory is measured by
 * bench/parse-memory.ts (the RSS this process reaches counts V8's heap growth, not the parser).
 *
 * Both sides are measured warm: the parser parses the seed until the JIT has settled (a
 * single warm-up left the 1 MB figure measuring compilation rather than parsing), and each
 * figure is the best of a few runs, because these machines are shared.
 *
 * PARSER=src/parse_before measures a copy of the parser instead (see bench/parse-ab.ts): its
 * imports are relative, so the copy sits in src/.
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

/** Wall and CPU seconds (user + system, all threads) of run(). */
function measure(run: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = process.hrtime.bigint();
  run();
  const wall = Number(process.hrtime.bigint() - wall0) / 1e9;
  const used = process.cpuUsage(cpu0);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

// Warm up on the seed: at least 100 parses and at least a second (fewer left the first
// measured parse running partly unoptimised code).
const warmUntil = process.hrtime.bigint() + 1_000_000_000n;
for (let n = 0; n < 100 || process.hrtime.bigint() < warmUntil; n++) parsePlan(seed, { resolver });
regexScan();

// Parser and regex scan take turns, so both meet the same load; each figure is the best of RUNS
// (five unless told). On a busy shared machine wall time also counts other processes; CPU time
// does not (but counts V8's collector threads).
let items = 0;
const RUNS = Number(process.env.RUNS ?? 5);
const parse = { wall: Infinity, cpu: Infinity };
const regex = { wall: Infinity, cpu: Infinity };
for (let r = 0; r < RUNS; r++) {
  const p = measure(() => (items = parsePlan(text, { resolver }).items.length));
  parse.wall = Math.min(parse.wall, p.wall);
  parse.cpu = Math.min(parse.cpu, p.cpu);
  const q = measure(regexScan);
  regex.wall = Math.min(regex.wall, q.wall);
  regex.cpu = Math.min(regex.cpu, q.cpu);
}
const mb = bytes / (1024 * 1024);
process.stdout.write(
  JSON.stringify({
    megabytes: Number(mb.toFixed(2)),
    items,
    parserMBps: mb / parse.wall,
    regexMBps: mb / regex.wall,
    regexCpuMBps: mb / regex.cpu,
    parserCpuMBps: mb / parse.cpu,
  }),
);
