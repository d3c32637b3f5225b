/**
 * A round's 通报 (调度情况通报) in the official-document layout of the 征求意见情况说明
 * (GB/T 9704: A4 portrait, title in 方正小标宋简体 二号, headings 一、二、 in 黑体 三号, body in
 * 仿宋_GB2312 三号 at 22 lines a page, page numbers "— 1 —"): overall progress, progress by
 * section, the red and yellow lists with their reasons, late and missing reports, and good
 * practice quoted from the reports; signed by the office and dated.
 */
import type { Light } from '../domain/lights.js';
import { officialNoteDocx } from './consultation-situation-docx.js';
import type { Situation } from './consultation-situation-docx.js';
import { bookTitle, chineseDate, chineseDateOf, cleanText } from './consultation-text.js';
import type { BulletinTask, RoundBulletin } from './ledger-report-types.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二 (headings and 第二层 （一）). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${NUMERALS[n - 11] ?? ''}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? '' : NUMERALS[(n % 10) - 1]}`;
  return String(n);
}

function percentText(p: number | null): string {
  return p === null ? '暂无' : `${Math.round(p * 10) / 10}%`;
}

function lightsText(l: Record<Light, number>): string {
  return `绿灯${l.green}项、黄灯${l.yellow}项、红灯${l.red}项`;
}

/** Ends a sentence with 。 unless it already ends with a stop. */
function sentence(text: string): string {
  const t = cleanText(text).trim();
  return /[。！？；.!?]$/.test(t) ? t : `${t}。`;
}

function taskLines(list: BulletinTask[], none: string): string[] {
  if (list.length === 0) return [none];
  return list.map((t, i) => `${i + 1}. ${t.task}（牵头单位：${t.lead || '未明确'}；完成进度${percentText(t.percent)}）。原因：${sentence(t.reason)}`);
}

/** The 通报's content: title, opening, headings and paragraphs, issuer and date. */
export function bulletinNote(b: RoundBulletin): Situation {
  const o = b.overall;
  const asOf = chineseDateOf(b.lightsAsOf);
  const reports =
    o.expected === 0
      ? '本次调度无应报送报告。'
      : `本次调度应报送报告${o.expected}份，已报送${o.submitted}份，其中按时报送${o.onTime}份、逾期报送${o.late}份；未报送${o.missing}份` +
        (o.pending > 0 ? `，尚在报送期内${o.pending}份` : '') +
        `。经审核，通过${o.accepted}份，退回修改${o.returned}份。`;
  const progress =
    `截至${asOf}，纳入本次调度的${o.tasks}项任务中，${lightsText(o.lights)}；已销号${o.closed}项；任务平均完成进度${percentText(o.percent)}。`;
  const sections =
    b.sections.length === 0
      ? ['本次调度无任务。']
      : b.sections.map(
          (s, i) => `（${chineseNumeral(i + 1)}）${cleanText(s.title).trim() || '其他任务'}。共${s.tasks}项任务，平均完成进度${percentText(s.percent)}，${lightsText(s.lights)}，已销号${s.closed}项。`,
        );
  const byUnit = (list: RoundBulletin['late'], what: string) =>
    list.length === 0 ? [`无${what}单位。`] : list.map((u, i) => `${i + 1}. ${u.unit}：${u.tasks.join('；')}。`);
  const goodPractice =
    b.goodPractice.length === 0
      ? ['本次调度暂无典型经验做法。']
      : b.goodPractice.map((g, i) => `${i + 1}. ${g.unit}（${g.task}）：“${cleanText(g.quote).trim()}”`);
  let n = 0;
  const heading = (text: string) => `${chineseNumeral(++n)}、${text}`;
  return {
    title: `关于${b.roundTitle}情况的通报`,
    addressee: '各有关单位：',
    opening: [
      `按照${bookTitle(b.planTitle)}任务分工，${b.issuer}组织开展了${b.roundTitle}（调度期间为${chineseDate(b.periodStart)}至${chineseDate(b.periodEnd)}，报送截止日期为${chineseDate(b.dueDate)}）。现将有关情况通报如下：`,
    ],
    sections: [
      { heading: heading('总体进展'), paragraphs: [progress, reports] },
      { heading: heading('分领域进展'), paragraphs: sections },
      { heading: heading('红灯任务'), paragraphs: taskLines(b.red, '本次调度无红灯任务。') },
      { heading: heading('黄灯任务'), paragraphs: taskLines(b.yellow, '本次调度无黄灯任务。') },
      {
        heading: heading('逾期报送和未报送情况'),
        paragraphs: [`（一）逾期报送。`, ...byUnit(b.late, '逾期报送'), `（二）未报送。`, ...byUnit(b.missing, '未报送')],
      },
      { heading: heading('典型经验做法'), paragraphs: goodPractice },
      {
        heading: heading('下一步工作要求'),
        paragraphs: [
          `红灯、黄灯任务的牵头单位要认真分析原因，制定整改措施，加快推进进度；逾期报送和未报送的单位要明确专人负责，按时报送调度情况。${cleanText(b.issuer).trim()}将持续跟踪调度，对进度滞后的任务开展督办。`,
        ],
      },
    ],
    issuer: cleanText(b.issuer).trim(),
    date: chineseDateOf(b.generatedAt),
  };
}

/** The 通报 as a .docx file. */
export async function roundBulletinDocx(b: RoundBulletin): Promise<Buffer> {
  return officialNoteDocx(bulletinNote(b));
}
