/**
 * 征求意见情况说明: a short note in the form of an official document (GB/T 9704) on whom the
 * draft went to, who answered and how, and what was done with the opinions; signed by the
 * office and dated. `situationText` gives the same content as plain text (for the web page),
 * `situationReportDocx` as a Word document: A4 portrait, title in 方正小标宋简体 二号, headings
 * 一、二、三、 in 黑体 三号, body in 仿宋_GB2312 三号 at 22 lines to the page.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph } from 'docx';
import { BODY_LINE, FONTS, SIZES, WIDE_SPACE, charWidth, documentDefaults, fontOf, pageNumberFooters, pageProperties, textRuns } from './consultation-docx.js';
import type { ConsultationStats, ReportMeta } from './consultation-report-types.js';
import { bookTitle, chineseDate, chineseDateOf, cleanText, joinNames } from './consultation-text.js';

export interface SituationSection {
  heading: string;
  paragraphs: string[];
}

/** The note's content, shared by the text and the Word document. */
export interface Situation {
  title: string;
  /** 主送机关 (GB/T 9704 7.3.2): flush left under the title, ending with a full-width colon. */
  addressee?: string;
  /** Paragraphs before the first heading (the 通报's opening). */
  opening?: string[];
  sections: SituationSection[];
  issuer: string;
  date: string;
}

/** Throws if the counts contradict one another: an official note must not. */
export function checkStats(stats: ConsultationStats): void {
  const problems: string[] = [];
  const consulted = new Set(stats.consulted);
  const seen = new Set<string>();
  for (const [name, list] of Object.entries({
    replied: stats.replied,
    noOpinion: stats.noOpinion,
    late: stats.late,
    notReplied: stats.notReplied,
  })) {
    for (const unit of list) {
      if (!consulted.has(unit)) problems.push(`${name}: ${unit} was not consulted`);
      if (seen.has(unit)) problems.push(`${name}: ${unit} is in more than one list`);
      seen.add(unit);
    }
  }
  const counts = [stats.opinions, stats.adopted, stats.partlyAdopted, stats.rejected, stats.undecided];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) problems.push('opinion counts must be whole numbers ≥ 0');
  if (stats.adopted + stats.partlyAdopted + stats.rejected + stats.undecided !== stats.opinions) {
    problems.push(
      `opinions (${stats.opinions}) ≠ adopted + partly adopted + rejected + undecided (${stats.adopted}+${stats.partlyAdopted}+${stats.rejected}+${stats.undecided})`,
    );
  }
  if (problems.length > 0) throw new Error(`Inconsistent consultation stats: ${problems.join('; ')}`);
}

/** "2个单位反馈意见（甲、乙）", or null when there are none. */
function units(list: readonly string[], what: string): string | null {
  return list.length === 0 ? null : `${list.length}个单位${what}（${joinNames(list)}）`;
}

export function situation(meta: ReportMeta, stats: ConsultationStats): Situation {
  checkStats(stats);
  const title = `关于${bookTitle(meta.planTitle)}征求意见情况的说明`;
  const deadline = chineseDate(meta.deadline);
  const today = chineseDateOf(meta.generatedAt);

  const scope =
    stats.consulted.length === 0
      ? `本次未向任何单位征求意见。`
      : `本次共征求${stats.consulted.length}个单位意见，反馈截止日期为${deadline}。征求意见单位：${joinNames(stats.consulted)}。`;

  const answered = stats.replied.length + stats.noOpinion.length + stats.late.length;
  const listed = new Set([...stats.replied, ...stats.noOpinion, ...stats.late, ...stats.notReplied]);
  const pending = stats.consulted.filter((u) => !listed.has(u));
  const answeredParts = [units(stats.replied, '反馈意见'), units(stats.noOpinion, '无意见'), units(stats.late, '逾期反馈')].filter(
    (p): p is string => p !== null,
  );
  const missing = units(stats.notReplied, '逾期未反馈');
  const missingParts = [
    missing === null ? null : stats.treatMissingAsNoOpinion ? `${missing}，视为无意见` : missing,
    units(pending, '尚未反馈'),
  ].filter((p): p is string => p !== null);
  const feedback =
    `截至${today}，` +
    [answered === 0 ? '尚无单位反馈' : `共有${answered}个单位反馈，其中${answeredParts.join('，')}`, ...missingParts].join('；') +
    '。';

  let handling: string;
  if (stats.opinions === 0) handling = '各单位未提出修改意见。';
  else {
    handling =
      `共收到意见${stats.opinions}条，其中采纳${stats.adopted}条、部分采纳${stats.partlyAdopted}条、不采纳${stats.rejected}条` +
      (stats.undecided > 0 ? `，未处理${stats.undecided}条。` : '。');
    if (stats.partlyAdopted + stats.rejected > 0) handling += '对部分采纳和不采纳的意见均已说明理由，详见意见汇总表。';
  }

  return {
    title,
    sections: [
      { heading: '一、征求意见范围', paragraphs: [scope] },
      { heading: '二、反馈情况', paragraphs: [feedback] },
      { heading: '三、意见处理情况', paragraphs: [handling] },
    ],
    issuer: cleanText(meta.issuer).trim(),
    date: today,
  };
}

