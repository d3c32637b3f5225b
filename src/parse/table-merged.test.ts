/** Division tables pasted one cell per line whose merged cells are written only once. */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const parse = (text: string) => parsePlan(text, { resolver });
// A unit's raw keeps the line breaks of a name broken over lines (市交 ⏎ 通运 ⏎ 输局): compared without them.
const rows = (text: string) =>
  parse(text).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw.replace(/\s+/g, '')}/${r.role}`), i.targets.map((t) => t.raw)]);

describe('one-cell-per-line tables with merged cells', () => {
  it('aligns the cells to the header by their type: a merged target or unit cell is carried down, a group cell passed over', () => {
    const text = [
      '某县2030年度发展目标任务分解表',
      '项 目', '分值', '目标任务', '考核单位',
      '经济发展',
      '农业增加值增长率', '4', '年底对照全市平均水平考评', '县农业局、县统计局',
      '粮食播种面积', '2',
      '蔬菜产量', '1', '320', '县农业局',
      '社会事业',
      '新增养老床位', '2', '800', '县民政局',
      '城乡居民医保参保率', '3', '年底对照全市平均水平考评', '县医保局',
      '',
      '请各单位抓紧落实。',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['', '农业增加值增长率', ['县农业局/lead', '县统计局/cooperate'], []],
      ['', '粮食播种面积', ['县农业局/lead', '县统计局/cooperate'], []],
      ['', '蔬菜产量', ['县农业局/lead'], []],
      ['', '新增养老床位', ['县民政局/lead'], []],
      ['', '城乡居民医保参保率', ['县医保局/lead'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('does not carry units down into a last row the text cuts off', () => {
    const text = [
      '某区2030年度目标任务分解表',
      '项 目', '分值', '目标任务', '考核单位',
      '高新技术企业数', '2', '45', '区科技局',
      '技术合同成交额', '1',
      '专利授权量', '1', '900', '区市场监管局',
      '研发经费投入强度', '1', '年底对照',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['', '高新技术企业数', ['区科技局/lead'], []],
      ['', '技术合同成交额', ['区科技局/lead'], []],
      ['', '专利授权量', ['区市场监管局/lead'], []],
      ['', '研发经费投入强度', [], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads a lead column before the task, written once for its rows and broken over lines of a few characters', () => {
    const text = [
      '某市2030年重点工作责任分解表',
      '牵头单位', '工 作 任 务', '责 任 单 位',
      '市交',
      '通运',
      '输局',
      '新开通城乡公交线路12条', '市直相关单位、各区县',
      '改造农村公路300公里', '市财政局、各区县',
      '市', '水', '利', '局',
      '完成病险水库除险加固', '市应急局',
      '',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['', '新开通城乡公交线路12条', ['市交通运输局/lead', '市直相关单位/localities', '各区县/localities'], ['12条']],
      ['', '改造农村公路300公里', ['市交通运输局/lead', '市财政局/cooperate', '各区县/localities'], ['300公里']],
      ['', '完成病险水库除险加固', ['市水利局/lead', '市应急局/cooperate'], []],
    ]);
    expect(spanProblems(text, parse(text))).toEqual([]);
  });

  it('reads numbered rows whose category, deadline, leader and unit cells are written only where they change', () => {
    const text = [
      '序号', '指标', '工作任务', '完成时限', '责任领导', '责任股室', '(单位)', '备注',
      '1', '公共文化', '全年开展送戏下乡演出不少于80场。', '12月底前', '王 东', '文化股', '文化馆', '图书馆',
      '2', '乡镇综合文化站全部达标。', '文化股图书馆',
      '3', '文化产业', '培育规模以上文化企业2家。',
      '4', '市场管理', '开展专项检查6次以上。', '执法大队',
      '5', '网吧抽查合格率达到95%以上。', '10月底前', '李明', '各股室、委属单位',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['1', '全年开展送戏下乡演出不少于80场', ['文化股/lead', '文化馆/cooperate', '图书馆/cooperate'], ['80场']],
      ['2', '乡镇综合文化站全部达标', ['文化股/lead', '图书馆/cooperate'], []],
      ['3', '培育规模以上文化企业2家', ['文化股/lead', '图书馆/cooperate'], ['2家']],
      ['4', '开展专项检查6次以上', ['执法大队/lead'], ['6次']],
      ['5', '网吧抽查合格率达到95%以上', expect.arrayContaining(['各股室/localities']), ['95%']],
    ]);
    const plan = parse(text);
    // The deadline written in row 1 holds for rows 2–4, merged over them.
    expect(plan.items.slice(0, 4).map((i) => i.schedule)).toEqual(Array(4).fill(plan.items[0]?.schedule));
    expect(plan.items[0]?.schedule).toBeDefined();
    expect(spanProblems(text, plan)).toEqual([]);
  });
});
