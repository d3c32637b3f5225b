import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ConsultationStats } from './consultation-report-types.js';
import { HOSTILE, SAMPLE_META, SAMPLE_STATS } from './consultation-sample.js';
import { checkStats, signatureIndents, situationReportDocx, situationText } from './consultation-situation-docx.js';

async function documentXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml;
}

/** Each body paragraph: its XML and its text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  const body = xml.slice(xml.indexOf('<w:body>'));
  return [...body.matchAll(/<w:p>.*?<\/w:p>/gs)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

const fonts = (name: string) =>
  new RegExp(`<w:rFonts(?=[^>]*w:ascii="${name}")(?=[^>]*w:eastAsia="${name}")(?=[^>]*w:hAnsi="${name}")[^>]*/>`);

const EXPECTED_TEXT = [
  '关于《湖南省推进以人为核心的新型城镇化实施方案(征求意见稿)》征求意见情况的说明',
  '',
  '一、征求意见范围',
  '本次共征求7个单位意见，反馈截止日期为2021年7月21日。征求意见单位：省发展改革委、省教育厅、省公安厅、省民政厅、省财政厅、省人力资源社会保障厅、省自然资源厅。',
  '',
  '二、反馈情况',
  '截至2021年7月22日，共有4个单位反馈，其中2个单位反馈意见（省发展改革委、省教育厅），1个单位无意见（省公安厅），1个单位逾期反馈（省民政厅）；' +
    '3个单位逾期未反馈（省财政厅、省人力资源社会保障厅、省自然资源厅），视为无意见。',
  '',
  '三、意见处理情况',
  '共收到意见9条，其中采纳4条、部分采纳2条、不采纳1条，未处理2条。对部分采纳和不采纳的意见均已说明理由，详见意见汇总表。',
  '',
  '湖南省推进新型城镇化工作领导小组办公室',
  '2021年7月22日',
].join('\n');

const stats = (over: Partial<ConsultationStats>): ConsultationStats => ({ ...SAMPLE_STATS, ...over });

describe('situationText', () => {
  it('states the scope, the replies by kind with the units named, and the decisions', () => {
    expect(situationText(SAMPLE_META, SAMPLE_STATS)).toBe(EXPECTED_TEXT);
  });

  it('does not call silence "no opinion" unless the consultation says so', () => {
    const text = situationText(SAMPLE_META, stats({ treatMissingAsNoOpinion: false }));
    expect(text).toContain('3个单位逾期未反馈（省财政厅、省人力资源社会保障厅、省自然资源厅）。');
    expect(text).not.toContain('视为无意见');
  });

  it('leaves out kinds with no units, names units still within the deadline, and handles no replies at all', () => {
    const before = stats({ replied: ['省教育厅'], noOpinion: [], late: [], notReplied: [] });
    expect(situationText(SAMPLE_META, before)).toContain(
      '截至2021年7月22日，共有1个单位反馈，其中1个单位反馈意见（省教育厅）；6个单位尚未反馈（省发展改革委、省公安厅、省民政厅、省财政厅、省人力资源社会保障厅、省自然资源厅）。',
    );
    const none = stats({ replied: [], noOpinion: [], late: [], notReplied: SAMPLE_STATS.consulted, opinions: 0, adopted: 0, partlyAdopted: 0, rejected: 0, undecided: 0 });
    const text = situationText(SAMPLE_META, none);
    expect(text).toContain('截至2021年7月22日，尚无单位反馈；7个单位逾期未反馈（');
    expect(text).toContain('各单位未提出修改意见。');
  });

  it('says nothing of undecided opinions when all are decided, nor of reasons when all are adopted', () => {
    expect(situationText(SAMPLE_META, stats({ opinions: 4, adopted: 4, partlyAdopted: 0, rejected: 0, undecided: 0 }))).toContain(
      '共收到意见4条，其中采纳4条、部分采纳0条、不采纳0条。\n',
    );
  });

  it('refuses counts that contradict one another', () => {
    expect(() => checkStats(stats({ adopted: 5 }))).toThrow(/opinions \(9\) ≠/);
    expect(() => checkStats(stats({ late: ['省发展改革委'] }))).toThrow(/more than one list/);
    expect(() => checkStats(stats({ replied: ['省外单位'] }))).toThrow(/was not consulted/);
    expect(() => checkStats(stats({ undecided: -1, opinions: 6 }))).toThrow(/whole numbers/);
    expect(() => checkStats(SAMPLE_STATS)).not.toThrow();
  });
});

describe('signatureIndents', () => {
  it('puts the signature two characters in, and the date two characters right of its start', () => {
    // 19 characters = 6080 twips; 2021年7月22日 = 6.5 characters = 2080 twips.
    expect(signatureIndents('湖南省推进新型城镇化工作领导小组办公室', '2021年7月22日')).toEqual({ issuer: 640, date: 4000 });
  });

  it('keeps the date two characters in when it is the longer, moving the signature right', () => {
    const { issuer, date } = signatureIndents('某办', '2021年7月22日');
    expect(date).toBe(640);
    // The signature starts two characters left of the date: 640 + 2080 + 640 − 640.
    expect(issuer).toBe(2720);
  });
});

describe('situationReportDocx', () => {
  it('lays out A4 portrait with the GB/T 9704 margins, fonts and sizes', async () => {
    const xml = await documentXml(await situationReportDocx(SAMPLE_META, SAMPLE_STATS));
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const ps = paragraphs(xml).filter((p) => p.text !== '');
    expect(ps.map((p) => p.text)).toEqual(EXPECTED_TEXT.split('\n').filter((l) => l !== ''));
    const [title, ...rest] = ps;
    expect(title?.xml).toMatch(fonts('方正小标宋简体'));
    expect(title?.xml).toContain('<w:sz w:val="44"/>');
    expect(title?.xml).toContain('<w:jc w:val="center"/>');
    for (const heading of rest.filter((p) => /^[一二三]、/.test(p.text))) {
      expect(heading.xml).toMatch(fonts('黑体'));
      expect(heading.xml).toContain('<w:sz w:val="32"/>');
    }
    const body = rest.filter((p) => !/^[一二三]、/.test(p.text));
    for (const p of body) {
      expect(p.xml).toMatch(fonts('仿宋_GB2312'));
      expect(p.xml).toContain('<w:sz w:val="32"/>');
      expect(p.xml).toContain('w:line="579" w:lineRule="exact"');
    }
    // Body paragraphs indented two characters; the signature and date right-aligned.
    expect(body[0]?.xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    const [issuer, date] = body.slice(-2);
    expect(issuer?.xml).toMatch(/<w:ind w:right="640"\/><w:jc w:val="right"\/>/);
    expect(date?.xml).toMatch(/<w:ind w:right="4000"\/><w:jc w:val="right"\/>/);
  });

  it('keeps hostile names literal', async () => {
    const meta = { ...SAMPLE_META, planTitle: HOSTILE.script, issuer: HOSTILE.hyperlink };
    const hostile = stats({
      consulted: [...SAMPLE_STATS.consulted.slice(1), HOSTILE.at],
      replied: [HOSTILE.at, '省教育厅'],
    });
    const buf = await situationReportDocx(meta, hostile);
    const xml = await documentXml(buf);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:hyperlink/);
    expect(xml).toContain('关于《&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;》征求意见情况的说明');
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain(`2个单位反馈意见（${HOSTILE.at}、省教育厅）`);
    expect(value).toContain(HOSTILE.hyperlink);
    expect(value).toContain(`《${HOSTILE.script}》`);
  });
});