/** The note as plain text: the title, each heading followed by its paragraphs, the signature. */
export function situationText(meta: ReportMeta, stats: ConsultationStats): string {
  const s = situation(meta, stats);
  return [s.title, '', ...s.sections.flatMap((sec) => [sec.heading, ...sec.paragraphs, '']), s.issuer, s.date].join('\n');
}

const CHAR = SIZES.sanhao * 10; // one 三号 character in twips
const BODY_SPACING = { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT };
const INDENT_2 = { firstLine: 2 * CHAR, firstLineChars: 200 };

/**
 * GB/T 9704 7.3.5.2 (a note without a seal): the signature two characters in from the right,
 * the date on the next line starting two characters right of the signature's start; when the
 * date is the longer, the date keeps the two characters and the signature moves right.
 * Returns right indents in twips.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerWidth = Math.round(charWidth(issuer) * CHAR);
  const dateWidth = Math.round(charWidth(date) * CHAR);
  if (issuerWidth >= dateWidth + 2 * CHAR) return { issuer: 2 * CHAR, date: issuerWidth - dateWidth };
  return { issuer: 2 * CHAR + dateWidth + 2 * CHAR - issuerWidth, date: 2 * CHAR };
}

function body(text: string, font: string = FONTS.body): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: BODY_SPACING,
    indent: INDENT_2,
    children: textRuns(text, { font: fontOf(font), size: SIZES.sanhao }),
  });
}

function blank(): Paragraph {
  return new Paragraph({ spacing: BODY_SPACING, children: [] });
}

/** The 征求意见情况说明 as a .docx file, A4 portrait. */
export async function situationReportDocx(meta: ReportMeta, stats: ConsultationStats): Promise<Buffer> {
  return officialNoteDocx(situation(meta, stats));
}

const HEADING = /^[一二三四五六七八九十]+、/;

/** The note's body as the office edited it: a line starting 一、二、… is a heading, every other line a paragraph. */
export function sectionsOfText(body: string): SituationSection[] {
  const sections: SituationSection[] = [];
  for (const raw of cleanText(body).split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (HEADING.test(line) || sections.length === 0) sections.push({ heading: HEADING.test(line) ? line : '', paragraphs: HEADING.test(line) ? [] : [line] });
    else sections.at(-1)!.paragraphs.push(line);
  }
  return sections;
}

export interface LetterFacts {
  planTitle: string;
  /** The consultation's title: 关于征求《…》意见的函. */
  title: string;
  deadline: string;
  contact: string;
  instructions: string;
  recipients: string[];
  missingAsNoOpinion: boolean;
  attachments: string[];
  issuer: string;
  /** ISO instant the consultation was opened: the letter's date. */
  issuedAt: string;
  /** 发文字号, e.g. 湘城镇办函〔2021〕12号, when the office gives one. */
  docNumber?: string;
}

/** The 主送 line: the units by name, or 各成员单位 when they are many. */
export function addresseeLine(recipients: readonly string[]): string {
  return recipients.length === 0 || recipients.length > 8 ? '各成员单位：' : `${joinNames(recipients)}：`;
}

