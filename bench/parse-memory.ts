/**
 * The parser's own memory on the seed repeated to MB megabytes (10 unless told):
 * `node --import tsx bench/parse-memory.ts [MB]` prints JSON; bench/run.ts prints it in words.
 * PARSER=src/parse_before measures a copy of the parser instead (see bench/parse-ab.ts).
 *
 * Why not the RSS after a few parses: V8 grows its heap by a factor of what was live at the last
 * full collection and collects the garbage when it sees fit, so parses run back to back leave
 * RSS at 10-20x the input whatever the parser keeps. With 40 MB of unrelated live data held
 * the same growth shows (BALLAST_MB=40 below): it is the collector's policy, not the parser.
 * So each figure starts from a collected heap, and the parser's own memory is read five ways:
 *
 * - Live heap (the aim: < 10x the input). Before each of five parses the heap is collected
 *   (--expose-gc) and its used size read (V8's used heap plus external memory). During the parse
 *   a probe collects the heap again and reads the used size every N calls of String slice,
 *   Array push and RegExp exec/test (about SAMPLES=60 samples a parse; N counted in a dry run), and
 *   once more right after the parse with its result still held. The peak live heap is the
 *   highest sample over the size before: what the parser holds at once. Samples are points, so
 *   this is a lower bound: the true peak may fall between two samples.
 * - After each GC, unprobed (--trace-gc-nvp, in a child process): the largest heap V8 kept after
 *   any collection during the parse (the last a gc() with the result still held), over the size
 *   before: a cross-check without the probe's hooks, V8's heap alone (no external memory).
 * - RSS: /proc/self/clear_refs (5) resets the high-water mark to the RSS before the parse;
 *   VmHWM of /proc/self/status after it is the peak RSS; the peak over the RSS before, per
 *   input byte. Linux only (null elsewhere). It includes the young generation's semispaces and
 *   the heap V8 reserved but has not collected yet, so it sits above the live heap.
 * - Allocation: the sum of `allocated=` over the GC events of one unprobed parse (the last is a
 *   gc() right after it): every byte the parse allocated, live or not.
 * - Back to back: five parses in a row with no gc() between, RSS high-water mark over the RSS
 *   before them. Printed for comparison with the old figure; with BALLAST_MB=40 the child holds
 *   40 MB of unrelated strings first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import type { parsePlan as ParsePlan } from '../src/parse/parse-plan.js';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const MB = 1024 * 1024;
const megabytes = Number(process.argv[2] ?? 10);
const CHILD = process.env.PARSE_MEMORY_CHILD === '1';
/** Live-heap samples per parse: each is a full collection, so they cost time. */
const SAMPLES = Number(process.env.SAMPLES ?? 60);

/** What this script prints. */
export interface ParseMemory {
  megabytes: number;
  /** Live heap: peak sample over the collected heap before, per parse (five parses), in MB. */
  livePeakMB: number[];
  /** Samples taken per parse (the probe's gc() calls). */
  samples: number;
  /** Largest heap after a GC during an unprobed parse, over the size before, in MB (five parses). */
  afterGcPeakMB: number[];
  /** Peak RSS over the RSS before, per parse, in MB (null where /proc/self/clear_refs is missing). */
  rssPeakMB: (number | null)[];
  /** Bytes allocated by one parse, in MB (five parses). */
  allocatedMB: number[];
  /** Five parses in a row without gc(): RSS high-water mark over the RSS before, in MB; with ballast. */
  backToBackMB: number;
  backToBackWithBallastMB: number;
  ballastMB: number;
}

if (!CHILD) {
  // The parent: runs the child twice (without and with ballast) and reads its GC trace.
  const script = fileURLToPath(import.meta.url);
  const run = (ballast: number): string =>
    execFileSync(process.execPath, ['--expose-gc', '--trace-gc-nvp', '--import', 'tsx', script, String(megabytes)], {
      encoding: 'utf8',
      maxBuffer: 256 * MB,
      env: { ...process.env, PARSE_MEMORY_CHILD: '1', BALLAST_MB: String(ballast) },
    });
  const plain = readChild(run(0));
  const ballastMB = Number(process.env.BALLAST_MB ?? 40);
  const ballasted = readChild(run(ballastMB));
  const result: ParseMemory = { ...plain, backToBackWithBallastMB: ballasted.backToBackMB, ballastMB };
  process.stdout.write(JSON.stringify(result));
} else {
  await child();
}

