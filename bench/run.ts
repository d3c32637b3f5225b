/**
 * `npm run bench`: each figure is a ratio against a baseline measured in the same run,
 * because these machines are shared and absolute numbers drift.
 *
 * BENCH_ONLY=parser runs the parser figures alone (throughput against the bare regex scan,
 * memory: bench/parse-memory.ts), without the lookup, export, HTTP, register and ledger benches.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { Bench } from 'tinybench';
import { hunanLookupOptions, hunanRegistry } from '../src/catalog/hunan.js';
import { Registry } from '../src/catalog/registry.js';
import { startTestServer } from '../test/helpers/test-server.js';
import { runLedgerBench } from './ledger.js';
import { runListConsultationsBench } from './list-consultations.js';
import { runRegisterBench } from './registers.js';
import type { ParseMemory } from './parse-memory.js';
import { runSummaryExportBench } from './summary-export.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function aliasLookups(): Promise<void> {
  const units = hunanRegistry().units;
  const registry = new Registry(units, hunanLookupOptions());
  // Every name people write: full names, short names, aliases, plus the forms that need
  // normalising (湖南省 prefix, 人民政府 suffix) and two near-misses.
  const names = units.flatMap((u) => [u.name, u.shortName, ...u.aliases]);
  const hard = ['湖南省公安厅', '长沙市人民政府', '省卫建委', '省住建厅', '湘西州政府', '省发展改革委员会'];
  const exact = new Map<string, unknown>();
  for (const u of units) for (const n of [u.name, u.shortName, ...u.aliases]) exact.set(n, u);

  const bench = new Bench({ time: SECONDS * 1000 });
  bench
    .add('baseline: Map.get over exact names', () => {
      for (const n of names) exact.get(n);
    })
    .add('Registry.lookup over exact names', () => {
      for (const n of names) registry.lookup(n);
    })
    .add('Registry.lookup over names needing normalisation', () => {
      for (const n of hard) registry.lookup(n);
    });
  await bench.run();
  // Mean milliseconds per task run → names looked up per second.
  const perSecond = (index: number, count: number) => {
    const result = bench.tasks[index]?.result;
    const mean = result && 'latency' in result ? result.latency.mean : Infinity;
    return (count * 1000) / mean;
  };
  const baseRate = perSecond(0, names.length);
  const ourRate = perSecond(1, names.length);
  const hardRate = perSecond(2, hard.length);
  console.log(`\n## Alias lookups (${names.length} names, ${units.length} units)`);
  console.log(`Registry.lookup exact:      ${Math.round(ourRate).toLocaleString('en')} lookups/s`);
  console.log(`Registry.lookup normalised: ${Math.round(hardRate).toLocaleString('en')} lookups/s`);
  console.log(`baseline Map.get:           ${Math.round(baseRate).toLocaleString('en')} lookups/s`);
  console.log(`ratio lookup/Map.get:       ${(ourRate / baseRate).toFixed(3)}`);
}

async function load(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

async function healthThroughput(): Promise<void> {
  const server = await startTestServer({ env: { LOG_LEVEL: 'warn' } });
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ status: 'ok', db: 'sqlite', version: '0.0.0' }));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/api/health`;
  try {
    await load(bareUrl); // warm both up, then measure alternately
    await load(`${server.url}/api/health`);
    const bareRate = await load(bareUrl);
    const ourRate = await load(`${server.url}/api/health`);
    console.log(`\n## GET /api/health (${SECONDS}s, 10 connections, SQLite)`);
    console.log(`luoshi:          ${Math.round(ourRate).toLocaleString('en')} req/s`);
    console.log(`bare node:http:  ${Math.round(bareRate).toLocaleString('en')} req/s`);
    console.log(`ratio luoshi/bare: ${(ourRate / bareRate).toFixed(3)}`);
  } finally {
    bare.close();
    await server.close();
  }
}

/** What bench/parse-once.ts prints. */
interface ParseOnce {
  megabytes: number;
  items: number;
  parserMBps: number;
  regexMBps: number;
  parserCpuMBps: number;
  regexCpuMBps: number;
}

