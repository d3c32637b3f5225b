import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MODIFY_SIMILARITY, inlineDiff, redline, splitParagraphs } from './redline.js';
import type { InlinePart, ParagraphChange, Redline } from './redline.js';

const SEED = readFileSync(new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url), 'utf8');

const ITEM_4 = SEED.split('\n').find((l) => l.startsWith('(四)')) ?? '';
const NEW_PARAGRAPH = '(四之一)加强城镇化统计监测。按季度调度各地推进情况,年底开展总结评估。(省统计局、省发改委等部门及各市州政府负责)';

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Version 2 of the seed: a figure, a deleted sentence, a new paragraph, a new title. */
function version2(seed: string): string {
  let t = replaceOnce(seed, '完成4.35万套保障性租赁住房', '完成5万套保障性租赁住房');
  t = replaceOnce(t, '扩大职业院校面向农业转移人口的招生规模。', '');
  t = replaceOnce(t, `${ITEM_4}\n`, `${ITEM_4}\n\n${NEW_PARAGRAPH}\n`);
  t = replaceOnce(t, '(十五)实施城市更新行动。', '(十五)稳步推进城市更新。');
  return t;
}

/** Every invariant a redline of (oldText, newText) must satisfy; returns the problems. */
function problems(oldText: string, newText: string, rl: Redline): string[] {
  const out: string[] = [];
  const oldParas = splitParagraphs(oldText).map((p) => p.text);
  const newParas = splitParagraphs(newText).map((p) => p.text);
  const oldSide = rl.changes.filter((c) => c.oldText !== null).map((c) => c.oldText);
  const newSide = rl.changes.filter((c) => c.newText !== null).map((c) => c.newText);
  if (JSON.stringify(oldSide) !== JSON.stringify(oldParas)) out.push('old side does not rebuild the old paragraphs');
  if (JSON.stringify(newSide) !== JSON.stringify(newParas)) out.push('new side does not rebuild the new paragraphs');
  let lastOld = -1;
  let lastNew = -1;
  const stats = { inserted: 0, deleted: 0, modified: 0, unchanged: 0 };
  rl.changes.forEach((c, i) => {
    const where = `change ${i} (${c.kind})`;
    if (c.index !== i) out.push(`${where}: index ${c.index}`);
    if ((c.oldText === null) !== (c.oldSpan === null)) out.push(`${where}: old text and span disagree`);
    if ((c.newText === null) !== (c.newSpan === null)) out.push(`${where}: new text and span disagree`);
    if (c.oldSpan) {
      const [s, e] = c.oldSpan;
      if (oldText.slice(s, e) !== c.oldText) out.push(`${where}: old span slices ${JSON.stringify(oldText.slice(s, e))}`);
      if (s < lastOld || s >= e) out.push(`${where}: old span out of order`);
      lastOld = e;
    }
    if (c.newSpan) {
      const [s, e] = c.newSpan;
      if (newText.slice(s, e) !== c.newText) out.push(`${where}: new span slices ${JSON.stringify(newText.slice(s, e))}`);
      if (s < lastNew || s >= e) out.push(`${where}: new span out of order`);
      lastNew = e;
    }
    const shape: Record<ParagraphChange['kind'], boolean> = {
      equal: c.oldText !== null && c.oldText === c.newText && c.inline === null,
      modify: c.oldText !== null && c.newText !== null && c.oldText !== c.newText && c.inline !== null,
      delete: c.oldText !== null && c.newText === null && c.inline === null,
      insert: c.oldText === null && c.newText !== null && c.inline === null,
    };
    if (!shape[c.kind]) out.push(`${where}: fields do not fit the kind`);
    if (c.inline) out.push(...inlineProblems(c.oldText ?? '', c.newText ?? '', c.inline).map((p) => `${where}: ${p}`));
    if (c.movedWith !== undefined) {
      const o = rl.changes[c.movedWith];
      if (!o || o.movedWith !== i || (c.oldText ?? c.newText) !== (o.oldText ?? o.newText)) out.push(`${where}: bad move link`);
    }
    if (!/^[0-9a-f]{64}$/.test(c.key)) out.push(`${where}: key ${c.key}`);
    stats[c.kind === 'insert' ? 'inserted' : c.kind === 'delete' ? 'deleted' : c.kind === 'modify' ? 'modified' : 'unchanged']++;
  });
  if (new Set(rl.changes.map((c) => c.key)).size !== rl.changes.length) out.push('keys are not unique');
  if (JSON.stringify(stats) !== JSON.stringify(rl.stats)) out.push(`stats ${JSON.stringify(rl.stats)} != ${JSON.stringify(stats)}`);
  return out;
}

