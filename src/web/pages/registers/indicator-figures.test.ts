import { describe, expect, it } from 'vitest';
import { figuresByPrefecture, periodsOf, trendSeries } from './indicator-figures';

describe('indicator figures for the map', () => {
  const regions = [
    { id: 1, name: '湖南省', kind: 'province' },
    { id: 2, name: '长沙市', kind: 'prefecture' },
    { id: 3, name: '株洲市', kind: 'prefecture' },
    { id: 4, name: '芙蓉区', kind: 'county' },
  ];
  it('gives every 市州 a figure, blank where there is no value, with its target', () => {
    expect(figuresByPrefecture(regions, [{ unitId: 2, period: '2021', value: 120, target: 230 }])).toEqual([
      { name: '长沙市', value: 120, target: 230 },
      { name: '株洲市', value: null },
    ]);
  });
  it('lists periods newest first', () => {
    expect(periodsOf([{ unitId: 2, period: '2019', value: 1 }, { unitId: 2, period: '2021', value: 1 }, { unitId: 3, period: '2019', value: 1 }])).toEqual(['2021', '2019']);
  });
});

describe('an indicator over time', () => {
  const regions = [
    { id: 1, name: '湖南省', kind: 'province' },
    { id: 2, name: '长沙市', kind: 'prefecture' },
    { id: 3, name: '株洲市', kind: 'prefecture' },
  ];
  it('lines up every chosen region on the same periods, oldest first, gaps as null', () => {
    const values = [
      { unitId: 2, period: '2021', value: 12, target: 20 },
      { unitId: 2, period: '2019', value: 10 },
      { unitId: 3, period: '2020', value: 7 },
    ];
    expect(trendSeries(regions, values, [2, 3])).toEqual({
      periods: ['2019', '2020', '2021'],
      series: [
        { unitId: 2, name: '长沙市', values: [10, null, 12], targets: [null, null, 20] },
        { unitId: 3, name: '株洲市', values: [null, 7, null], targets: null },
      ],
    });
  });
});
