import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const read = (text: string) => parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}=${r.unit}/${r.role}`)]);

describe('role words and phrasings across the genre', () => {
  it('reads 主办/协办 and 主责/参与 labels, in brackets and on lines of their own, simplified and traditional', () => {
    const items = read(`某省2023年工作要点
一、重点任务
(一)推进园区建设。(主办单位:省发展改革委;协办单位:省财政厅、省统计局)
(二)完善社会保障。(主责单位:省人力资源社会保障厅;参与单位:省财政厅)
(三)加强生态保护。
主办单位:省生态环境厅
协办单位:省水利厅
(四)推進交通建設。(主辦單位:省交通運輸廳;協辦單位:省財政廳)
(五)發展職業教育。(主責單位:省教育廳;參與單位:省人力資源社會保障廳)
`);
    expect(items.map((i) => i[2])).toEqual([
      ['省发展改革委=省发改委/lead', '省财政厅=省财政厅/cooperate', '省统计局=省统计局/cooperate'],
      ['省人力资源社会保障厅=省人社厅/lead', '省财政厅=省财政厅/cooperate'],
      ['省生态环境厅=省生态环境厅/lead', '省水利厅=省水利厅/cooperate'],
      ['省交通運輸廳=省交通运输厅/lead', '省財政廳=省财政厅/cooperate'],
      ['省教育廳=省教育厅/lead', '省人力資源社會保障廳=省人社厅/cooperate'],
    ]);
  });

  it('reads X配合Y落实, X协助Y负责, 由X负责,Y协助, X会同Y落实 and X牵头,Y参与: the one helped leads', () => {
    const items = read(`某省2023年工作要点
一、重点任务
(一)加强安全生产。(省应急管理厅配合省公安厅落实)
(二)推进乡村振兴。(省财政厅、省自然资源厅协助省农业农村厅负责)
(三)优化营商环境。省市场监管局配合省发展改革委落实。
(四)省生态环境厅配合省发展改革委落实主要污染物减排任务。
(五)新增高新技术企业150家。由省科技厅负责,省财政厅、省统计局协助。
(六)推进土壤修复。省农业农村厅会同省生态环境厅落实。
(七)提高城镇化率。省住房城乡建设厅牵头,省发展改革委、省公安厅参与。
`);
    expect(items.map((i) => i[2])).toEqual([
      ['省公安厅=省公安厅/lead', '省应急管理厅=省应急厅/cooperate'],
      ['省农业农村厅=省农业农村厅/lead', '省财政厅=省财政厅/cooperate', '省自然资源厅=省自然资源厅/cooperate'],
      ['省发展改革委=省发改委/lead', '省市场监管局=省市场监管局/cooperate'],
      ['省发展改革委=省发改委/lead', '省生态环境厅=省生态环境厅/cooperate'],
      ['省科技厅=省科技厅/lead', '省财政厅=省财政厅/cooperate', '省统计局=省统计局/cooperate'],
      ['省农业农村厅=省农业农村厅/lead', '省生态环境厅=省生态环境厅/cooperate'],
      ['省住房城乡建设厅=省住房城乡建设厅/lead', '省发展改革委=省发改委/cooperate', '省公安厅=省公安厅/cooperate'],
    ]);
  });

  it('takes task lines directly under a numbered heading as items: a bracket (with 。 after it) or a label per line, a task’s own marker as its number', () => {
    const items = read(`某省2023年工作要点
一、加快产业转型
1.推进园区建设
支持园区扩区调位,新增用地1000亩(省发展改革委牵头,省自然资源厅配合)。
实施园区标准化厂房建设(省工业和信息化厅负责)。
2.完善社会保障
提高城乡居民基础养老金。责任单位:省人力资源社会保障厅
（1）扩大失业保险覆盖面。责任单位:省民政厅
二、重点任务
（一）推进城市更新
1.改造老旧小区1000个。(省住房城乡建设厅牵头)
2.新建公租房500套。(省住房城乡建设厅负责)
`);
    expect(items).toEqual([
      ['', '支持园区扩区调位,新增用地1000亩', ['省发展改革委=省发改委/lead', '省自然资源厅=省自然资源厅/cooperate']],
      ['', '实施园区标准化厂房建设', ['省工业和信息化厅=省工信厅/lead']],
      ['', '提高城乡居民基础养老金', ['省人力资源社会保障厅=省人社厅/lead']],
      ['（1）', '扩大失业保险覆盖面', ['省民政厅=省民政厅/lead']],
      ['1', '改造老旧小区1000个', ['省住房城乡建设厅=省住房城乡建设厅/lead']],
      ['2', '新建公租房500套', ['省住房城乡建设厅=省住房城乡建设厅/lead']],
    ]);
  });
});
