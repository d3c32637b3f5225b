import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISLAND, cleanupSemantic } from './inline-cleanup.js';
import type { InlinePart } from './inline-cleanup.js';
import { inlineDiff, redline } from './redline.js';

const SEED = readFileSync(new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url), 'utf8');

const ins = (text: string): InlinePart => ({ op: 'insert', text });
const del = (text: string): InlinePart => ({ op: 'delete', text });
const eq = (text: string): InlinePart => ({ op: 'equal', text });

/** Equalities of at most ISLAND characters with an edit on both sides: what the clean-up removes. */
function islands(parts: readonly InlinePart[]): string[] {
  return parts.filter((p, i) => p.op === 'equal' && i > 0 && i < parts.length - 1 && [...p.text].length <= ISLAND).map((p) => p.text);
}

function sides(parts: readonly InlinePart[]): [string, string] {
  const join = (op: InlinePart['op']) => parts.filter((p) => p.op === 'equal' || p.op === op).map((p) => p.text).join('');
  return [join('delete'), join('insert')];
}

/** The paragraph of the seed plan that starts with the given words. */
function seedParagraph(start: string): string {
  const line = SEED.split('\n').find((l) => l.trim().startsWith(start));
  if (!line) throw new Error(`no paragraph starts with ${start}`);
  return line.trim();
}

describe('the semantic clean-up of an inline diff', () => {
  it('folds one kept character between two insertions into one deletion and one insertion', () => {
    expect(cleanupSemantic([ins('加快'), eq('推'), ins('进'), eq('城镇')])).toEqual([del('推'), ins('加快推进'), eq('城镇')]);
  });

  it('folds a short island between two deletions, and between a deletion and an insertion', () => {
    expect(cleanupSemantic([eq('省发'), del('展'), eq('改'), del('革'), eq('委')])).toEqual([eq('省发'), del('展改革'), ins('改'), eq('委')]);
    expect(cleanupSemantic([del('持续'), eq('推动'), ins('加快')])).toEqual([del('持续推动'), ins('推动加快')]);
  });

  it('keeps an equality longer than the island and than the edits around it', () => {
    const parts = [eq('（九）'), ins('规范'), eq('推进特色小镇'), del('健康'), ins('高质量'), eq('发展')];
    expect(cleanupSemantic(parts)).toEqual(parts);
  });

  it('folds a longer equality no longer than the edits on both sides (diff-match-patch’s rule)', () => {
    expect(cleanupSemantic([del('城镇化率'), eq('达到'), ins('城镇化水平')])).toEqual([del('城镇化率达到'), ins('达到城镇化水平')]);
    expect(cleanupSemantic([del('甲乙丙'), eq('丁戊己'), ins('子丑')])).toEqual([del('甲乙丙'), eq('丁戊己'), ins('子丑')]);
  });

  it('looks again at the equality before an edit that a fold made longer', () => {
    // 乙丙丁 is longer than 子丑 and stays, until 戊 is folded: the grown edit (子丑戊寅) swallows it.
    expect(cleanupSemantic([ins('甲甲甲'), eq('乙丙丁'), ins('子丑')])).toEqual([ins('甲甲甲'), eq('乙丙丁'), ins('子丑')]);
    expect(cleanupSemantic([ins('甲甲甲'), eq('乙丙丁'), ins('子丑'), eq('戊'), ins('寅')])).toEqual([del('乙丙丁戊'), ins('甲甲甲乙丙丁子丑戊寅')]);
  });

  it('leaves equalities at either end alone and merges adjacent parts', () => {
    expect(cleanupSemantic([eq('推'), ins('进'), eq(''), ins('一步'), eq('落实')])).toEqual([eq('推'), ins('进一步'), eq('落实')]);
    expect(cleanupSemantic([eq('甲'), eq('乙')])).toEqual([eq('甲乙')]);
    expect(cleanupSemantic([])).toEqual([]);
  });

  it('keeps both texts: deleted and equal parts are the old text, inserted and equal parts the new one', () => {
    const parts = [ins('加快'), eq('推'), ins('进'), eq('城镇化'), del('，'), eq('和'), ins('、'), eq('以县城为重要载体')];
    expect(sides(cleanupSemantic(parts))).toEqual(sides(parts));
    expect(islands(cleanupSemantic(parts))).toEqual([]);
  });
});

describe('the inline diff of real revisions of the seed plan', () => {
  it('shows 长株潭 → 长沙株洲湘潭 as one rewritten name, not 长【+沙】株【+洲湘】潭', () => {
    const old = seedParagraph('(六)持续推动长株潭一体化');
    const revised = old.replace('(六)持续推动长株潭一体化', '(六)持续推动长沙株洲湘潭一体化');
    const parts = inlineDiff(old, revised);
    expect(parts.slice(0, 4)).toEqual([eq('(六)持续推动长'), del('株'), ins('沙株洲湘'), eq(`潭一体化${old.slice('(六)持续推动长株潭一体化'.length)}`)]);
    expect(islands(parts)).toEqual([]);
  });

  it('shows 县城 → 县级城市 as one replacement', () => {
    const old = seedParagraph('(八)推进县城补短板强弱项');
    const parts = inlineDiff(old, old.replace('(八)推进县城', '(八)推进县级城市'));
    expect(parts.slice(0, 3)).toEqual([eq('(八)推进县'), del('城'), ins('级城市')]);
    expect(islands(parts)).toEqual([]);
  });

  it('keeps a plain insertion and a plain replacement as they are', () => {
    const old = seedParagraph('(二)推动城镇基本公共服务');
    const parts = inlineDiff(old, old.replace('逐步享有', '逐步平等享有'));
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([ins('平等')]);
  });

  it('the demo revision (国家下达的 instead of 4.35万套) and a few edits at once leave no islands in the redline', () => {
    const revised = SEED.replace('指导长沙市完成4.35万套保障性租赁住房开工任务', '指导长沙市完成国家下达的保障性租赁住房开工任务')
      .replace('(六)持续推动长株潭一体化', '(六)持续推动长沙株洲湘潭一体化')
      .replace('(八)推进县城补短板强弱项', '(八)推进县级城市补短板强弱项')
      .replace('有序推动长沙教育', '有序引导长沙教育');
    const modified = redline(SEED, revised).changes.filter((c) => c.kind === 'modify');
    expect(modified).toHaveLength(3);
    for (const change of modified) {
      expect(islands(change.inline ?? [])).toEqual([]);
      expect(sides(change.inline ?? [])).toEqual([change.oldText, change.newText]);
    }
    const demo = modified.find((c) => c.oldText?.includes('4.35万套'));
    expect(demo?.inline?.filter((p) => p.op !== 'equal')).toEqual([del('4.35万套'), ins('国家下达的')]);
  });
});
