import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { parsePlan } from '../parse/parse-plan.js';
import { warningParams } from '../contract/plans.js';
import { warningItem, warningKey } from './warning-review.js';

const SEED = readFileSync(new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url), 'utf8');

describe('parser warnings under review', () => {
  const plan = parsePlan(SEED, { resolver: hunanResolver() });

  it('gives every warning of the seed plan a URL-safe key, the same again after parsing the text again', () => {
    expect(plan.warnings.length).toBeGreaterThan(0);
    const keys = plan.warnings.map(warningKey);
    for (const key of keys) expect(warningParams.safeParse({ id: 1, number: 1, key }).success).toBe(true);
    expect(parsePlan(SEED, { resolver: hunanResolver() }).warnings.map(warningKey)).toEqual(keys);
  });

  it('changes the key when the warning says something else about the same passage', () => {
    const a = { code: 'unit_corrected' as const, params: { raw: '省卫建委', unit: '省卫健委' }, span: [10, 14] as [number, number] };
    expect(warningKey(a)).toBe(warningKey({ ...a, params: { unit: '省卫健委', raw: '省卫建委' } }));
    expect(warningKey(a)).not.toBe(warningKey({ ...a, params: { raw: '省卫建委', unit: '省卫生健康委' } }));
    expect(warningKey(a)).not.toBe(warningKey({ ...a, span: [10, 15] }));
    expect(warningKey(a)).not.toBe(warningKey({ ...a, code: 'unit_unknown' }));
  });

  it('names the item a warning is about: the seed’s 省卫建委 is in item (六)', () => {
    const corrected = plan.warnings.find((w) => w.code === 'unit_corrected' && w.params.raw === '省卫建委');
    expect(corrected).toBeDefined();
    const ordinal = warningItem(plan.items, corrected!);
    expect(plan.items.find((i) => i.ordinal === ordinal)?.number).toBe('(六)');
  });

  it('takes the item a warning names, and none for a warning about the whole document', () => {
    const items = [
      { ordinal: 1, span: [0, 10] as [number, number] },
      { ordinal: 2, span: [10, 20] as [number, number] },
    ];
    expect(warningItem(items, { span: [12, 14] })).toBe(2);
    expect(warningItem(items, { span: [2, 4], params: { item: 2 } })).toBe(2);
    expect(warningItem(items, { span: [0, 0] })).toBeNull();
    expect(warningItem(items, { span: [25, 30] })).toBeNull();
  });
});
