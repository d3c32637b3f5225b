/**
 * The cover letter in front of a plan sent for comment (征求意见的函): title, recipients,
 * reply deadline, date of issue, issuer, contacts, e-mail addresses and attachments. Also
 * decides where the plan itself begins (after the standalone 附件 line, or after the letter).
 */
import { toInteger } from './numerals.js';
import { markerAt } from './markers.js';
import { looksLikeUnit } from './units.js';
import { DATE_RE, isBlank, lineText, ownCopy, type SourceText } from './text.js';
import type { Contact, CoverLetter } from '../model/plan.js';

export interface LetterResult {
  letter: CoverLetter | null;
  /** Index of the first line of the plan proper. */
  planFromLine: number;
}

const ATTACHMENT_MARK_RE = /^附件\s*[0-9一二三四五六七八九十]{0,3}\s*:?$/;
const LETTER_TITLE_RE = /^.{0,30}关于.{2,120}的(函|复函|通知|通报|意见|请示|报告)$/;
const RECIPIENTS_RE = /^(.{2,80}?):$/;
const NOT_RECIPIENTS_RE = /^(联系人|联系电话|电话|传真|邮箱|电子邮箱|附件|地址|来源|时间|抄送|联系方式|邮编)/;
const MAX_LETTER_CHARS = 8000;
/** How far a line of contacts (联系人:…) is read. */
const MAX_CONTACT_CHARS = 400;
const Y = '([0-9]{4}|[〇零一二三四五六七八九]{4})';
const M = '([0-9]{1,2}|[一二三四五六七八九十]{1,3})';
const DEADLINE_RE = new RegExp(`(?:请|务必|并)?[于在]?\\s{0,2}(?:${Y}\\s{0,2}年\\s{0,2})?${M}\\s{0,2}月\\s{0,2}${M}\\s{0,2}日\\s{0,2}(?:\\([^)\\n]{0,8}\\)\\s{0,2})?(?:[0-9:]{0,5}\\s{0,2})?(?:前|之前|以前)`, 'g');

export function findLetter(src: SourceText): LetterResult {
  const { lines } = src;
  let zoneEnd = -1;
  for (const line of lines) {
    if (line.trimStart > MAX_LETTER_CHARS) break;
    if (ATTACHMENT_MARK_RE.test(lineText(src, line))) {
      zoneEnd = line.index;
      break;
    }
  }
  // 一、主要任务 ⏎ 1.…(县住建局负责) … 附件:重点任务分工表: a plan whose tasks stand before its 附件
  // (a table of them, a form) is read from the start; the 附件 line ends a cover letter only when no
  // tasks stand before it.
  if (zoneEnd >= 0 && tasksBefore(src, zoneEnd)) zoneEnd = -1;
  // 一、清单所列…(the notice's demands) ⏎ 湖州市人民政府办公室 ⏎ 2017年3月31日 ⏎ 2017年度…清单 ⏎ 序号 …:
  // with no 附件 line, a notice signed and dated before the plan it issues ends at its date.
  if (zoneEnd < 0) zoneEnd = signedNoticeEnd(src);
  const markerSplit = zoneEnd >= 0;
  if (!markerSplit) {
    zoneEnd = lines.length;
    for (const line of lines) {
      if (line.trimStart > MAX_LETTER_CHARS) {
        zoneEnd = line.index;
        break;
      }
      if (!isBlank(line) && markerAt(lineText(src, line), line.trimStart)) {
        zoneEnd = line.index;
        break;
      }
    }
  }
  const letter = readLetter(src, 0, zoneEnd);
  if (!letter) {
    return { letter: null, planFromLine: markerSplit ? zoneEnd + 1 : 0 };
  }
  if (!markerSplit) return { letter: letter.letter, planFromLine: letter.lastLine + 1 };
  return { letter: letter.letter, planFromLine: zoneEnd + 1 };
}

/**
 * Numbered lines naming who is responsible in a bracket or a label (3.…(县住建局负责), 责任单位:…)
 * that make a plan's body, not a letter's (一、清单所列责任单位是牵头部门… is a notice's demand).
 */
const TASKS_BEFORE_ATTACHMENT = 3;
const TASK_CUE_RE = /[(〔【[][^()〔〕【】[\]]{0,60}?(?:牵头|负责|配合)[^()〔〕【】[\]]{0,60}[)〕】\]]|(?:牵头|责任|配合)(?:单位|部门)\s*:/;

