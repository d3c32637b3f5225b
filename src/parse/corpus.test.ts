/**
 * The genre corpus (fixtures/corpus/): work plans and division documents in the forms used by
 * other provinces, cities, counties and the State Council, in simplified and traditional
 * script, with and without numbered items, and tables. Every text is ours: either written in
 * the genre, or modelled on a public document's exact form (layout, numbering, brackets,
 * labels, columns) with our own wording and the original's facts (unit names, figures, 文号);
 * no page text is stored. Each `.txt`'s first line says how it was made (the parser never
 * sees it); its `.expected.json` was written by hand. Scores are computed over the whole corpus and
 * per document (printed), and the test fails when they fall below floors set just under the
 * measured figures. `fixtures/corpus/manifest.json` says which documents the rules were tuned on
 * and which are held out (added after the rules, never used to change them); a third part,
 * `unseen`, holds documents written in forms the corpus did not have, scored before any rule was
 * changed for them and moved to `tuned` once one is. The parts are scored and printed separately,
 * with precision and recall for units, titles and targets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { add, corpusText, type Counts, describeFigures, type Expected, figures, score, zero } from './corpus-score.js';
import { parsePlan } from './parse-plan.js';
import { markdownLike, withoutStrongMarks } from './text.js';

interface Manifest {
  documents: { file: string; origin: 'collected' | 'written' | 'modelled'; part: 'tuned' | 'held-out' | 'unseen'; form?: string; note?: string }[];
}

const dir = new URL('../../fixtures/corpus/', import.meta.url);
/** Text as the expectations write it: no white space, ASCII punctuation. */
const folded = (s: string): string => s.replace(/\s+/g, '').replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/；/g, ';');
const resolver = hunanResolver();

const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Manifest;
const partOf = new Map(manifest.documents.map((d) => [d.file, d.part]));

