/**
 * Scores texts of the genre against their hand-written expectations, as corpus.test.ts does:
 *
 *   npx tsx scripts/corpus-score.ts [--diff] FILE.txt…
 *
 * Each FILE.txt is a corpus-style text (its first line says where it came from and is not
 * parsed) with FILE.expected.json beside it. Prints the figures per file and in total; with
 * --diff, every item where the parser differs from the expectation.
 */
import { readFileSync } from 'node:fs';
import { hunanResolver } from '../src/catalog/registry-resolver.js';
import { add, corpusText, describeFigures, differences, type Expected, figures, score, zero } from '../src/parse/corpus-score.js';
import { parsePlan } from '../src/parse/parse-plan.js';

process.stdout.on('error', () => process.exit(0));
const args = process.argv.slice(2);
const diff = args.includes('--diff');
const files = args.filter((a) => a !== '--diff');
if (files.length === 0) {
  console.error('usage: tsx scripts/corpus-score.ts [--diff] FILE.txt… (each with FILE.expected.json beside it)');
  process.exit(2);
}
const resolver = hunanResolver();
const total = zero();
for (const file of files) {
  const plan = parsePlan(corpusText(readFileSync(file, 'utf8')), { resolver });
  const expected = JSON.parse(readFileSync(file.replace(/\.txt$/, '.expected.json'), 'utf8')) as Expected;
  const c = score(plan, expected);
  add(total, c);
  console.log(`${file.split('/').pop()!.padEnd(66)} ${describeFigures(figures(c))}`);
  if (diff) for (const line of differences(plan, expected)) console.log(`    ${line}`);
}
if (files.length > 1) console.log(`${'total'.padEnd(66)} ${describeFigures(figures(total))}`);