/** Whether lines [0, to) hold numbered tasks naming who carries them out. */
function tasksBefore(src: SourceText, to: number): boolean {
  let tasks = 0;
  for (let i = 0; i < to; i++) {
    const line = src.lines[i];
    if (!line || isBlank(line)) continue;
    const text = lineText(src, line);
    if (markerAt(text, line.trimStart) && TASK_CUE_RE.test(text) && ++tasks >= TASKS_BEFORE_ATTACHMENT) return true;
  }
  return false;
}

/** Fewest non-blank lines after a notice's date for them to be the plan it issues. */
const LINES_AFTER_NOTICE = 3;

/**
 * The line of the date that signs a notice issuing the plan after it, or -1: a date alone on its
 * line within the letter's reach, an issuer's short line before it, numbered lines before them that
 * are no tasks (tasksBefore), and the plan after it (a table's 序号 header or numbered lines).
 */
function signedNoticeEnd(src: SourceText): number {
  const { lines } = src;
  let numbered = 0;
  for (const line of lines) {
    if (line.trimStart > MAX_LETTER_CHARS) return -1;
    if (isBlank(line)) continue;
    const text = lineText(src, line);
    if (markerAt(text, line.trimStart)) {
      numbered++;
      continue;
    }
    if (numbered === 0 || !DATE_RE.test(text)) continue;
    const i = line.index;
    let before = i - 1;
    while (before >= 0 && isBlank(lines[before] ?? line)) before--;
    const issuer = lines[before];
    if (!issuer || issuer.trimEnd - issuer.trimStart > 40 || !looksLikeIssuer(lineText(src, issuer))) return -1;
    let after = 0;
    let plan = false;
    for (let j = i + 1; j < lines.length && after < 40; j++) {
      const l = lines[j];
      if (!l || isBlank(l)) continue;
      after++;
      const t = lineText(src, l);
      if (/^序\s*号/.test(t) || markerAt(t, l.trimStart)) plan = true;
    }
    return plan && after >= LINES_AFTER_NOTICE && !tasksBefore(src, i) ? i : -1;
  }
  return -1;
}

function looksLikeIssuer(text: string): boolean {
  return !/[。:;,]/.test(text) && (looksLikeUnit(text) || /(?:政府|办公室|委员会|办公厅)$/.test(text));
}