/** The child's figures, from its report line and its GC trace between the markers it printed. */
function readChild(out: string): Omit<ParseMemory, 'backToBackWithBallastMB' | 'ballastMB'> {
  const lines = out.split('\n');
  const report = JSON.parse(lines.find((l) => l.startsWith('{')) ?? '{}') as { megabytes: number; livePeakMB: number[]; samples: number; rssPeakMB: (number | null)[]; backToBackMB: number; before: number[] };
  const afterGcPeakMB: number[] = [];
  const allocatedMB: number[] = [];
  let parse = -1;
  let allocated = 0;
  let maxAfter = 0;
  for (const line of lines) {
    const start = /^#unprobed-start (\d+)/.exec(line);
    if (start) {
      parse = Number(start[1]);
      allocated = 0;
      maxAfter = 0;
      continue;
    }
    if (line.startsWith('#unprobed-end')) {
      afterGcPeakMB.push((maxAfter - (report.before[parse] ?? 0)) / MB);
      allocatedMB.push(allocated / MB);
      parse = -1;
      continue;
    }
    if (parse < 0) continue;
    const a = /\ballocated=(\d+)/.exec(line);
    const t = /\btotal_size_after=(\d+)/.exec(line);
    if (a) allocated += Number(a[1]);
    if (t) maxAfter = Math.max(maxAfter, Number(t[1]));
  }
  return { megabytes: report.megabytes, livePeakMB: report.livePeakMB, samples: report.samples, rssPeakMB: report.rssPeakMB, afterGcPeakMB, allocatedMB, backToBackMB: report.backToBackMB };
}

async function child(): Promise<void> {
  const parserDir = path.resolve(process.env.PARSER ?? 'src/parse');
  const { parsePlan } = (await import(pathToFileURL(path.join(parserDir, 'parse-plan.ts')).href)) as { parsePlan: typeof ParsePlan };
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const seed = fs.readFileSync(SEED_PLAN, 'utf8');
  const text = Array.from({ length: Math.max(1, Math.round((megabytes * MB) / Buffer.byteLength(seed))) }, () => seed).join('\n');
  const resolver = hunanResolver();
  const ballast = Array.from({ length: Number(process.env.BALLAST_MB ?? 0) }, (_, k) => `${k}`.padEnd(MB / 2, '-')); // 1 MB each (two bytes a char once flattened)
  for (const s of ballast) s.charCodeAt(MB / 2 - 1);
  for (let n = 0; n < 100; n++) parsePlan(seed, { resolver });

  const used = (): number => {
    const s = v8.getHeapStatistics();
    return s.used_heap_size + s.external_memory;
  };
  const rss = (): number => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  const highWater = (): number => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  const canResetHighWater = ((): boolean => {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  })();

  // Back to back first, from the warm-up's state: the figure the old bench printed.
  gc();
  const rssBefore = rss();
  if (canResetHighWater) fs.writeFileSync('/proc/self/clear_refs', '5');
  for (let n = 0; n < 5; n++) parsePlan(text, { resolver });
  const backToBackMB = canResetHighWater ? (highWater() - rssBefore) / MB : NaN;
  if (ballast.length > 0) {
    // The ballast run is there for the back-to-back figure alone.
    console.log(JSON.stringify({ megabytes: Buffer.byteLength(text) / MB, livePeakMB: [], samples: 0, rssPeakMB: [], backToBackMB, before: [] }));
    return;
  }

  // The probe: hooks on calls the parser makes all along, sampling every `every` calls.
  let calls = 0;
  let every = Infinity;
  let peak = 0;
  let samples = 0;
  const sample = (): void => {
    gc();
    peak = Math.max(peak, used());
    samples++;
  };
  const hooks: [object, string][] = [[String.prototype, 'slice'], [Array.prototype, 'push'], [RegExp.prototype, 'exec'], [RegExp.prototype, 'test']];
  const originals = hooks.map(([proto, name]) => (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown);
  const install = (): void =>
    hooks.forEach(([proto, name], k) => {
      const original = originals[k];
      if (!original) return;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value: function probed(this: unknown, ...args: unknown[]): unknown {
          if (++calls >= every) {
            calls = 0;
            sample();
          }
          return original.apply(this, args);
        },
      });
    });
  const uninstall = (): void => hooks.forEach(([proto, name], k) => Object.defineProperty(proto, name, { configurable: true, writable: true, value: originals[k] }));

  // Dry run: how many hooked calls one parse makes, for about 100 samples a parse.
  install();
  parsePlan(text, { resolver });
  every = Math.max(1, Math.floor(calls / SAMPLES));
  uninstall();

  const before: number[] = [];
  const livePeakMB: number[] = [];
  const rssPeakMB: (number | null)[] = [];
  for (let n = 0; n < 5; n++) {
    // Unprobed: RSS high-water mark and, from the GC trace between the markers, allocation and heap after GC.
    gc();
    gc();
    const base = used();
    before.push(base);
    const rss0 = rss();
    if (canResetHighWater) fs.writeFileSync('/proc/self/clear_refs', '5');
    console.log(`#unprobed-start ${n}`);
    let result: unknown = parsePlan(text, { resolver });
    rssPeakMB.push(canResetHighWater ? (highWater() - rss0) / MB : null);
    gc(); // its `allocated=` counts the parse's tail
    console.log(`#unprobed-end ${n}`);
    result = null;

    // Probed: live heap sampled during the parse, and once after it with the result held.
    gc();
    gc();
    const probedBase = used();
    peak = probedBase;
    samples = 0;
    calls = 0;
    install();
    result = parsePlan(text, { resolver });
    uninstall();
    sample();
    livePeakMB.push((peak - probedBase) / MB);
    if (result === undefined) throw new Error('no result');
    result = null;
  }
  console.log(JSON.stringify({ megabytes: Buffer.byteLength(text) / MB, livePeakMB, samples, rssPeakMB, backToBackMB, before }));
}