function inlineProblems(oldText: string, newText: string, parts: InlinePart[]): string[] {
  const out: string[] = [];
  const join = (ops: InlinePart['op'][]): string => parts.filter((p) => ops.includes(p.op)).map((p) => p.text).join('');
  if (join(['equal', 'delete']) !== oldText) out.push('equal + delete parts are not the old text');
  if (join(['equal', 'insert']) !== newText) out.push('equal + insert parts are not the new text');
  parts.forEach((p, i) => {
    if (p.text === '') out.push(`part ${i} is empty`);
    const next = parts[i + 1];
    if (next && (next.op === p.op || (p.op === 'insert' && next.op === 'delete'))) out.push(`parts ${i}, ${i + 1} not merged`);
  });
  // A surrogate pair is never split between two parts on either side.
  for (const side of ['delete', 'insert'] as const) {
    const seq = parts.filter((p) => p.op === 'equal' || p.op === side);
    seq.forEach((p, i) => {
      const next = seq[i + 1];
      if (next && /[\uD800-\uDBFF]$/.test(p.text) && /^[\uDC00-\uDFFF]/.test(next.text)) {
        out.push(`a surrogate pair is split on the ${side} side`);
      }
    });
  }
  return out;
}

const edits = (rl: Redline): ParagraphChange[] => rl.changes.filter((c) => c.kind !== 'equal');

describe('splitParagraphs', () => {
  it('takes non-blank lines, trimmed, with exact offsets', () => {
    const text = '\uFEFF　　标题 \r\n\r\n  正文一。\n\t\n正文二。\r第三\u2028第四';
    const paras = splitParagraphs(text);
    expect(paras.map((p) => p.text)).toEqual(['标题', '正文一。', '正文二。', '第三', '第四']);
    for (const p of paras) expect(text.slice(...p.span)).toBe(p.text);
  });

  it('finds the seed’s 45 paragraphs', () => {
    expect(splitParagraphs(SEED)).toHaveLength(45);
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\r\n　')).toEqual([]);
  });
});

describe('redline of the seed against a version 2', () => {
  const v2 = version2(SEED);
  const rl = redline(SEED, v2);

  it('satisfies every invariant', () => {
    expect(problems(SEED, v2, rl)).toEqual([]);
  });

  it('finds the four edits, in document order', () => {
    const e = edits(rl);
    expect(e.map((c) => c.kind)).toEqual(['modify', 'modify', 'insert', 'modify']);
    expect(e[0]?.oldText?.startsWith('(二)')).toBe(true);
    expect(e[1]?.oldText?.startsWith('(三)')).toBe(true);
    expect(e[2]?.newText).toBe(NEW_PARAGRAPH);
    expect(e[3]?.newText?.startsWith('(十五)稳步推进城市更新。')).toBe(true);
    expect(rl.stats).toEqual({ inserted: 1, deleted: 0, modified: 3, unchanged: 42 });
  });

  it('shows the changed figure as one figure replaced by another', () => {
    const parts = edits(rl)[0]?.inline ?? [];
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: '4.35万' },
      { op: 'insert', text: '5万' },
    ]);
    expect(parts[0]?.text.endsWith('指导长沙市完成')).toBe(true);
    expect(parts[3]?.text.startsWith('套保障性租赁住房开工任务。')).toBe(true);
  });

  it('shows the deleted sentence and the rewritten title', () => {
    expect(edits(rl)[1]?.inline?.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: '扩大职业院校面向农业转移人口的招生规模。' },
    ]);
    expect(edits(rl)[3]?.inline?.slice(0, 6)).toEqual([
      { op: 'equal', text: '(十五)' },
      { op: 'delete', text: '实施' },
      { op: 'insert', text: '稳步推进' },
      { op: 'equal', text: '城市更新' },
      { op: 'delete', text: '行动' },
      { op: 'equal', text: expect.stringMatching(/^。在老城区/) as unknown as string },
    ]);
  });

  it('gives spans that slice back to both texts', () => {
    const insert = edits(rl)[2];
    expect(insert?.oldSpan).toBeNull();
    expect(v2.slice(...(insert?.newSpan ?? [0, 0]))).toBe(NEW_PARAGRAPH);
    const modify = edits(rl)[0];
    expect(SEED.slice(...(modify?.oldSpan ?? [0, 0]))).toContain('4.35万套');
    expect(v2.slice(...(modify?.newSpan ?? [0, 0]))).toContain('完成5万套');
  });

  it('keeps keys across runs and across an edit elsewhere', () => {
    const again = redline(SEED, v2);
    expect(again.changes.map((c) => c.key)).toEqual(rl.changes.map((c) => c.key));
    // The office edits another paragraph of version 2 later: the (二) change keeps its key.
    const v3 = replaceOnce(v2, '新开工改造老旧小区1500个', '新开工改造老旧小区1600个');
    const later = redline(SEED, v3);
    expect(edits(later)).toHaveLength(4);
    expect(edits(later)[0]?.key).toBe(edits(rl)[0]?.key);
    expect(edits(later)[2]?.key).toBe(edits(rl)[2]?.key);
    expect(edits(later)[3]?.key).not.toBe(edits(rl)[3]?.key);
  });

  it('is fast on the seed', () => {
    redline(SEED, v2);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) redline(SEED, v2);
    expect((performance.now() - t0) / 10).toBeLessThan(100);
  });
});