function parserThroughput(): void {
  console.log('\n## Parser throughput (the seed repeated; each size in its own process)');
  const rows = [1, 10].map((mb) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/parse-once.ts', String(mb)], { encoding: 'utf8' });
    return JSON.parse(out) as ParseOnce;
  });
  for (const r of rows) {
    console.log(
      `${r.megabytes} MB (${r.items} items): parser ${r.parserMBps.toFixed(1)} MB/s (CPU time ${r.parserCpuMBps.toFixed(1)} MB/s), ` +
        `bare regex scan ${r.regexMBps.toFixed(1)} MB/s (CPU time ${r.regexCpuMBps.toFixed(1)} MB/s), ` +
        `ratio parser/regex ${(r.parserMBps / r.regexMBps).toFixed(3)} (CPU time ${(r.parserCpuMBps / r.regexCpuMBps).toFixed(3)})`,
    );
  }
  const [small, large] = rows;
  if (small && large) console.log(`scaling: 10 MB rate / 1 MB rate = ${(large.parserMBps / small.parserMBps).toFixed(2)} (1.00 = linear)`);
  parserShapes();
  parserMemory();
}

/** Text shapes that made the parser slow before (bench/parse-shapes.ts), against the seed in the same run, at 1 and 4 MB. */
function parserShapes(): void {
  console.log('\n## Parser on other text shapes (CPU time, ratio to the seed of the same size in the same run; a ratio falling with size is a search too long)');
  for (const mb of [1, 4]) {
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/parse-shapes.ts', String(mb)], { encoding: 'utf8' })) as {
      shapes: Record<string, { cpuMBps: number; ratioToSeed: number }>;
    };
    const line = Object.entries(out.shapes)
      .map(([name, r]) => `${name} ${r.cpuMBps} MB/s (${r.ratioToSeed})`)
      .join(', ');
    console.log(`${mb} MB: ${line}`);
  }
}

/** The parser's own memory (bench/parse-memory.ts; its header says how each figure is read). */
function parserMemory(): void {
  console.log('\n## Parser memory (the seed repeated to 10 MB; heap collected before each of five parses)');
  const m = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/parse-memory.ts', '10'], { encoding: 'utf8' })) as ParseMemory;
  const range = (values: (number | null)[]): string => {
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) return 'n/a';
    const [lo, hi] = [Math.min(...known), Math.max(...known)];
    return `${lo.toFixed(1)}-${hi.toFixed(1)} MB = ${(lo / m.megabytes).toFixed(1)}-${(hi / m.megabytes).toFixed(1)}x the input`;
  };
  console.log(`peak live heap: ${range(m.livePeakMB)} (${m.samples} samples a parse after gc(); aim < 10x)`);
  console.log(`largest heap after a GC, unprobed: ${range(m.afterGcPeakMB)}`);
  console.log(`peak RSS over the RSS before: ${range(m.rssPeakMB)}`);
  console.log(`allocated per parse: ${range(m.allocatedMB)}`);
  console.log(
    `five parses back to back, no gc() between: RSS peak ${Math.round(m.backToBackMB)} MB over the RSS before = ${(m.backToBackMB / m.megabytes).toFixed(1)}x; ` +
      `with ${m.ballastMB} MB of unrelated live data held: ${Math.round(m.backToBackWithBallastMB)} MB (V8's heap growth, garbage not yet collected)`,
  );
}

if (process.env.BENCH_ONLY === 'parser') {
  parserThroughput();
  process.exit(0);
}
await aliasLookups();
parserThroughput();
console.log('\n## 意见汇总表 export: 10,000 opinions from 50 units');
await runSummaryExportBench();
await runListConsultationsBench();
await healthThroughput();
runRegisterBench();
await runLedgerBench();
