/**
 * The genre corpus read again in the shapes the same documents take elsewhere: reposted in
 * traditional script, with ASCII or full-width punctuation, CRLF, indented, double-spaced, with
 * non-breaking spaces, role words swapped for their synonyms, brackets 【】 instead of (), a city's
 * 市 for a province's 省, every line break lost (paragraphs run together with a space, or with
 * nothing, between them) and hard-wrapped at a PDF's width. Each variant changes the text and its
 * expectations alike, so the figures measure how the parser's rules carry over to documents they
 * were not written for — the forms real pages take (corpus README). Scored over the documents the
 * rules were tuned on and the held-out ones (the `unseen` part is kept for first runs).
 * Floors are set just under the figures measured when each variant was added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { add, corpusText, describeFigures, type Expected, figures, score, SHAPES, zero } from './corpus-score.js';
import { parsePlan } from './parse-plan.js';

const dir = new URL('../../fixtures/corpus/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { documents: { file: string; part: string }[] };
const unseen = new Set(manifest.documents.filter((d) => d.part === 'unseen').map((d) => d.file));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && !unseen.has(f)).sort();
const resolver = hunanResolver();

type Change = (s: string) => string;
const same: Change = (s) => s;
const swap =
  (pairs: [string, string][]): Change =>
  (s) =>
    pairs.reduce((t, [a, b]) => t.split(a).join(b), s);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' }) as Change;
const ascii = swap([['（', '('], ['）', ')'], ['：', ':'], ['；', ';'], ['，', ',']]);
const wide = swap([['(', '（'], [')', '）'], [':', '：'], [';', '；'], [',', '，']]);
/** A bracket that says who is responsible, in 【】 (markers such as (一) keep theirs). */
const lenticular: Change = (s) => s.replace(/[(（]([^()（）\n]{0,80}?(?:牵头|负责|配合|责任|参与|协助|协办|主办)[^()（）\n]{0,80}?)[)）]/g, '【$1】');
const lines = (f: (line: string) => string): Change => (s) => s.split('\n').map(f).join('\n');
const shape = (name: string): Change => SHAPES[name] ?? same;

/** How the text changes, and how its expectations change with it (raw names, titles, targets). */
interface Variant {
  text: Change;
  expected: Change;
  floor: { unitF1: number; titles: number; targetF1: number };
}

