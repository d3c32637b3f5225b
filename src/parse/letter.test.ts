import { describe, expect, it } from 'vitest';
import { findEmails, findLetter } from './letter.js';
import { makeSource } from './text.js';

function letterOf(text: string) {
  return findLetter(makeSource(text)).letter;
}

describe('cover letter', () => {
  it('reads a letter with Chinese-numeral dates, two contacts and numbered attachments', () => {
    const text = [
      '关于征求《某某方案》意见的函', '', '省发改委、省财政厅:', '',
      '现征求意见,请于八月五日前反馈。', '',
      '联系人:张三,电话:0731-88881234;李四,电话/传真:0731-88885678', '电子邮箱:zhang.san@example.gov.cn', '',
      '附件:1.某某方案(征求意见稿)', '2.起草说明', '', '某某领导小组办公室', '二〇二一年七月二十日', '', '附件1', '', '某某方案',
    ].join('\n');
    expect(letterOf(text)).toEqual({
      title: '关于征求《某某方案》意见的函',
      issuer: '某某领导小组办公室',
      date: '2021-07-20',
      deadline: '2021-08-05',
      recipients: ['省发改委', '省财政厅'],
      contacts: [
        { name: '张三', phones: ['0731-88881234'], faxes: [] },
        { name: '李四', phones: ['0731-88885678'], faxes: ['0731-88885678'] },
      ],
      emails: ['zhang.san@example.gov.cn'],
      attachments: ['某某方案(征求意见稿)', '起草说明'],
    });
  });

  it('starts the plan after the standalone 附件 line', () => {
    const src = makeSource('关于征求意见的函\n各成员单位:\n请于2021年7月21日前反馈。\n附件\n某某工作要点\n一、总体要求\n');
    const { planFromLine } = findLetter(src);
    expect(src.lines[planFromLine]?.start).toBe(src.original.indexOf('某某工作要点'));
  });

  it('finds no letter in a bare plan', () => {
    expect(letterOf('某某工作要点\n\n一、总体要求\n\n(一)甲。(省公安厅负责)\n')).toBeNull();
  });

  it('finds e-mail addresses without being fooled by long runs', () => {
    expect(findEmails('邮箱:a.b@c.cn, x@y, @@, hnzjt0076@163.com.')).toEqual(['a.b@c.cn', 'hnzjt0076@163.com']);
    expect(findEmails('a.'.repeat(100_000) + '@')).toEqual([]);
  });
  it('starts the plan at its first line when numbered tasks naming who carries them out stand before the 附件 line', () => {
    const plan = ['某县实施方案', '一、主要任务', '1.压减开办企业时间。(县市场监管局牵头)', '2.推行审批一网通办。(县住建局负责)', '3.新增自助终端20台。(县政务服务中心负责)', '附件', '重点任务分工表'].join('\n');
    expect(findLetter(makeSource(plan)).planFromLine).toBe(0);
    // A notice that only issues the plan still ends at its 附件 line.
    const notice = ['关于印发某县实施方案的通知', '各乡镇人民政府:', '现将《某县实施方案》印发给你们,请认真贯彻执行。', '某县人民政府', '2024年3月1日', '附件', '某县实施方案'].join('\n');
    expect(findLetter(makeSource(notice)).planFromLine).toBe(6);
    // Nor do a notice's numbered demands that speak of the units without naming them in a bracket or a label.
    const demands = ['关于印发重点工作清单的通知', '各县区人民政府:', '一、清单所列责任单位是牵头部门,负责统筹推进。', '二、各责任单位要制定本部门清单,负责抓好落实。', '三、请各责任单位按期报送进展,市督查室负责督查。', '附件', '重点工作清单'].join('\n');
    expect(findLetter(makeSource(demands)).planFromLine).toBe(6);
  });
  it('ends a notice signed and dated before the plan it issues at its date, when no 附件 line stands between', () => {
    const text = ['某市人民政府办公室关于印发重点工作清单的通知', '各县区人民政府:', '一、清单所列责任单位是牵头部门。', '二、各部门要抓好落实。', '某市人民政府办公室', '2017年3月31日', '2017年度某市重点工作清单', '序号\t重点工作\t责任单位', '1\t新建道路3公里。\t市交通局', ''].join('\n');
    expect(findLetter(makeSource(text)).planFromLine).toBe(6);
    // A plan signed and dated at its end keeps its items.
    const signedPlan = ['某县实施方案', '一、压减开办企业时间。', '二、推行审批一网通办。', '某县人民政府', '2024年3月1日', ''].join('\n');
    expect(findLetter(makeSource(signedPlan)).planFromLine).toBe(0);
  });
});
