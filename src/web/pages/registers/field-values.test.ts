import { describe, expect, it } from 'vitest';
import { changedValues, diffFields, displayValue } from './field-values';

describe('register field values in the page', () => {
  it('shows booleans and blanks plainly', () => {
    expect(displayValue(true, '是', '否')).toBe('是');
    expect(displayValue(false, '是', '否')).toBe('否');
    expect(displayValue(null, '是', '否')).toBe('—');
    expect(displayValue(12.5, '是', '否')).toBe('12.5');
  });

  it('sends only the changed fields, with empty inputs as null', () => {
    const fields = [{ name: '户数', type: 'integer' }, { name: '改造内容', type: 'text' }, { name: '状态', type: 'enum' }];
    expect(changedValues(fields, { 户数: 10, 改造内容: '加装电梯', 状态: '在建' }, { 户数: 12, 改造内容: '', 状态: '在建' })).toEqual({ 户数: 12, 改造内容: null });
    expect(changedValues(fields, { 户数: 10 }, { 户数: 10 })).toEqual({});
  });

  it('lists the fields a change touched', () => {
    expect(diffFields({ a: 1, b: 2 }, { a: 1, b: 3, c: 'x' })).toEqual(['b', 'c']);
    expect(diffFields(null, { a: 1 })).toEqual(['a']);
  });
});