function readLetter(src: SourceText, from: number, to: number): { letter: CoverLetter; lastLine: number } | null {
  const texts: { index: number; text: string }[] = [];
  for (let i = from; i < to; i++) {
    const line = src.lines[i];
    if (line && !isBlank(line)) texts.push({ index: i, text: lineText(src, line) });
  }
  let start = 0;
  let title: string | null = null;
  for (let k = texts.length - 1; k >= 0; k--) {
    const t = texts[k];
    if (t && LETTER_TITLE_RE.test(t.text)) {
      title = original(src, t.index);
      start = k;
      break;
    }
  }
  let recipients: string[] = [];
  let lastLine = -1;
  for (let k = start; k < texts.length; k++) {
    const t = texts[k];
    if (!t) continue;
    const m = RECIPIENTS_RE.exec(t.text);
    if (m && !NOT_RECIPIENTS_RE.test(t.text) && !/[。;]/.test(t.text)) {
      const line = src.lines[t.index];
      if (line) {
        const raw = src.original.slice(line.trimStart, line.trimEnd - 1);
        recipients = splitRecipients(raw);
      }
      lastLine = t.index;
      break;
    }
  }
  let date: string | null = null;
  let issuer: string | null = null;
  for (let k = texts.length - 1; k >= start; k--) {
    const t = texts[k];
    if (!t) continue;
    const d = DATE_RE.exec(t.text);
    if (!d) continue;
    date = isoDate(d[1] ?? '', d[2] ?? '', d[3] ?? '');
    lastLine = Math.max(lastLine, t.index);
    const prev = texts[k - 1];
    if (prev && k - 1 >= start && prev.text.length <= 40 && !/[。:;,]/.test(prev.text) && !/^附件/.test(prev.text)) {
      issuer = original(src, prev.index);
    }
    break;
  }
  const zoneStart = src.lines[texts[start]?.index ?? from]?.trimStart ?? 0;
  const zoneEndLine = src.lines[Math.max(from, to - 1)];
  const zoneEnd = zoneEndLine ? zoneEndLine.end : src.norm.length;
  // A letter is short: a zone that runs on (one huge line) is read only as far as a letter goes.
  const zone = src.norm.slice(zoneStart, Math.min(zoneEnd, zoneStart + MAX_LETTER_CHARS));
  const deadline = findDeadline(zone, date);
  const contacts: Contact[] = [];
  const attachments: string[] = [];
  let inAttachments = false;
  for (let k = start; k < texts.length; k++) {
    const t = texts[k];
    if (!t) continue;
    const at = t.text.indexOf('联系人');
    if (at >= 0) {
      lastLine = Math.max(lastLine, t.index);
      const line = src.lines[t.index];
      if (line) {
        const from = line.trimStart + at + 3;
        for (const c of readContacts(src, from, Math.min(line.trimEnd, from + MAX_CONTACT_CHARS))) contacts.push(c);
      }
      // 电话/传真 on the lines that follow belong to the last contact.
      for (let n = k + 1; n < texts.length; n++) {
        const next = texts[n];
        if (!next || !/^(联系)?(电话|传真|手机|座机|联系方式|办公电话)/.test(next.text)) break;
        const nl = src.lines[next.index];
        const last = contacts[contacts.length - 1];
        if (nl && last) mergeContact(last, readContacts(src, nl.trimStart, Math.min(nl.trimEnd, nl.trimStart + MAX_CONTACT_CHARS), last.name));
        lastLine = Math.max(lastLine, next.index);
      }
    }
    const att = /^附件\s*[0-9]{0,2}\s*:\s*(.+)$/.exec(t.text);
    if (att) {
      inAttachments = true;
      attachments.push(cleanAttachment(originalFrom(src, t.index, t.text.length - (att[1] ?? '').length)));
      lastLine = Math.max(lastLine, t.index);
      continue;
    }
    if (inAttachments && /^[0-9]{1,2}\s*[.、]/.test(t.text)) {
      attachments.push(cleanAttachment(original(src, t.index)));
      continue;
    }
    inAttachments = false;
  }
  // Read from the normalised text (＠ folded): copies, so that the plan does not keep that text alive.
  const emails = findEmails(zone).map(ownCopy);
  for (const c of contacts) {
    c.name = ownCopy(c.name);
    c.phones = c.phones.map(ownCopy);
    c.faxes = c.faxes.map(ownCopy);
  }
  const hasAddress = title !== null || recipients.length > 0;
  const hasDetail = deadline !== null || contacts.length > 0 || emails.length > 0 || date !== null;
  if (!hasAddress || !hasDetail) return null;
  return {
    letter: { title, issuer, date, deadline, recipients, contacts, emails, attachments },
    lastLine,
  };
}

/** Split on , and ;, and on 、 only when every piece is a unit (各省、自治区、直辖市人民政府 stays whole). */
function splitRecipients(raw: string): string[] {
  const out: string[] = [];
  for (const group of raw.split(/[,,;;]/)) {
    const g = group.trim();
    if (!g) continue;
    const pieces = g.split('、').map((p) => p.trim());
    if (pieces.length > 1 && pieces.every((p) => p.length >= 3 && looksLikeUnit(p))) out.push(...pieces);
    else out.push(g);
  }
  return out;
}

function original(src: SourceText, index: number): string {
  const line = src.lines[index];
  return line ? src.original.slice(line.trimStart, line.trimEnd) : '';
}

function originalFrom(src: SourceText, index: number, skip: number): string {
  const line = src.lines[index];
  return line ? src.original.slice(line.trimStart + skip, line.trimEnd) : '';
}

function cleanAttachment(s: string): string {
  return s.replace(/^\s*[0-9]{1,2}\s*[.、.]\s*/, '').replace(/[。.;;,,]+$/, '').trim();
}

