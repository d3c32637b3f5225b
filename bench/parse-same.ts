/**
 * Whether a change to the parser left its output alone: parses every text of fixtures/ (the
 * corpus and the seed), each also without line breaks, with CRLF and cut in half, plus the seed
 * repeated 60 times, with a copy of the parser before the change and with the parser now, and
 * compares the JSON. For changes meant to make the parser faster or leaner, not different.
 *
 *   mkdir -p src/parse_before && git archive REV src/parse | tar -x --strip-components=2 -C src/parse_before
 *   node --import tsx bench/parse-same.ts [src/parse_before]
 *   rm -r src/parse_before
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePlan as after } from '../src/parse/parse-plan.js';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { SEED_PLAN } from '../src/services/load-demo.js';

const dir = path.resolve(process.argv[2] ?? 'src/parse_before');
const before = ((await import(pathToFileURL(path.join(dir, 'parse-plan.ts')).href)) as { parsePlan: typeof after }).parsePlan;
const resolver = hunanResolver();

const files: string[] = [];
const walk = (d: string): void => {
  for (const f of fs.readdirSync(d)) {
    const p = path.join(d, f);
    if (fs.statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.txt')) files.push(p);
  }
};
walk('fixtures');

let texts = 0;
let differ = 0;
function check(name: string, text: string): void {
  texts++;
  const a = JSON.stringify(before(text, { resolver }));
  const b = JSON.stringify(after(text, { resolver }));
  if (a === b) return;
  differ++;
  let i = 0;
  while (a[i] === b[i]) i++;
  console.log(`differs: ${name}\n  before …${a.slice(Math.max(0, i - 100), i + 60)}\n  after  …${b.slice(Math.max(0, i - 100), i + 60)}`);
}
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  check(f, text);
  check(`${f} (no line breaks)`, text.replace(/\n/g, ' '));
  check(`${f} (CRLF)`, text.replace(/\n/g, '\r\n'));
  check(`${f} (first half)`, text.slice(0, text.length >> 1));
}
const seed = fs.readFileSync(SEED_PLAN, 'utf8');
check('seed x 60', Array.from({ length: 60 }, () => seed).join('\n'));
console.log(`${texts} texts, ${differ} differ`);
process.exitCode = differ > 0 ? 1 : 0;