// Targets 0.96 since stop 28 moved an unnamed city's division (pages36) to tuned, its paragraph of 13 indicators
// over a bare 由…负责落实 line still read as no item: the stored shapes measure targets F1 0.970–0.974.
const near = { unitF1: 0.98, titles: 0.98, targetF1: 0.96 };
const VARIANTS: Record<string, Variant> = {
  traditional: { text: toTraditional, expected: toTraditional, floor: near },
  'ASCII punctuation': { text: ascii, expected: ascii, floor: near },
  'full-width punctuation': { text: wide, expected: wide, floor: near },
  CRLF: { text: (s) => s.replace(/\n/g, '\r\n'), expected: same, floor: near },
  indented: { text: lines((l) => (l.trim() ? `\u3000\u3000${l}` : l)), expected: same, floor: near },
  'double-spaced': { text: (s) => s.split('\n').join('\n\n'), expected: same, floor: near },
  'trailing spaces': { text: lines((l) => `${l}  `), expected: same, floor: near },
  'non-breaking spaces': { text: (s) => s.replace(/ /g, '\u00a0'), expected: (s) => s.replace(/ /g, '\u00a0'), floor: near },
  'role synonyms': {
    text: swap([['配合单位', '协办单位'], ['牵头单位', '牵头部门'], ['责任单位', '责任部门'], ['配合)', '协助)'], ['配合）', '协助）']]),
    expected: same,
    floor: near,
  },
  // Titles 0.979 since stop 22 moved 港口 2021 (two titles of name:description points not cut at the colon) to tuned.
  '【】 brackets': { text: lenticular, expected: same, floor: { ...near, titles: 0.975 } },
  '市 for 省': { text: swap([['省', '市']]), expected: swap([['省', '市']]), floor: near },
  // Measured 2026-12-04, end of stop 20, over 131 documents (units F1, titles, targets F1): run on
  // with a space 0.781, 0.634, 0.791; run on with nothing between 0.443, 0.249, 0.422 (a table's rows,
  // a heading and its first task can no longer be told apart); hard-wrapped at 33 characters 0.812,
  // 0.755, 0.787 (short excerpts have too few full lines to show the width). Stop 21: flattened
  // tables (flat-table.ts), a heading's (一) confirming both and an item's number glued to the word
  // before it (run-on.ts) bring run on with a space to 0.920, 0.854, 0.928 and with nothing between
  // to 0.737, 0.582, 0.747; the width found on short texts and page furniture passed over
  // (wrapped.ts) bring hard-wrapped at 33 to 0.869, 0.842, 0.830. The readers of units, roles and
  // targets reading a joined text's joiner-free view (text.ts joinFree) bring it from 0.869, 0.848,
  // 0.833 to 0.908, 0.848, 0.829 over 145 documents (a target across a join keeps the line break in
  // its raw; the scorer drops it, as for units, since stop 22: 0.870). Stop 22's run-on rules (an
  // item glued to a date or a first section to the title, labelled projects run on, a title ending
  // at '; ') bring run on with a space to 0.919, 0.871, 0.931 and with nothing between to 0.757,
  // 0.622, 0.741 over the tuned and held-out documents of stop 22. Then the one-cell-per-line tables
  // the cell stream reads (旌阳 2016, 长沙 2012 twice: 34 items) moved to tuned; run on, they are flat
  // tables without a 序号 column, which flat-table.ts does not read: 0.896, 0.821, 0.930 and 0.738,
  // 0.587, 0.740. Stop 23's run-on rules (metadata bars kept to their rows, clause brackets kept in
  // their point, lone 一、 and 1. opening their sequences, a glued (二) confirming a glued (一), a
  // label's names ending before a task, a role sentence closing a task, NextBreak at a cut) bring run
  // on with a space to 0.924, 0.850, 0.945 and with nothing between to 0.787, 0.630, 0.786; a role
  // word cut by a wrap read across the join and brackets broken over two lines joined bring
  // hard-wrapped at 33 to 0.933, 0.882, 0.898. 江门's pipe table and 池州's table one cell per line,
  // moved to tuned at the end of the stop, read poorly once run on (their rows lose their line
  // breaks): 0.918, 0.827, 0.945 and 0.781, 0.613, 0.786; hard-wrapped 0.934, 0.878, 0.901. Stop 24's
  // rules (a pipe table run into one line cut at its rows, a flattened table whose rows leave 序号 empty
  // read from its unit cells, a section glued to a label's last name cut) bring them to 0.927, 0.830,
  // 0.960 and 0.788, 0.613, 0.801 (hard-wrapped 0.934, 0.879, 0.902); the thirteen tables and pages
  // moved to tuned at its end, most of them tables whose rows run on or wrap badly, to 0.919, 0.816,
  // 0.932 and 0.792, 0.619, 0.783 (hard-wrapped 0.917, 0.853, 0.886); with 肇庆 2020 moved after
  // pages24's run and 苏州工业园区 read no more wrongly, 0.919, 0.817, 0.933 and 0.794, 0.621, 0.787
  // (hard-wrapped 0.916, 0.848, 0.869). Stop 25 moved 略阳 2019 (a table one cell per line whose
  // merged cells are written once) to tuned: read whole as stored and run on with a space, it reads
  // nothing run on with nothing between (its cells glued): titles 0.606 there. Stop 25's rules (a
  // flattened reading preferred where it names more units, an excerpt's marker of any value confirmed
  // by the next, a 1. glued to its heading with a space after its point, lone headings closing with
  // their lead, a heading closed by its full stop cut from its paragraph, a title going on across a
  // line the page's width cut) bring them, with the six documents it moved, to 0.934, 0.842, 0.932;
  // 0.803, 0.615, 0.793; and hard-wrapped 0.941, 0.897, 0.898.
  // Stop 26: on the 180 documents tuned or held out at its start, its rules read 0.935, 0.849, 0.932;
  // 0.803, 0.617, 0.793; hard-wrapped 0.943, 0.898, 0.899. With the twelve it had moved to tuned then (six
  // pages of pages26, tables most of them, whose rows glue or wrap badly once their line breaks go, and
  // six whose run-on or wrapped readings a rule was written for): 0.934, 0.845, 0.929; 0.792, 0.614,
  // 0.789; hard-wrapped 0.939, 0.892, 0.879. Tables one cell per line whose long cells the width
  // wrapped (cells between blank lines, or closed by bars) bring hard-wrapped to 0.948, 0.910, 0.902;
  // with the thirteenth moved (高新区 2022) and a persons' cell passed over, 0.934, 0.846, 0.929; 0.792,
  // 0.613, 0.789; 0.948, 0.911, 0.902.
  // Stop 28: rules for run-on notices cut at their signature, lone headings closed by a full stop, a first
  // section glued to the title, a lone 1. whose item names who does it and unnumbered tasks run on with
  // their labels, with the documents moved to tuned from pages31–36 (tables among them): run on with a
  // space 0.938, 0.859, 0.941; with nothing 0.796, 0.627, 0.798; hard-wrapped 0.949, 0.907, 0.895.
  // Stop 29 moved five documents to tuned that read whole as stored but not run on (four tables one cell per
  // line, whose cells run on lose their columns, and a markdown text whose bullets run into each other): run on
  // with a space 0.934, 0.839, 0.936; with nothing 0.793, 0.615, 0.794; hard-wrapped 0.944, 0.893, 0.894.
  // Three tables drawn with box characters joined them (branch box: the unseen one moved, two written for the
  // reader); a drawn table hard-wrapped or run on has its rows cut or glued and is not read whole: run on with a
  // space 0.927, 0.830, 0.932; with nothing 0.789, 0.614, 0.796; hard-wrapped 0.937, 0.882, 0.888. Two tables
  // laid out with spaces whose cells wrap (branch layout, layout-table.ts) lose their columns likewise: run on
  // with a space 0.921, 0.824, 0.929; with nothing 0.783, 0.607, 0.787; hard-wrapped 0.931, 0.873, 0.882.
  // Branch fix39 moved two more (嵊泗 2021, a table one cell per line, and 福建's pollution plan, whose heading's
  // duty sentence runs into the heading once the breaks go): both read nothing run on with nothing between,
  // which brings that shape's units to 0.777 and titles to 0.598 (floors 0.78 → 0.775, 0.6 → 0.595).
  // Branch glued moved two tables whose cells ran together (成都's 垃圾分类 table, 钟楼 2021's 民生实事):
  // read whole as stored, neither reads whole once its page numbers and lines are run on or wrapped
  // (a page number glued into the run), which brings units run on with a space to 0.919, with nothing to
  // 0.772, and hard-wrapped units, titles and targets to 0.924, 0.867 and 0.872 (floors 0.92 → 0.915,
  // 0.775 → 0.77, 0.93 → 0.92, 0.87 → 0.865, 0.88 → 0.87).
  // Branch fix41 moved three of pages41 (the 爱国卫生 plan, read whole in every shape; 铜陵 2018's lone paragraph
  // over its 承办部门 line and 韶關 2023's garbled points, both read nothing run on with nothing between, their
  // paragraphs and label line glued into one): that shape's targets come to 0.784 (floor 0.785 → 0.78).
  'run on, a space between': { text: shape('run-on-space'), expected: same, floor: { unitF1: 0.915, titles: 0.82, targetF1: 0.925 } },
  'run on, nothing between': { text: shape('run-on-nothing'), expected: same, floor: { unitF1: 0.77, titles: 0.595, targetF1: 0.78 } },
  'hard-wrapped at 33': { text: shape('wrapped-33'), expected: same, floor: { unitF1: 0.92, titles: 0.865, targetF1: 0.87 } },
};

