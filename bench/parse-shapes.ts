/**
 * Parser throughput on text shapes that have made it slow before, each against the seed repeated to
 * the same size in the same run (these machines are shared; ratios, not times, are compared). A
 * look-up that searches to the start or the end of the document, instead of within its line or
 * bracket, shows here as a ratio far below 1 that falls as the size grows.
 *
 *   node --import tsx bench/parse-shapes.ts [MB]   (default 1; prints JSON)
 *
 * Shapes: hard-wrapped lines without brackets (a PDF's page width), brackets never closed inside
 * one long item, table rows with bars whose cells hold numbered points, a table run together into
 * one line, and names with spaces left inside them.
 */
import fs from 'node:fs';
import { parsePlan } from '../src/parse/parse-plan.js';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const megabytes = Number(process.argv[2] ?? 1);
const chars = Math.round((megabytes * 1024 * 1024) / 3); // about 3 bytes a character in UTF-8
const resolver = hunanResolver();

function repeat(unit: (i: number) => string, head = ''): string {
  const parts: string[] = [head];
  let n = head.length;
  for (let i = 0; n < chars; i++) {
    const s = unit(i);
    parts.push(s);
    n += s.length;
  }
  return parts.join('');
}

const seed = fs.readFileSync(SEED_PLAN, 'utf8');
const shapes: Record<string, string> = {
  seed: repeat(() => `${seed}\n`),
  hardWrapped: repeat((i) => (i % 7 === 0 ? `${(i % 50) + 1}.推进园区建设提升公共服务水平加快产业转型升级完\n` : '善决策程序凡是基层治理中的重大事项重点工作和重要问题都由街\n')),
  unclosedBrackets: repeat((i) => `${(i % 900) + 1}.推进(园区建设(提升公共服务水平\n`, '一、任务\n'),
  barRows: repeat((i) => `${i} | 建好驿站7家。 | 1.驿站:3月底前建好2家。 2.托位:9月底前 | 卫生健康局 | 财政局 |\n`, '序号 | 实事项目 | 工作举措 | 责任单位 | 配合单位 |\n'),
  gluedTable: repeat((i) => `${(i % 400) + 1}全市生产总值增长12%左右。市发展改革委各县(市、区)政府、经济开发区`, '序号主要工作任务第一责任单位主要责任单位'),
  spacedNames: repeat((i) => `${(i % 900) + 1}.推进交通建设。(市 财政局、伏羲 山管委 会、资源规划 局)\n`, '一、任务\n'),
};

function mbPerSecond(text: string): number {
  parsePlan(text, { resolver }); // warm
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = process.cpuUsage();
    parsePlan(text, { resolver });
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return Buffer.byteLength(text) / 1024 / 1024 / best;
}

const seedRate = mbPerSecond(shapes.seed ?? '');
const out: Record<string, { cpuMBps: number; ratioToSeed: number }> = {};
for (const [name, text] of Object.entries(shapes)) {
  const rate = name === 'seed' ? seedRate : mbPerSecond(text);
  out[name] = { cpuMBps: Math.round(rate * 10) / 10, ratioToSeed: Math.round((rate / seedRate) * 100) / 100 };
}
console.log(JSON.stringify({ megabytes, shapes: out }));
