import { describe, expect, it } from 'vitest';
import { guessTarget, isUncertain } from './target-phrase.js';

// The form for a new target is prefilled from the passage a person selected, by the same
// grammar that reads the plan (the web app asks the server: there is no second grammar).
describe('guessTarget', () => {
  it('reads value, multiplier and unit of measure from a selected figure', () => {
    expect(guessTarget('4.35万套')).toEqual({ value: 43500, max: null, unit: '套', comparator: '=' });
    expect(guessTarget('完成改造1500个老旧小区')).toEqual({ value: 1500, max: null, unit: '个', comparator: '=' });
    // In running text the parser passes over a figure in a name; a selection is a target by choice.
    expect(guessTarget('1小时通勤圈')).toEqual({ value: 1, max: null, unit: '小时', comparator: '=' });
  });

  it('reads the comparator from the words around the figure', () => {
    expect(guessTarget('不少于5%')).toMatchObject({ value: 5, unit: '%', comparator: '>=' });
    expect(guessTarget('达到100%')).toMatchObject({ value: 100, comparator: '>=' });
    expect(guessTarget('控制在3个百分点以内')).toMatchObject({ value: 3, unit: '个百分点', comparator: '<=' });
  });

  it('reads a range', () => {
    expect(guessTarget('1-2个')).toEqual({ value: 1, max: 2, unit: '个', comparator: 'range' });
  });

  it('leaves the value to the person when the passage holds no target', () => {
    expect(guessTarget('加快推进')).toEqual({ comparator: '=' });
  });
});

describe('isUncertain', () => {
  it('marks targets below the confidence the parser warns at', () => {
    expect(isUncertain({ confidence: 0.6 })).toBe(true);
    expect(isUncertain({ confidence: 0.7 })).toBe(false);
  });
});