describe('redline edge cases', () => {
  it('identical texts are all equal', () => {
    const rl = redline(SEED, SEED);
    expect(rl.changes.every((c) => c.kind === 'equal')).toBe(true);
    expect(rl.stats).toEqual({ inserted: 0, deleted: 0, modified: 0, unchanged: 45 });
    expect(problems(SEED, SEED, rl)).toEqual([]);
  });

  it('empty old or new text', () => {
    const fromEmpty = redline('', SEED);
    expect(fromEmpty.stats).toEqual({ inserted: 45, deleted: 0, modified: 0, unchanged: 0 });
    expect(problems('', SEED, fromEmpty)).toEqual([]);
    const toEmpty = redline(SEED, '\n\n');
    expect(toEmpty.stats).toEqual({ inserted: 0, deleted: 45, modified: 0, unchanged: 0 });
    expect(problems(SEED, '\n\n', toEmpty)).toEqual([]);
    expect(redline('', '')).toEqual({ changes: [], stats: { inserted: 0, deleted: 0, modified: 0, unchanged: 0 } });
  });

  it('CRLF and LF versions of one text are equal, with spans into each', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    const rl = redline(crlf, SEED);
    expect(rl.stats.unchanged).toBe(45);
    expect(problems(crlf, SEED, rl)).toEqual([]);
  });

  it('CRLF texts give the same edits as LF texts', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    const v2 = version2(SEED).replace(/\n/g, '\r\n');
    const rl = redline(crlf, v2);
    expect(problems(crlf, v2, rl)).toEqual([]);
    const lf = redline(SEED, version2(SEED));
    expect(rl.stats).toEqual(lf.stats);
    expect(edits(rl).map((c) => [c.kind, c.inline])).toEqual(edits(lf).map((c) => [c.kind, c.inline]));
    // The keys depend on the wording only, not on the line endings.
    expect(rl.changes.map((c) => c.key)).toEqual(lf.changes.map((c) => c.key));
  });

  it('re-indenting is not a change', () => {
    const indented = SEED.split('\n').map((l) => (l ? `\u3000\u3000${l}` : l)).join('\n');
    expect(redline(SEED, indented).stats.unchanged).toBe(45);
  });

  it('a removed paragraph is a delete', () => {
    const line = SEED.split('\n').find((l) => l.startsWith('来源')) ?? '';
    const v2 = replaceOnce(SEED, `${line}\n`, '');
    const rl = redline(SEED, v2);
    expect(edits(rl).map((c) => [c.kind, c.oldText])).toEqual([['delete', line]]);
    expect(problems(SEED, v2, rl)).toEqual([]);
  });

  it('a paragraph replaced by unrelated text is a delete and an insert, not a modify', () => {
    const replacement = '全面落实安全生产责任制,开展隐患排查整治。(省应急厅负责)';
    const v2 = replaceOnce(SEED, ITEM_4, replacement);
    const rl = redline(SEED, v2);
    expect(edits(rl).map((c) => c.kind)).toEqual(['delete', 'insert']);
    expect(problems(SEED, v2, rl)).toEqual([]);
  });

  it('pairs each rewritten paragraph of a hunk with its own new version', () => {
    const old = ['第一段不变。', '推进甲项工作,年底完成一百个。', '推进乙项工作,年底完成二百个。', '末段不变。'].join('\n');
    const neu = ['第一段不变。', '全新的段落,与前后都不同。', '推进甲项工作,年底完成一百五十个。', '推进乙项工作,年底前完成二百个。', '末段不变。'].join('\n');
    const rl = redline(old, neu);
    expect(problems(old, neu, rl)).toEqual([]);
    expect(edits(rl).map((c) => [c.kind, c.oldText?.slice(0, 4) ?? null, c.newText?.slice(0, 4) ?? null])).toEqual([
      ['insert', null, '全新的段'],
      ['modify', '推进甲项', '推进甲项'],
      ['modify', '推进乙项', '推进乙项'],
    ]);
  });

  it('a moved paragraph is a delete and an insert linked to each other', () => {
    const lines = SEED.split('\n');
    const one = lines.findIndex((l) => l.startsWith('(一)'));
    const moved = lines[one] ?? '';
    const rest = lines.filter((_, i) => i !== one);
    const four = rest.findIndex((l) => l.startsWith('(四)'));
    rest.splice(four + 1, 0, moved);
    const v2 = rest.join('\n');
    const rl = redline(SEED, v2);
    expect(problems(SEED, v2, rl)).toEqual([]);
    const e = edits(rl);
    expect(e.map((c) => c.kind)).toEqual(['delete', 'insert']);
    expect(e[0]?.movedWith).toBe(e[1]?.index);
    expect(e[1]?.movedWith).toBe(e[0]?.index);
  });

  it('survives a wholesale reshuffle', () => {
    const lines = SEED.split('\n').filter((l) => l.trim());
    const reversed = [...lines].reverse().join('\n');
    const rl = redline(SEED, reversed);
    expect(problems(SEED, reversed, rl)).toEqual([]);
  });

  it('a text reshuffled beyond the LCS budget falls back to unique anchors, still exact', () => {
    // 3,000 paragraphs in a scrambled order: the edit distance (~6,000) is beyond what the
    // paragraph LCS may spend on 6,000 paragraphs, so the patience-style fallback aligns them.
    const a = Array.from({ length: 3000 }, (_, i) => `第${i}段:推进第${i}项工作。`);
    const b = a.map((p, i) => ({ p, k: i % 10 === 0 ? i : (i * 7919) % 3001 })).sort((x, y) => x.k - y.k).map((x) => x.p);
    b.push(a[0] ?? '');
    const oldText = a.join('\n');
    const newText = b.join('\n');
    const rl = redline(oldText, newText);
    expect(problems(oldText, newText, rl)).toEqual([]);
    expect(rl.stats.unchanged).toBeGreaterThanOrEqual(300);
    // Every paragraph is on both sides: each delete is a move, linked to an insert.
    expect(rl.changes.filter((c) => c.kind === 'delete' && c.movedWith === undefined)).toEqual([]);
    expect(rl.stats.inserted).toBe(rl.stats.deleted + 1);
  });

  it('duplicate paragraphs get distinct, stable keys', () => {
    const rl = redline('甲\n乙', '甲\n新段落\n乙\n新段落');
    expect(rl.changes.map((c) => c.kind)).toEqual(['equal', 'insert', 'equal', 'insert']);
    expect(rl.changes[1]?.key).not.toBe(rl.changes[3]?.key);
    expect(redline('甲\n乙', '甲\n新段落\n乙\n新段落').changes.map((c) => c.key)).toEqual(rl.changes.map((c) => c.key));
  });

  it('the inline diff never splits a surrogate pair and folds confetti', () => {
    expect(inlineDiff('负责人𠀀甲', '负责人𠀁甲')).toEqual([
      { op: 'equal', text: '负责人' },
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
      { op: 'equal', text: '甲' },
    ]);
    // One character kept between two replacements is folded into one replacement…
    expect(inlineDiff('甲乙丙', '子乙丑')).toEqual([
      { op: 'delete', text: '甲乙丙' },
      { op: 'insert', text: '子乙丑' },
    ]);
    // …and so is one between two pure deletions (inline-cleanup.ts).
    expect(inlineDiff('省发展改革委', '省发改委')).toEqual([
      { op: 'equal', text: '省发' },
      { op: 'delete', text: '展改革' },
      { op: 'insert', text: '改' },
      { op: 'equal', text: '委' },
    ]);
    expect(inlineDiff('达到100%', '达到９８．５%')).toEqual([
      { op: 'equal', text: '达到' },
      { op: 'delete', text: '100%' },
      { op: 'insert', text: '９８．５%' },
    ]);
  });

  it('pairs at the similarity threshold and not below', () => {
    // LCS 2 of 4 + 4 characters: similarity exactly 0.5.
    expect(MODIFY_SIMILARITY).toBe(0.5);
    expect(redline('甲乙丙丁', '甲乙戊己').changes.map((c) => c.kind)).toEqual(['modify']);
    expect(redline('甲乙丙丁', '甲戊己庚').changes.map((c) => c.kind)).toEqual(['delete', 'insert']);
  });

  it('is OK on a 1 MB text', () => {
    const paras = SEED.split('\n').filter((l) => l.trim());
    const a: string[] = [];
    let bytes = 0;
    for (let n = 0; bytes < 1_000_000; n++) {
      const p = `${paras[n % paras.length] ?? ''}#${n}`;
      a.push(p);
      bytes += Buffer.byteLength(p) + 1;
    }
    const b: string[] = [];
    let modified = 0;
    a.forEach((p, i) => {
      if (i % 50 === 7) return;
      if (i % 20 === 3 && p.includes('。')) {
        b.push(p.replace('。', ',并加快推进。'));
        modified++;
      } else b.push(p);
      if (i % 70 === 11) b.push(`新增段落${i}:加强统筹协调,确保各项任务落地见效。`);
    });
    const oldText = a.join('\n');
    const newText = b.join('\r\n');
    const t0 = performance.now();
    const rl = redline(oldText, newText);
    const ms = performance.now() - t0;
    expect(rl.stats).toEqual({
      inserted: Math.ceil((a.length - 11) / 70),
      deleted: Math.ceil((a.length - 7) / 50),
      modified,
      unchanged: a.length - Math.ceil((a.length - 7) / 50) - modified,
    });
    expect(problems(oldText, newText, rl)).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

const POOL = [
  '推进县城补短板强弱项。',
  '完成4.35万套保障性租赁住房开工任务。',
  '(省发改委负责)',
  '建设美丽宜居城市,提升人居环境。',
  '甲乙',
  '𠀀字',
];
const CHARS = ['甲', '乙', '丙', '丁', '1', '2', '.', '万', '%', ' ', '　', '𠀀', 'A'];
const line = fc.oneof(
  fc.constantFrom(...POOL),
  fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join('')),
);
const sep = fc.constantFrom('\n', '\r\n', '\n\n', '\r', '\n　\n');
const lines = fc.array(line, { maxLength: 14 });

function joinLines(ls: string[], seps: string[]): string {
  return ls.map((l, i) => (i === 0 ? l : (seps[i % Math.max(1, seps.length)] ?? '\n') + l)).join('');
}

type Op = { at: number; kind: 'delete' | 'insert' | 'edit' | 'move'; line: string; to: number };
const op = fc.record({
  at: fc.nat(20),
  kind: fc.constantFrom('delete' as const, 'insert' as const, 'edit' as const, 'move' as const),
  line,
  to: fc.nat(20),
});

function mutate(ls: string[], ops: Op[]): string[] {
  const out = [...ls];
  for (const o of ops) {
    const i = out.length === 0 ? 0 : o.at % out.length;
    if (o.kind === 'insert' || out.length === 0) out.splice(i, 0, o.line);
    else if (o.kind === 'delete') out.splice(i, 1);
    else if (o.kind === 'edit') {
      const l = out[i] ?? '';
      const cut = o.to % (l.length + 1);
      out[i] = l.slice(0, cut) + o.line.slice(0, 3) + l.slice(cut + (o.to % 2));
    } else {
      const [m] = out.splice(i, 1);
      out.splice(o.to % (out.length + 1), 0, m ?? '');
    }
  }
  return out;
}

/** Pairs of texts: a text and an edited copy of it, or two unrelated texts. */
const textPair = fc.oneof(
  fc.tuple(lines, fc.array(op, { maxLength: 8 }), fc.array(sep, { maxLength: 4 }), fc.array(sep, { maxLength: 4 })).map(
    ([ls, ops, s1, s2]) => [joinLines(ls, s1), joinLines(mutate(ls, ops), s2)] as const,
  ),
  fc.tuple(lines, lines, fc.array(sep, { maxLength: 4 })).map(([a, b, s]) => [joinLines(a, s), joinLines(b, s)] as const),
);

describe('redline properties', () => {
  it('both sides rebuild their paragraphs, spans are valid, inline parts rebuild the texts', () => {
    fc.assert(
      fc.property(textPair, ([a, b]) => {
        expect(problems(a, b, redline(a, b))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('keys are stable across runs', () => {
    fc.assert(
      fc.property(textPair, ([a, b]) => {
        expect(redline(a, b)).toEqual(redline(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it('a text against itself is all equal', () => {
    fc.assert(
      fc.property(textPair, ([a]) => {
        const rl = redline(a, a);
        expect(rl.changes.every((c) => c.kind === 'equal')).toBe(true);
        expect(rl.stats.unchanged).toBe(splitParagraphs(a).length);
      }),
      { numRuns: 200 },
    );
  });

  it('the inline diff rebuilds any two strings', () => {
    const str = fc.array(fc.constantFrom(...CHARS, '。', '\n'), { maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(str, str, (a, b) => {
        expect(inlineProblems(a, b, inlineDiff(a, b))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
