/**
 * Scores texts of the genre against their hand-written expectations, as corpus.test.ts does:
 *
 *   npx tsx scripts/corpus-score.ts [--diff] [--shape run-on-space|run-on-nothing|wrapped-33] FILE.txt…
 *
 * Each FILE.txt is a corpus-style text (its first line says where it came from and is not
 * parsed) with FILE.expected.json beside it. Prints the figures per file and in total; with
 * --diff, every item where the parser differs from the expectation. With --shape, each text is first
 * put in that shape (SHAPES in src/parse/corpus-score.ts: its line breaks lost, or hard-wrapped), as
 * the variants test does.
 */
import { readFileSync } from 'node:fs';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { add, corpusText, SHAPES, describeFigures, differences, type Expected, figures, score, zero } from '../src/parse/corpus-score.js';
import { parsePlan } from '../src/parse/parse-plan.js';

process.stdout.on('error', () => process.exit(0));
const args = process.argv.slice(2);
const diff = args.includes('--diff');
const shapeAt = args.indexOf('--shape');
const shapeName = shapeAt >= 0 ? args[shapeAt + 1] : undefined;
const shape = shapeName === undefined ? (s: string): string => s : SHAPES[shapeName];
const files = args.filter((a, k) => a !== '--diff' && (shapeAt < 0 || (k !== shapeAt && k !== shapeAt + 1)));
if (files.length === 0 || !shape) {
  console.error(`usage: tsx scripts/corpus-score.ts [--diff] [--shape ${Object.keys(SHAPES).join('|')}] FILE.txt… (each with FILE.expected.json beside it)`);
  process.exit(2);
}
const resolver = hunanResolver();
const total = zero();
for (const file of files) {
  const plan = parsePlan(shape(corpusText(readFileSync(file, 'utf8'))), { resolver });
  const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8')) as Expected;
  const c = score(plan, expected);
  add(total, c);
  console.log(`${file.split('/').pop()!.padEnd(66)} ${describeFigures(figures(c))}`);
  if (diff) for (const line of differences(plan, expected)) console.log(`    ${line}`);
}
if (files.length > 1) console.log(`${'total'.padEnd(66)} ${describeFigures(figures(total))}`);
