import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { parsePlan } from './parse-plan.js';

const resolver = hunanResolver();
const read = (text: string) => parsePlan(text, { resolver }).items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}=${r.unit}/${r.role}`)]);
/** Number, title and the units as written with their roles (names a registry need not know). */
const readRoles = (text: string) =>
  parsePlan(text, { resolver }).items.map((i): [string, string, string[]] => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)]);

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
(八)推进节能减排。省生态环境厅配合省发展改革委落实节能目标。
`);
    expect(items.map((i) => i[2])).toEqual([
      ['省公安厅=省公安厅/lead', '省应急管理厅=省应急厅/cooperate'],
      ['省农业农村厅=省农业农村厅/lead', '省财政厅=省财政厅/cooperate', '省自然资源厅=省自然资源厅/cooperate'],
      ['省发展改革委=省发改委/lead', '省市场监管局=省市场监管局/cooperate'],
      ['省发展改革委=省发改委/lead', '省生态环境厅=省生态环境厅/cooperate'],
      ['省科技厅=省科技厅/lead', '省财政厅=省财政厅/cooperate', '省统计局=省统计局/cooperate'],
      ['省农业农村厅=省农业农村厅/lead', '省生态环境厅=省生态环境厅/cooperate'],
      ['省住房城乡建设厅=省住房城乡建设厅/lead', '省发展改革委=省发改委/cooperate', '省公安厅=省公安厅/cooperate'],
      ['省发展改革委=省发改委/lead', '省生态环境厅=省生态环境厅/cooperate'],
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

  it('reads 【责任单位】 label lines, 同上 in a label (reaching past an item without one), 参加, X、Y按职责分工负责。 as a sentence, a role-less unit bracket and 等省有关部门', () => {
    const items = read(`某省2023年工作要点
一、重点任务
(一)推进园区建设。
【责任单位】省发展改革委
【配合单位】省财政厅、省统计局
(二)完善社会保障。
【责任单位】省人力资源社会保障厅
(三)加强生态保护。
【责任单位】省生态环境厅
【配合单位】同上
(四)扩大对外开放。(省商务厅牵头,省公安厅参加)
(五)推进交通建设。省交通运输厅、省财政厅按职责分工负责。
(六)加快园区扩区调规(省自然资源厅、省工业和信息化厅)。年内完成报批。
(七)发展职业教育。(省教育厅牵头,省财政厅等省有关部门配合)
`);
    expect(items.map((i) => [i[1], i[2]])).toEqual([
      ['推进园区建设', ['省发展改革委=省发改委/lead', '省财政厅=省财政厅/cooperate', '省统计局=省统计局/cooperate']],
      ['完善社会保障', ['省人力资源社会保障厅=省人社厅/lead']],
      ['加强生态保护', ['省生态环境厅=省生态环境厅/lead', '省财政厅=省财政厅/cooperate', '省统计局=省统计局/cooperate']],
      ['扩大对外开放', ['省商务厅=省商务厅/lead', '省公安厅=省公安厅/cooperate']],
      ['推进交通建设', ['省交通运输厅=省交通运输厅/lead', '省财政厅=省财政厅/cooperate']],
      ['加快园区扩区调规', ['省自然资源厅=省自然资源厅/lead', '省工业和信息化厅=省工信厅/cooperate']],
      ['发展职业教育', ['省教育厅=省教育厅/lead', '省财政厅=省财政厅/cooperate']],
    ]);
  });

  it('keeps sub-points and the (责任单位:…) line after them in their item, and drops a ——bullet from an unnumbered task', () => {
    const items = readRoles(`某市2022年工作方案
一、稳定粮食生产
1.抓好粮食生产。
(1)播种面积稳定在95万亩以上。
(2)新建高标准农田3.2万亩。
(责任单位:市农业农村局、市财政局)
责任领导:分管副市长
2.发展乡村产业。培育龙头企业5家。
责任单位:市农业农村局
二、惠民生
——新增城镇就业7万人。(市人力资源社会保障局牵头,各县市区人民政府落实)
——完成农村危房改造1万户。(市住房城乡建设局负责)
`);
    expect(items.map((i) => [i[0], i[1], i[2]])).toEqual([
      ['1', '抓好粮食生产', ['市农业农村局/lead', '市财政局/cooperate']],
      ['2', '发展乡村产业', ['市农业农村局/lead']],
      ['', '新增城镇就业7万人', ['市人力资源社会保障局/lead', '各县市区人民政府/localities']],
      ['', '完成农村危房改造1万户', ['市住房城乡建设局/lead']],
    ]);
  });

  it('reads division tables with group rows, pipe rule rows and one cell per line with 协同责任单位 and 任务来源 columns', () => {
    const tab = read(`2023年重点工作任务分解表
序号\t工作任务\t责任领导\t牵头单位\t配合单位\t完成时限
一、产业创新
1\t新增高新技术企业300家\t分管副主任\t科技局\t财政局\t12月
二、开放合作
2\t实际使用外资20亿美元\t分管副主任\t商务局\t发改委\t12月
`);
    expect(tab.map((i) => [i[0], i[1]])).toEqual([['1', '新增高新技术企业300家'], ['2', '实际使用外资20亿美元']]);
    const pipes = read(`2011年重点工作分解表
| 序号 | 目标任务 | 牵头单位 | 配合单位 |
|---|---|---|---|
| 1 | 新增城镇就业4.2万人。 | 市人社局 | 市财政局 |
`);
    expect(pipes.map((i) => [i[0], i[1]])).toEqual([['1', '新增城镇就业4.2万人']]);
    const cells = readRoles(`2019年重点工作责任清单

序号
重点工作任务
牵头责任单位
协同责任单位
任务来源
一、产业发展
1
新引进项目50个
市商务局
市发展改革委
市政府工作报告
`);
    expect(cells.map((i) => [i[0], i[1], i[2]])).toEqual([['1', '新引进项目50个', ['市商务局/lead', '市发展改革委/cooperate']]]);
  });

  it('reads short (一) titles with a responsibility bracket over 1. sentences as headings whose units their tasks take, and a column name with a note', () => {
    const items = readRoles(`某县2022年稳增长工作方案
一、扩大有效投资
(一)抓好重大项目建设(牵头单位:县发改局;责任单位:县财政局)
1.全年实施重点项目150个,完成投资200亿元。
2.新开工亿元以上项目30个。
(二)促进消费(牵头单位:县商务局)
3.社会消费品零售总额增长8%。
`);
    expect(items.map((i) => [i[0], i[1], i[2]])).toEqual([
      ['1', '全年实施重点项目150个,完成投资200亿元', ['县发改局/lead', '县财政局/cooperate']],
      ['2', '新开工亿元以上项目30个', ['县发改局/lead', '县财政局/cooperate']],
      ['3', '社会消费品零售总额增长8%', ['县商务局/lead']],
    ]);
    const table = readRoles(`2017年改革计划任务分工表
序号\t改革任务\t责任单位(排第一位的为牵头单位)\t完成时限
1\t企业开办时间压缩至3个工作日\t市市场监管局、市公安局\t2017年6月
`);
    expect(table.map((i) => [i[1], i[2]])).toEqual([['企业开办时间压缩至3个工作日', ['市市场监管局/lead', '市公安局/cooperate']]]);
  });

  it('reads ① items under headings, 〔X、Y〕 after the full stop, 主要负责/具体负责, and a name marked (牵头) wherever it stands in a list or a cell', () => {
    const items = readRoles(`某市2018年工作要点
一、新型基础设施
①新建基站300个。(市经信委牵头,市通信办配合)
②建设数据中心2个。〔市发改委、市财政局〕
二、民生
③改造危房3万平方米。(市住建局主要负责,市财政局协助)
④新增就业1万人。责任单位:市统计局、市人社局(牵头)
`);
    expect(items).toEqual([
      ['①', '新建基站300个', ['市经信委/lead', '市通信办/cooperate']],
      ['②', '建设数据中心2个', ['市发改委/lead', '市财政局/cooperate']],
      ['③', '改造危房3万平方米', ['市住建局/lead', '市财政局/cooperate']],
      ['④', '新增就业1万人', ['市人社局/lead', '市统计局/cooperate']],
    ]);
    const table = readRoles(`2013年重点工作任务分解表
序号 | 重点工作 | 责任单位 | 配合单位
1 | 新建道路50公里。 | 市统计局、市发改委(牵头) | 市财政局
`);
    expect(table).toEqual([['1', '新建道路50公里', ['市统计局/cooperate', '市发改委/lead', '市财政局/cooperate']]]);
  });

  it('reads 责任部门:X  协办部门:Y on one line, and 协同单位:/协助单位: label lines', () => {
    expect(
      readRoles(`某县2016年重点工作目标责任分解
一、经济发展
1.全县生产总值增长8.5%。
责任部门:县发改委  协办部门:县统计局
2.新建幼儿园6所。
责任单位:县教体局
协同单位:县财政局
`).map((i) => i[2]),
    ).toEqual([
      ['县发改委/lead', '县统计局/cooperate'],
      ['县教体局/lead', '县财政局/cooperate'],
    ]);
  });

  it('reads (由X牵头,会同Y推进) and …具体实施 without the verbs in the names, and 责任主体 cells that state roles in words', () => {
    expect(
      readRoles(`某市2011年为民办实事项目
一、社会保障
(一)新增城镇就业5万人。(由市人社局牵头,会同市财政局推进)
(二)改造危房1500户。(市住建局负责,各乡镇具体实施)
`).map((i) => i[2]),
    ).toEqual([
      ['市人社局/lead', '市财政局/cooperate'],
      ['市住建局/lead', '各乡镇/localities'],
    ]);
    expect(
      readRoles(`2018年重点工作任务表
序号\t工作内容\t责任主体\t完成时间
1\t新增科技型中小企业200家\t市科技局牵头,科技城管委会、各县市区政府配合\t2018年12月
`),
    ).toEqual([['1', '新增科技型中小企业200家', ['市科技局/lead', '科技城管委会/cooperate', '各县市区政府/localities']]]);
  });

  it('cuts items run on after a heading’s colon and separated by ;, their numbering running on across headings', () => {
    expect(
      readRoles(`某市2016年城市建设重点工作安排
一、道路建设:1.新建城市主干道20公里(市住建局负责);2.改造背街小巷100条(市城管局负责,各城区政府配合)。
二、园林绿化:3.新增城市绿地50公顷(市园林局负责)。
`),
    ).toEqual([
      ['1', '新建城市主干道20公里', ['市住建局/lead']],
      ['2', '改造背街小巷100条', ['市城管局/lead', '各城区政府/localities']],
      ['3', '新增城市绿地50公顷', ['市园林局/lead']],
    ]);
  });

  it('keeps 按职责分工配合, 抓好落实 and 做好 out of the names, and reads 由X负责,Y指导 with a bracket inside X', () => {
    expect(
      readRoles(`某省2025年工作要点
一、重点任务
1.推进数据共享。(省委网信办、省数据局牵头,省直各部门按职责分工配合)
2.扩大事项范围。(省数据局牵头负责,省委编办等按职责分工配合)
3.推行一次办。(省政务服务中心负责,各市州人民政府抓好落实)
4.完成农村改厕2万户。由各区县(市)人民政府负责,市农委指导。
5.建设污水处理设施。由市住建局负责,各乡镇做好配合。
`),
    ).toEqual([
      ['1', '推进数据共享', ['省委网信办/lead', '省数据局/lead', '省直各部门/localities']],
      ['2', '扩大事项范围', ['省数据局/lead', '省委编办/cooperate']],
      ['3', '推行一次办', ['省政务服务中心/lead', '各市州人民政府/localities']],
      ['4', '完成农村改厕2万户', ['各区县(市)人民政府/localities', '市农委/cooperate']],
      ['5', '建设污水处理设施', ['市住建局/lead', '各乡镇/localities']],
    ]);
  });

  it('ends the units of labels set apart by spaces at a 完成时限: set apart the same way', () => {
    expect(
      readRoles(`某县2019年重点工作任务分解表
一、民生事业
1、改造棚户区1500套。牵头单位:县住建局 责任单位:县财政局、县自然资源局 完成时限:2019年底
2、新建农村公路100公里。
责任单位:县交通运输局  配合单位:县财政局  完成时间:全年
`),
    ).toEqual([
      ['1', '改造棚户区1500套', ['县住建局/lead', '县财政局/cooperate', '县自然资源局/cooperate']],
      ['2', '新建农村公路100公里', ['县交通运输局/lead', '县财政局/cooperate']],
    ]);
  });

  it('reads 主辦機關/協辦機關 (Taiwan) in brackets and on lines, and 縣(市)政府 and 县级市政府 as collectives', () => {
    expect(
      readRoles(`一、推動產業創新
(一)推動5G應用,建置基地台2萬座。(主辦機關:經濟部;協辦機關:國家發展委員會、數位發展部)
(二)培育新創企業500家。
主辦機關:國家發展委員會
協辦機關:經濟部、金融監督管理委員會
(三)興建社會住宅12萬戶。(主辦機關:內政部;協辦機關:各直轄市、縣(市)政府)
(四)推進自主創新。(牽頭單位:市科技和信息化局;配合單位:各區、縣級市政府)
`),
    ).toEqual([
      ['(一)', '推動5G應用,建置基地台2萬座', ['經濟部/lead', '國家發展委員會/cooperate', '數位發展部/cooperate']],
      ['(二)', '培育新創企業500家', ['國家發展委員會/lead', '經濟部/cooperate', '金融監督管理委員會/cooperate']],
      ['(三)', '興建社會住宅12萬戶', ['內政部/lead', '各直轄市/localities', '縣(市)政府/localities']],
      ['(四)', '推進自主創新', ['市科技和信息化局/lead', '各區、縣級市政府/localities']],
    ]);
  });

  it('reads the units on the line after a label that ends its line', () => {
    expect(
      readRoles(`某市2022年工作要点
一、主要任务
1.建设智慧城市。
责任单位:
市大数据局、市工信局
2.推进垃圾分类。
牵头单位:
市城管局
配合单位:市生态环境局
`),
    ).toEqual([
      ['1', '建设智慧城市', ['市大数据局/lead', '市工信局/cooperate']],
      ['2', '推进垃圾分类', ['市城管局/lead', '市生态环境局/cooperate']],
    ]);
  });

  it('reads 【牵头单位】X【配合单位】Y on one line, skips a leader label before the unit labels, and counts no 等8个部门', () => {
    const plan = parsePlan(
      `某市2022年工作要点
一、任务
1.推进项目建设。【牵头单位】市发改委【配合单位】市财政局、市自然资源局
2.推进数字经济,建成基站5个。(牵头领导:王五;牵头单位:市工信局;责任单位:市发改委等8个部门)
3.完善养老服务。(完成时限:2022年底;责任单位:市民政局)
`,
      { resolver },
    );
    expect(plan.items.map((i) => [i.number, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw)])).toEqual([
      ['1', ['市发改委/lead', '市财政局/cooperate', '市自然资源局/cooperate'], []],
      ['2', ['市工信局/lead', '市发改委/cooperate'], ['5个']],
      ['3', ['市民政局/lead'], []],
    ]);
  });

  it('reads the many ways of saying "by their duties" and "leads overall": 按照各自职责, 根据职责分工, 依职责, 牵头抓总, 总牵头, 主抓, 协同配合', () => {
    const roles = readRoles(`一、任务
1.甲。(市发改委、市财政局按照职责分工负责)
2.乙。(市发改委牵头,市财政局、市审计局按照各自职责负责)
3.丙。(市发改委牵头,市直相关部门根据职责分工抓好落实)
4.丁。(市发改委牵头,市财政局等依职责配合)
5.戊。(市发改委牵头组织,市财政局协同配合)
6.己。(市发改委牵头抓总,各县市区具体落实)
7.庚。(市发改委总牵头,市财政局配合)
8.辛。(市发改委主抓,市财政局配合)
`).map((i) => i[2]);
    expect(roles).toEqual([
      ['市发改委/lead', '市财政局/cooperate'],
      ['市发改委/lead', '市财政局/cooperate', '市审计局/cooperate'],
      ['市发改委/lead', '市直相关部门/localities'],
      ['市发改委/lead', '市财政局/cooperate'],
      ['市发改委/lead', '市财政局/cooperate'],
      ['市发改委/lead', '各县市区/localities'],
      ['市发改委/lead', '市财政局/cooperate'],
      ['市发改委/lead', '市财政局/cooperate'],
    ]);
  });

  it('keeps a task stated at a heading level with nothing under it, and reads ——task lines under short (一) titles as the items', () => {
    expect(
      readRoles(`某市2020年重点工作任务分解
一、稳增长
1、推进重点项目建设
(1)全年实施重点项目200个。(市发改委牵头,各县市区政府负责)
(2)争取专项债券50亿元。(市财政局牵头,市发改委配合)
2、新增就业3万人。(市人社局负责)
`),
    ).toEqual([
      ['(1)', '全年实施重点项目200个', ['市发改委/lead', '各县市区政府/localities']],
      ['(2)', '争取专项债券50亿元', ['市财政局/lead', '市发改委/cooperate']],
      ['2', '新增就业3万人', ['市人社局/lead']],
    ]);
    expect(
      readRoles(`一、重点任务
(一)推进农业转移人口市民化
——全面放开落户限制。市公安局负责。
——推进基本公共服务均等化。市教育局、市卫健委按职责分工负责。
(二)优化城镇化空间格局
——建设城市群。市发改委牵头,市自然资源局配合。
`),
    ).toEqual([
      ['', '全面放开落户限制', ['市公安局/lead']],
      ['', '推进基本公共服务均等化', ['市教育局/lead', '市卫健委/cooperate']],
      ['', '建设城市群', ['市发改委/lead', '市自然资源局/cooperate']],
    ]);
  });

  it('reads a role-less unit bracket closing each bullet line of an item, and drops the colon that opens the bullets from the title', () => {
    expect(
      readRoles(`地區事項統籌工作組
2. 改善環境衛生及市容:
- 清除環境衛生黑點最少 75%。(政務司副司長辦公室/相關政策局)
- 主要鼠患黑點數目減半。(環境及生態局)
- 舉辦約 500 次聯合大清潔。(房屋局)
3. 按時提供土地:
- 交出約 3,300 公頃已平整土地。
- 每年發表土地供應預計。(發展局)
`),
    ).toEqual([
      ['2', '改善環境衛生及市容', ['政務司副司長辦公室/lead', '相關政策局/localities', '環境及生態局/lead', '房屋局/lead']],
      ['3', '按時提供土地', ['發展局/lead']],
    ]);
  });

  it('reads unnumbered paragraphs each closing with its own bracket under a sentence heading as the items, and …各部门, 各直属机构 and X(单位)及Y as collectives', () => {
    expect(
      readRoles(`一、推动经济持续健康发展
(一)要让经济稳定健康发展,必须使消费、投资、出口协调拉动。

全面执行稳健的货币政策。(省发展改革委、省财政厅等负责)

强化投资的关键作用。(省发展改革委、省交通运输厅等负责)
(二)优化营商环境。
健全权责清单制度。(省委编办牵头,省直有关部门(单位)及各市(州)人民政府按职责分工负责)
提高审批效率。(省政务服务中心牵头,省政府各部门、各直属机构配合)
`),
    ).toEqual([
      ['', '全面执行稳健的货币政策', ['省发展改革委/lead', '省财政厅/cooperate']],
      ['', '强化投资的关键作用', ['省发展改革委/lead', '省交通运输厅/cooperate']],
      ['', '健全权责清单制度', ['省委编办/lead', '省直有关部门(单位)/localities', '各市(州)人民政府/localities']],
      ['', '提高审批效率', ['省政务服务中心/lead', '省政府各部门/localities', '各直属机构/localities']],
    ]);
  });

  it('reads 一、2023年… and 6、98年… as numbered, an unnumbered title between a heading and its tasks, and 各县、市、区政府 as one collective', () => {
    expect(
      readRoles(`一、2023年主要预期目标
1.地区生产总值增长8%以上。(责任领导:张三;牵头单位:区发改局)
二、2023年重点工作安排
(一)持续做大做强增长引擎
补齐基础设施短板
2.开工建设南外环公路。(牵头单位:区交通运输局;责任单位:区发改局,各县、市、区政府)
3、98年元旦升旗活动要预先规划。(教育局)
`),
    ).toEqual([
      ['1', '地区生产总值增长8%以上', ['区发改局/lead']],
      ['2', '开工建设南外环公路', ['区交通运输局/lead', '区发改局/cooperate', '各县、市、区政府/localities']],
      ['3', '98年元旦升旗活动要预先规划', ['教育局/lead']],
    ]);
  });

  it('reads a pipe table whose header spells its names with spaces, with the target in a 指标要求 column', () => {
    const plan = parsePlan(
      `序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |
1 | 地区生产总值 | 增长5.5%(市下达指标) | 区发改经信局 | 区财政局、各街道办事处 | A类 |
`,
      { resolver },
    );
    expect(plan.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`), i.targets.map((t) => t.raw)])).toEqual([
      ['1', '地区生产总值', ['区发改经信局/lead', '区财政局/cooperate', '各街道办事处/localities'], ['5.5%']],
    ]);
  });

  it('gives the unit a heading names (县发改局(3项), 省监察厅牵头的工作) to the tasks under it as their lead', () => {
    expect(
      readRoles(`某县2022年重点工作任务分解
一、县发改局(2项)
1.固定资产投资增长10%。
2.争取中央预算内资金3亿元。(县财政局配合)
二、县住建局牵头的工作
3.改造老旧小区20个。
`),
    ).toEqual([
      ['1', '固定资产投资增长10%', ['县发改局/lead']],
      ['2', '争取中央预算内资金3亿元', ['县发改局/lead', '县财政局/cooperate']],
      ['3', '改造老旧小区20个', ['县住建局/lead']],
    ]);
    expect(
      readRoles(`一、省长负责的工作
(一)省监察厅牵头的工作
加强行政监察工作。
(二)省审计厅牵头的工作
全面加强审计工作。
协同单位:省直各部门。
`),
    ).toEqual([
      ['(一)', '加强行政监察工作', ['省监察厅/lead']],
      ['(二)', '全面加强审计工作', ['省审计厅/lead', '省直各部门/localities']],
    ]);
    // 沁县 2025: X牵头工作(8项), the count after the role word; a heading that is a task is none.
    expect(
      readRoles(`沁县2025年重点工作任务
一、县示范区管委会牵头工作(2项)
1.新建标准化厂房10万平方米。
2.完成园区道路改造。
二、县发改局牵头工作
1.争取中央预算内投资项目20个。
三、建立健全牵头工作
1.理顺部门职责。
`),
    ).toEqual([
      ['1', '新建标准化厂房10万平方米', ['县示范区管委会/lead']],
      ['2', '完成园区道路改造', ['县示范区管委会/lead']],
      ['1', '争取中央预算内投资项目20个', ['县发改局/lead']],
      ['1', '理顺部门职责', []],
    ]);
  });

  it('reads 牵头责任单位: as one label and skips 牵头负责领导:', () => {
    expect(
      readRoles(`一、任务
1.健全高质量发展机制。(牵头负责领导:徐斌;牵头责任单位:区经贸局;协同单位:区投促局、各社区管委会)
`),
    ).toEqual([['1', '健全高质量发展机制', ['区经贸局/lead', '区投促局/cooperate', '各社区管委会/localities']]]);
  });

  it('reads 1。 numbers, 主办 and 分别负责 suffixes, spaces left inside names, and collectives of a level or a count', () => {
    expect(
      readRoles(`一、重点任务
1。推进园区建设。(市政府各部门分别负责,市发改委牵头)
2。完善社会保障。(省财政厅主办,省国税局、地税局协办)
3.加强生态保护。(市财政局、市税务局、市统计局分别负责)
4.推进交通建设。(市 财政局、伏羲 山管委 会)
5.全面推进网格治理。(各乡镇政府、街道办事处)
6.落实90条措施,稳定二套房贷款。(区属各重点国企)
7.开展安全生产检查。(各州、市人民政府和8个重点行业主管部门)
`),
    ).toEqual([
      ['1', '推进园区建设', ['市政府各部门/localities', '市发改委/lead']],
      ['2', '完善社会保障', ['省财政厅/lead', '省国税局/cooperate', '地税局/cooperate']],
      ['3', '加强生态保护', ['市财政局/lead', '市税务局/lead', '市统计局/lead']],
      ['4', '推进交通建设', ['市 财政局/lead', '伏羲 山管委 会/cooperate']],
      ['5', '全面推进网格治理', ['各乡镇政府/localities', '街道办事处/localities']],
      ['6', '落实90条措施,稳定二套房贷款', ['区属各重点国企/localities']],
      ['7', '开展安全生产检查', ['各州、市人民政府/localities', '8个重点行业主管部门/localities']],
    ]);
    const plan = parsePlan('一、任务\n1.落实90条措施,新建5G基站300个。(各州、市人民政府和8个重点行业主管部门)\n', { resolver });
    expect(plan.items[0]?.targets.map((t) => t.raw)).toEqual(['300个']);
    expect(plan.items[0]?.responsible[1]).toMatchObject({ raw: '8个重点行业主管部门', role: 'localities' });
    // The name is matched without the space the page left in it; raw and span keep it.
    const spaced = parsePlan('一、任务\n1.推进交通建设。(省 财政厅牵头)\n', { resolver }).items[0]?.responsible[0];
    expect(spaced).toMatchObject({ raw: '省 财政厅', unit: '省财政厅', role: 'lead' });
  });

  it('reads a 分别负责 after a comma in a 责任单位 label for its own segment only, the label\'s first name leading', () => {
    const text = '一、工作安排\n1.健全依法决策机制。\n责任单位:县政府办公室、县司法局、各有关部门,乡镇人民政府按职责分工分别负责。\n2.推进执法规范化。\n责任单位:县司法局、县公安局分别负责。\n';
    const roles = parsePlan(text, { resolver }).items.map((i) => i.responsible.map((r) => `${r.raw}/${r.role}`));
    expect(roles).toEqual([
      ['县政府办公室/lead', '县司法局/cooperate', '各有关部门/localities', '乡镇人民政府/localities'],
      ['县司法局/lead', '县公安局/lead'],
    ]);
  });

  it('reads X牵头,会同Y… and X负责…,会同Y、Z… in a sentence: X leads, the names right after 会同 cooperate up to the verb', () => {
    const text = '四、保障措施\n1、县发改委牵头,会同县文化局拟定建设方案。\n2、县发改委负责立项审批和资金争取,会同县文化局、乡镇人民政府把选址工作做好。\n';
    const roles = parsePlan(text, { resolver }).items.map((i) => i.responsible.map((r) => `${r.raw}/${r.role}`));
    expect(roles).toEqual([
      ['县发改委/lead', '县文化局/cooperate'],
      ['县发改委/lead', '县文化局/cooperate', '乡镇人民政府/localities'],
    ]);
  });

  it('reads 责任主体: and 实施主体: labels, drops a (按职责分工) note after a name, and reads X牵头,Y具体落实', () => {
    const text = '一、重点任务\n1.新建绿道50公里。责任主体:市林业局\n2.推行一网通办。实施主体:市政务服务局、各区政府\n3.优化营商环境。责任单位:市发改委、市市场监管局(按职责分工)\n4.治理大气污染。市生态环境局牵头,各区政府具体落实。\n';
    const roles = parsePlan(text, { resolver }).items.map((i) => i.responsible.map((r) => `${r.raw}/${r.role}`));
    expect(roles).toEqual([
      ['市林业局/lead'],
      ['市政务服务局/lead', '各区政府/localities'],
      ['市发改委/lead', '市市场监管局/cooperate'],
      ['市生态环境局/lead', '各区政府/localities'],
    ]);
  });

  it('reads points of who does what (1.市发改委:负责…): the unit before the colon leads, the duty after it is the title', () => {
    const text = '四、职责分工\n1.市发改委:负责统筹协调,牵头制定年度计划。\n2.各区政府:负责辖区内项目推进。\n3.工作要求:各单位要高度重视。\n';
    const items = parsePlan(text, { resolver }).items.map((i) => [i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)]);
    expect(items).toEqual([
      ['负责统筹协调,牵头制定年度计划', ['市发改委/lead']],
      ['负责辖区内项目推进', ['各区政府/localities']],
    ]);
  });

  it('reads units in a notice\'s sentences: a 由 list up to 等…主管部门(单位)牵头, helpers after the lead\'s clause, the subjects of the other sentences beside them, and 省政府将…', () => {
    const text = `关于开展自查的通知
一、各部门开展自查
省级部门要依照职责分工深入自查。督查重点共19个方面,各由所涉及的省发展改革委、财政厅、水利厅等省级主管部门(单位)牵头把自查报告写好,其他相关部门(单位)配合。
二、开展抽查
对重点地区的落实情况,省政府将进行抽查。
三、开展督办
由省政府督查室牵头,各市(州)政府配合。
`;
    expect(readRoles(text).map((i) => i[2])).toEqual([
      ['省发展改革委/lead', '财政厅/lead', '水利厅/lead', '其他相关部门(单位)/localities', '省级部门/localities'],
      ['省政府/lead'],
      ['省政府督查室/lead', '各市(州)政府/localities'],
    ]);
  });

  it('reads label lines right under a heading as who does the numbered tasks under it, not as a task', () => {
    const text = '某市2024年重点工作分工\n一、扩大有效投资\n牵头单位:市发改委\n(一)新开工重大项目50个。\n(二)完成固定资产投资500亿元。\n二、提升民生保障\n责任单位:市民政局、市财政局\n(三)新增养老床位1000张。\n(四)建成社区食堂20个。(市商务局负责)\n';
    expect(readRoles(text)).toEqual([
      ['(一)', '新开工重大项目50个', ['市发改委/lead']],
      ['(二)', '完成固定资产投资500亿元', ['市发改委/lead']],
      ['(三)', '新增养老床位1000张', ['市民政局/lead', '市财政局/cooperate']],
      ['(四)', '建成社区食堂20个', ['市商务局/lead']],
    ]);
  });

  it('leaves out a person named under a label in a bracket (责任领导:张三), with a warning, in either script', () => {
    for (const text of ['一、重点任务\n1.新开工重大项目50个。(责任领导:张三;责任单位:市发改委)\n', '一、重点任务\n1.新开工重大项目50个。(責任領導:張三;責任單位:市發改委)\n']) {
      const plan = parsePlan(text, { resolver });
      expect(plan.items.map((i) => i.responsible.map((r) => r.raw))).toEqual([[text.includes('責') ? '市發改委' : '市发改委']]);
      const w = plan.warnings.find((x) => x.code === 'responsibility_not_unit');
      expect(w?.params.raw).toBe(text.includes('責') ? '責任領導' : '责任领导');
      expect(text.slice(w?.span[0], w?.span[1])).toBe(w?.params.raw);
    }
    // An office (责任处室:农村处) is no unit either: left out, with a warning.
    const office = parsePlan('一、重点任务\n1.推进农村改革。(责任领导:张三;责任处室:农村处)\n', { resolver });
    expect(office.items.map((i) => i.responsible)).toEqual([[]]);
    expect(office.warnings.filter((x) => x.code === 'responsibility_not_unit').map((x) => x.params.raw)).toEqual(['责任领导', '责任处室']);
  });
});
