import { readFileSync } from 'node:fs';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { corpusText, unitKeys } from '../src/parse/corpus-score.js';
import { parsePlan } from '../src/parse/parse-plan.js';
const r = hunanResolver();
const sig = (f: string) => {
  const p = parsePlan(corpusText(readFileSync(f,'utf8')), { resolver: r });
  const e = JSON.parse(readFileSync(f.replace(/\.txt$/,'.expected.json'),'utf8'));
  const n = Math.max(p.items.length, e.items.length);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const g: any = p.items[k], w = e.items[k];
    out.push(JSON.stringify({ k, found: !!g, num: g?.number, hit: !!g && !!w && g.title === w.title && g.number === w.number, units: unitKeys(g).sort(), targets: (g?.targets ?? []).map((t: any) => t.raw ?? t).sort(), titleHead: g?.title?.slice(0,2)?.replace(/[^一二三四五六七八九十、.0-9]/g,"") }));
  }
  return out;
};
const [a, b] = process.argv.slice(2);
const A = sig(a), B = sig(b);
let same = A.length === B.length;
for (let k = 0; k < Math.max(A.length, B.length); k++) if (A[k] !== B[k]) { same = false; console.log('DIFF', k, '\n  page', A[k], '\n  form', B[k]); }
console.log(same ? 'SAME item by item' : 'DIFFERENT', A.length, B.length);