export function isoDate(y: string, m: string, d: string): string | null {
  const year = toInteger(y);
  const month = toInteger(m);
  const day = toInteger(d);
  if (year === null || month === null || day === null) return null;
  if (year < 1949 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function findDeadline(zone: string, issued: string | null): string | null {
  const re = new RegExp(DEADLINE_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(zone)) !== null) {
    const head = m[0];
    if (!/^(请|务必|并|于|在)/.test(head) && !/[请于在]\s{0,2}$/.test(zone.slice(Math.max(0, m.index - 3), m.index))) continue;
    const year = m[1] ?? (issued ? issued.slice(0, 4) : null);
    if (!year) continue;
    const iso = isoDate(year, m[2] ?? '', m[3] ?? '');
    if (iso) return iso;
  }
  return null;
}

const CONTACT_KEYWORDS = ['联系电话', '办公电话', '联系方式', '电话', '手机', '座机', '传真', '电子邮箱', '邮箱', '联系人', '同志'];

function readContacts(src: SourceText, s: number, e: number, current?: string): Contact[] {
  const { norm } = src;
  const out: Contact[] = [];
  let contact: Contact | null = current !== undefined ? { name: current, phones: [], faxes: [] } : null;
  let label = '';
  let i = s;
  while (i < e) {
    const ch = norm[i] ?? '';
    const code = norm.charCodeAt(i);
    if (/[0-9]/.test(ch) || (ch === '(' && /[0-9]/.test(norm[i + 1] ?? ''))) {
      let j = i;
      while (j < e && j - i < 24 && /[0-9()-]/.test(norm[j] ?? '')) j++;
      let raw = src.original.slice(i, j);
      // "(传真)" written right after the number is not part of it.
      while (/[(（]$/.test(raw)) raw = raw.slice(0, -1);
      const digits = raw.replace(/[^0-9]/g, '');
      if (digits.length >= 7) {
        const after = norm.slice(j, j + 5);
        const faxAfter = /^\s*\(?\s*传真/.test(after) || /^\s*传真/.test(norm.slice(j - 1, j + 4));
        const isFax = faxAfter || (label.includes('传真') && !label.includes('电话'));
        const both = !faxAfter && label.includes('传真') && label.includes('电话');
        contact ??= { name: '', phones: [], faxes: [] };
        if (isFax || both) contact.faxes.push(raw.replace(/[()]$/, ''));
        if (!isFax) contact.phones.push(raw.replace(/[()]$/, ''));
      }
      i = j;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      let j = i;
      while (j < e && j - i < 12 && norm.charCodeAt(j) >= 0x4e00 && norm.charCodeAt(j) <= 0x9fff) j++;
      const word = norm.slice(i, j);
      const keyword = CONTACT_KEYWORDS.find((k) => word.startsWith(k));
      if (keyword) {
        label = word;
        if (norm[j] === '/' || norm[j] === '、') {
          let k = j + 1;
          while (k < e && norm.charCodeAt(k) >= 0x4e00 && norm.charCodeAt(k) <= 0x9fff) k++;
          label += norm.slice(j, k);
          j = k;
        }
      } else {
        const name = word.replace(/(同志|先生|女士)$/, '');
        if (name.length >= 2 && name.length <= 4 && !/^(传真)/.test(name)) {
          if (contact && (contact.name || contact.phones.length || contact.faxes.length)) out.push(contact);
          contact = { name: src.original.slice(i, i + name.length), phones: [], faxes: [] };
          label = '';
        }
      }
      i = j;
      continue;
    }
    if (/[A-Za-z@._]/.test(ch)) {
      while (i < e && /[A-Za-z0-9@._-]/.test(norm[i] ?? '')) i++;
      continue;
    }
    i++;
  }
  if (contact && (contact.name || contact.phones.length || contact.faxes.length)) out.push(contact);
  return out;
}

function mergeContact(into: Contact, more: Contact[]): void {
  for (const c of more) {
    into.phones.push(...c.phones);
    into.faxes.push(...c.faxes);
  }
}

/** E-mail addresses, found by expanding around each @ (linear, no backtracking). */
export function findEmails(text: string): string[] {
  const out: string[] = [];
  const local = /[A-Za-z0-9._%+-]/;
  const domain = /[A-Za-z0-9.-]/;
  let from = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    let a = at;
    while (a > 0 && at - a < 64 && local.test(text[a - 1] ?? '')) a--;
    let b = at + 1;
    while (b < text.length && b - at < 255 && domain.test(text[b] ?? '')) b++;
    while (b > at + 1 && (text[b - 1] === '.' || text[b - 1] === '-')) b--;
    const address = text.slice(a, b);
    if (a < at && /^[^@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(address) && !out.includes(address)) {
      out.push(address);
    }
    from = Math.max(at + 1, b);
  }
  return out;
}