/**
 * 征求意见函: the letter that goes out with the draft, in the GB/T 9704 layout — 发文字号,
 * title, 主送, body (what, by when, how, who to ask), 附件 and the issuing office with the date.
 */
export async function consultationLetterDocx(f: LetterFacts): Promise<Buffer> {
  const book = bookTitle(f.planTitle);
  const ask =
    `为做好相关工作，我办研究起草了${book}（征求意见稿）。现征求贵单位意见，请于${chineseDate(f.deadline)}前将书面意见反馈我办` +
    (f.missingAsNoOpinion ? '，逾期未反馈的视为无意见。' : '。');
  const paragraphs = [ask, ...(f.instructions.trim() ? [cleanText(f.instructions).trim()] : []), ...(f.contact.trim() ? [`联系人：${cleanText(f.contact).trim()}`] : [])];
  const attachments = f.attachments.length > 0 ? f.attachments : [`${book}（征求意见稿）`];
  const attachmentLines = attachments.length === 1 ? [`附件：${attachments[0]}`] : attachments.map((a, i) => (i === 0 ? `附件：1．${a}` : `${WIDE_SPACE.repeat(3)}${i + 1}．${a}`));
  return officialNoteDocx({
    docNumber: f.docNumber?.trim() || undefined,
    title: cleanText(f.title).trim(),
    addressee: addresseeLine(f.recipients),
    sections: [
      { heading: '', paragraphs },
      // A blank line before 附件 (GB/T 9704 7.3.5.1).
      { heading: '', paragraphs: ['', ...attachmentLines] },
    ],
    issuer: cleanText(f.issuer).trim(),
    date: chineseDateOf(f.issuedAt),
  });
}

/** The body of the note as the office edits it: headings and paragraphs, one a line. */
export function situationBody(s: Situation): string {
  return s.sections.flatMap((sec) => [sec.heading, ...sec.paragraphs]).join('\n');
}

/** The note as the office edited it, dated the day it is issued. */
export async function editedSituationDocx(input: { title: string; body: string; issuer: string; issuedOn: string }): Promise<Buffer> {
  return officialNoteDocx({ title: cleanText(input.title).trim(), sections: sectionsOfText(input.body), issuer: cleanText(input.issuer).trim(), date: chineseDate(input.issuedOn) });
}

/**
 * A note or letter in the official-document layout (GB/T 9704), A4 portrait: optional 发文字号
 * and 主送, the title, an opening, headings in 黑体 and paragraphs in 仿宋_GB2312 三号, then the
 * issuer and the date. The 征求意见情况说明, the 征求意见函 and a round's 通报 are written with it.
 */
export async function officialNoteDocx(s: Situation & { docNumber?: string | undefined }): Promise<Buffer> {
  const indents = signatureIndents(s.issuer, s.date);
  const run = { font: fontOf(FONTS.body), size: SIZES.sanhao };
  const flush = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) => new Paragraph({ alignment, spacing: BODY_SPACING, children: textRuns(text, run) });
  const doc = new Document({
    ...documentDefaults(s.title),
    sections: [
      {
        properties: pageProperties('portrait'),
        footers: pageNumberFooters(),
        children: [
          ...(s.docNumber ? [flush(s.docNumber, AlignmentType.RIGHT), blank()] : []),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 0 },
            children: textRuns(s.title, { font: fontOf(FONTS.title), size: SIZES.erhao }),
          }),
          blank(),
          ...(s.addressee ? [flush(s.addressee, AlignmentType.LEFT)] : []),
          ...(s.opening ?? []).map((p) => body(p)),
          ...s.sections.flatMap((sec) => [...(sec.heading === '' ? [] : [body(sec.heading, FONTS.heading)]), ...sec.paragraphs.map((p) => body(p))]),
          blank(),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: BODY_SPACING, indent: { right: indents.issuer }, children: textRuns(s.issuer, run) }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: BODY_SPACING, indent: { right: indents.date }, children: textRuns(s.date, run) }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