const documents = files.map((file) => ({
  file,
  text: corpusText(readFileSync(new URL(file, dir), 'utf8')),
  expected: JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Expected,
}));

describe('the genre corpus in other shapes', () => {
  for (const [name, v] of Object.entries(VARIANTS)) {
    it(`${name}: finds units, titles and targets above the floor, and every span slices to its raw`, () => {
      const total = zero();
      for (const d of documents) {
        const text = v.text(d.text);
        const plan = parsePlan(text, { resolver });
        expect(spanProblems(text, plan), d.file).toEqual([]);
        const expected: Expected = {
          source: d.expected.source,
          items: d.expected.items.map((i) => ({
            number: v.expected(i.number),
            title: v.expected(i.title),
            responsible: i.responsible.map((r) => ({ raw: v.expected(r.raw), role: r.role })),
            targets: i.targets.map(v.expected),
          })),
        };
        add(total, score(plan, expected));
      }
      const f = figures(total);
      console.log(`${name.padEnd(26)} ${describeFigures(f)}`);
      expect(f.unitF1).toBeGreaterThanOrEqual(v.floor.unitF1);
      expect(f.titles).toBeGreaterThanOrEqual(v.floor.titles);
      expect(f.targetF1).toBeGreaterThanOrEqual(v.floor.targetF1);
    });
  }
});