const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const seen = zero();
const held = zero();
/** Documents in forms the corpus did not have, not yet used to change a rule (part `unseen`). */
const unseen = zero();
/** Held-out documents in our wording but the exact form of a named collected page (origin `modelled`), a subset of `held`. */
const heldModelled = zero();
const originOf = new Map(manifest.documents.map((d) => [d.file, d.origin]));
const rows: string[] = [];
for (const file of files) {
  const text = corpusText(readFileSync(new URL(file, dir), 'utf8'));
  const expected = JSON.parse(readFileSync(new URL(file.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Expected;
  const plan = parsePlan(text, { resolver });
  const c = score(plan, expected);
  const heldOut = partOf.get(file) === 'held-out';
  const isUnseen = partOf.get(file) === 'unseen';
  add(heldOut ? held : isUnseen ? unseen : seen, c);
  const modelled = heldOut && originOf.get(file) === 'modelled';
  if (modelled) add(heldModelled, c);
  rows.push(`${modelled ? 'M' : heldOut ? 'H' : isUnseen ? 'U' : ' '} ${file.padEnd(66)} ${describeFigures(figures(c))}`);
  it(`${file}: every span slices to its raw text`, () => {
    expect(spanProblems(text, plan)).toEqual([]);
  });
  // An expectation written for a page's wording, not the stored text's, could never be met.
  // (A table drawn with box characters wraps its cells across lines: its titles are not in one piece;
  // so does a table laid out with spaces, layout-table.ts.)
  if (!file.includes('box-drawing') && !file.includes('-layout-')) {
    it(`${file}: every expected title, unit and target is in the text`, () => {
      // (A markdown text's titles are read without its strong marks.)
      const flat = folded(markdownLike(text) ? withoutStrongMarks(text) : text);
      const missing = expected.items.flatMap((item) => [item.title, ...item.responsible.map((r) => r.raw), ...item.targets]).filter((fact) => !flat.includes(folded(fact)));
      expect(missing).toEqual([]);
    });
  }
}
const all = zero();
add(all, seen);
add(all, held);
add(all, unseen);
const heldWritten = zero();
add(heldWritten, held);
for (const k of Object.keys(heldWritten) as (keyof Counts)[]) heldWritten[k] -= heldModelled[k];

describe('the genre corpus', () => {
  it('prints its figures per document and in total', () => {
    const line = (name: string, c: Counts): string => `${name.padEnd(68)} ${describeFigures(figures(c))}`;
    console.log(
      [
        ...rows,
        line('tuned', seen),
        line('held out (all)', held),
        line('held out, other (H)', heldWritten),
        line('held out, in the form of a collected page (M)', heldModelled),
        line('unseen forms (U)', unseen),
        line('all', all),
      ].join('\n'),
    );
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it('lists every document in the manifest, once, with a part', () => {
    expect(manifest.documents.map((d) => d.file).sort()).toEqual(files);
    expect(manifest.documents.filter((d) => d.part === 'held-out').length).toBeGreaterThanOrEqual(5);
  });

  it('finds the responsible units, titles and targets above the floors', () => {
    for (const [part, counts] of [
      ['tuned', seen],
      ['held-out other', heldWritten],
      ['held-out modelled', heldModelled],
      ['unseen', unseen],
    ] as const) {
      const f = figures(counts);
      const floor = FLOORS[part];
      expect(f.unitF1, `${part} units F1`).toBeGreaterThanOrEqual(floor.unitF1);
      expect(f.titles, `${part} titles`).toBeGreaterThanOrEqual(floor.titles);
      expect(f.targetF1, `${part} targets F1`).toBeGreaterThanOrEqual(floor.targetF1);
    }
  });
});

/** Just under the measured figures of each part: a change that makes them worse fails. */
const FLOORS = {
  // Lowered on 2026-12-03 (stop 18) from 0.99/0.99: documents modelled on real pages that still
  // score low (Shanxi 2008, Sichuan 2020) moved here when rules were changed for some of their
  // forms; the part measures units F1 0.984, titles 0.976, targets F1 0.986.
  // Raised on 2026-12-04 (stop 19): the part measures units F1 0.998, titles 1.000, targets F1 0.988.
  // Titles lowered to 0.985 on 2026-12-04 (stop 22): documents moved here from the two new rounds keep
  // a few misses (a title cut by the excerpt, a stray space a page left); the part measures 0.990.
  // Targets lowered to 0.975 on 2026-12-05 (stop 26): 岳阳楼 2017, moved here from pages26, keeps the
  // figures of its part lines (a project written once over three lines) unread; the part measures 0.980.
  // Targets lowered to 0.965 on 2026-12-05 (stop 28): an unnamed city's division (pages36), moved here after a
  // rule for its 由A、B,C负责落实 sentence, keeps its paragraph of 13 indicators unread; the part measures 0.972.
  // Units and titles lowered to 0.985 and 0.975 on 2026-12-05 (stop 29): the fourteen ministries' 2024 opinion quoted in
  // markdown notes (pages40), moved here after markdown was read as rendered, still misses its run-in (七) after a
  // semicolon, which shifts its later points (units F1 0.545, titles 5/16); the part measures 0.986, 0.977.
  tuned: { unitF1: 0.985, titles: 0.975, targetF1: 0.965 },
  'held-out other': { unitF1: 0.98, titles: 0.98, targetF1: 0.98 },
  'held-out modelled': { unitF1: 0.98, titles: 0.98, targetF1: 0.98 },
  // The unseen part holds documents modelled on real pages that were never used to change a rule:
  // those that read right from the first run, and those whose forms are still not read (see the
  // corpus README). Each round of real pages lowers the floor as it adds its documents; the rules
  // changed after a round move the documents they were changed for to `tuned`. At the end of stop 19
  // the part measured units F1 0.975, titles 0.970, targets F1 0.940. Stop 20 added thirteen rounds
  // (80 pages) and moved the 39 whose forms it changed rules for: what is left is the older part and
  // the pages whose forms are still not read, at units F1 0.869, titles 0.732, targets F1 0.868.
  // Stop 21 added seven pages (pages16), changed rules for whole-document shapes, and moved the ten
  // documents it changed a rule for to `tuned`: the part measures 0.901, 0.784, 0.897.
  // Stop 22 added seven pages (pages17: units F1 0.567, titles 14/44 on their first run, two tables
  // one cell per line reading nothing) and moved the five it changed a rule for: 0.883, 0.757, 0.906;
  // then pages18 (eight pages: units F1 0.679, titles 14/33 on their first run, three tables one cell
  // per line) and moved the four more it changed a rule for: 0.870, 0.727, 0.906; then pages19 (three
  // pages: units F1 0.528, titles 0/6 on their first run); then the cell stream of one-cell-per-line
  // tables read 旌阳 2016 and 长沙 2012 (twice), which moved to tuned: 0.927, 0.799, 0.900.
  // Stop 23 moved the seven documents it changed a rule for (贵池 2020, a 福建 township 2015, 德州 2023,
  // 长兴 2023, 荆州 2009, 江门, 池州); 四川 2014 stays, its titles read; the others score as at its
  // start: 0.937, 0.844, 0.910.
  // pages20 added four pages (units F1 0.000, titles 7/30 on their first run: three tables read no item,
  // a target table one cell per line reads its goals but no unit): 0.869, 0.789, 0.910.
  // pages22 added four table pages (units F1 0.091, titles 0/18, targets F1 0.000 on their first run:
  // two tables read no item, two read their goal and schedule cells as items): 0.944, 0.834, 0.896,
  // down from 0.956, 0.877, 0.935 on main at 7798cd2; the targets floor lowered from 0.905 to 0.895.
  // pages24 added six pages (units F1 0.382, titles 20/48, targets F1 0.369 on their first run: three
  // tables read no title and no unit, two of them no item): 0.885, 0.761, 0.858, down from 0.927, 0.812,
  // 0.919 on main at e818ae9; the titles floor lowered from 0.785 to 0.76, the targets floor from 0.895 to 0.855.
  // Stop 24 moved the fourteen documents it changed a rule for (pages20's four, pages21's three, pages22's
  // three, 平顶山 2018, 湖州 2017, 西平 2020, and 肇庆 2020 after pages24's run); 台北 2024 and 太湖 stay
  // with a note: 0.888, 0.770, 0.902. Stop 25 moved the six it changed a rule for (略阳 2019, 威海 2023,
  // 武江 2023, 四川 2014, national 2018, 衢州 2021); the rest read as before as stored: 0.923, 0.808, 0.922.
  // Stop 26 moved six that read whole as stored (江西 2018, 青岛 2019, 湄潭 2021, 郑州 2020, 遵义 2021,
  // 宁乡 2014: rules were changed for their run-on or hard-wrapped readings), so the failing rest weighs
  // more: 0.917, 0.793, 0.912.
  // pages26 added seven table pages (units F1 0.386, titles 23/35, targets F1 0.545 on their first run:
  // cooperating cells never read, a table between bar lines reading no item): 0.880, 0.794, 0.887, down
  // from 0.923, 0.808, 0.922 on main at 480d5ad, its branch's base; merged with the six moved: 0.872, 0.779, 0.874.
  // Rules were then changed for six of its seven pages (moved to tuned; 高新区 2022 stays): 0.915, 0.794, 0.912.
  // pages28 added four list pages that read whole on their first run: 0.920, 0.802, 0.914. 高新区 2022
  // moved to tuned after a rule for its persons' cell: 0.922, 0.801, 0.914.
  // Stop 27 wrote rules from a lost round's report (no document moved): 0.922, 0.801, 0.914. Stop 28 added six
  // rounds (pages31–36: 27 pages, units F1 0.813, titles 99/136, targets F1 0.814 on their first runs) and
  // moved the twelve it changed a rule for; rules written from the run-on shapes and the pages changed
  // some unseen readings too: 0.935, 0.828, 0.936; pages37–38 (three pages, units F1 0.29, titles 12/18 on
  // their first runs, no rule changed for them): 0.931, 0.822, 0.936; 金門 moved to tuned after a rule for its
  // 可请: 0.932, 0.818, 0.936. Stop 29: pages39 added four pages (units F1 0.571, titles 4/24, targets F1
  // 0.400 on their first run: a table one cell per line titled by its goal cells, a masked 范文 page, a
  // page whose digits a copying site dropped): 0.914, 0.781, 0.932; the floors lowered from 0.925, 0.815.
  // pages40 (one markdown page kept of four; units F1 0.040 first run) then moved to tuned after markdown was
  // read as rendered; the cells, box and layout branches moved five (鹿城 2012, 龙岗 2023, 咸宁 2020, 行政院 2017,
  // the drawn table); pages41 added six pages (units F1 0.723, titles 5/16 on their first run): 0.921, 0.781, 0.934.
  // fix39 moved 嵊泗 2021 and 福建's 餐桌污染 plan (a 考核内容 column, a scoring column beside a responsible
  // one, a heading whose paragraph opens with 由X承办,Y协办): 0.935, 0.806, 0.938; floors raised. Then the glued
  // branch moved three tables whose cells ran together on document-sharing pages (成都 垃圾分类, 钟楼 2021, 龙泉驿
  // 2009) and fix41 three of pages41 (爱国卫生, 铜陵 2018, 韶關 2023): 0.965, 0.840, 0.978; floors raised.
  // pages42 added three pages (units F1 0.857, titles 2/12, targets F1 0.235 on their first run: 普陀 2021's
  // indicator table one cell per line titled by its 完成情况 cells): 0.963, 0.820, 0.958; floors lowered.
  unseen: { unitF1: 0.96, titles: 0.815, targetF1: 0.955 },
};
