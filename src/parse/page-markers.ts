/**
 * Page numbers of a document-sharing page. Sites that show a .docx or a PDF as text give each page
 * of it as one long paragraph headed by the page's number, `1、`, `2、`, … and cut wherever the page
 * ended, in the middle of a sentence or a word (…向农户、小微企业和个体工商 ⏎ 2、户提供的融资担保…). Read
 * as they stand, those numbers open items of their own and the text's own numbering (一、 (一) 1.)
 * is lost inside them. When the lines of a text that start with 1、, 2、, … in order are all long and
 * the pages break mid-sentence, the numbers are page numbers: they are blanked in the normalised text
 * and each page joins the one before it, as a hard-wrapped line does (WRAP_JOINER), so that the
 * run-on reader finds the text's own numbering. The original text keeps them, as every raw string
 * and span does.
 */
import { isDigitCode, type SourceText } from './text.js';
import { joinedOver } from './wrapped.js';

/** A page of a document-sharing page is long: shorter numbered lines are the text's own. */
const MIN_PAGE_CHARS = 120;
/** 。 ; ! ? : ” ) 】 — a page that ends with one of them may end a sentence. */
const SENTENCE_END = /[。;!?:”)】]$/;
const PAGE_NUMBER_RE = /^([1-9][0-9]{0,3})、/;

export function joinPageMarkers(src: SourceText): SourceText {
  const { norm, lines } = src;
  const pages: { line: number; digits: number }[] = [];
  let midSentence = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.trimEnd - line.trimStart < MIN_PAGE_CHARS || !isDigitCode(norm.charCodeAt(line.trimStart))) continue;
    const m = PAGE_NUMBER_RE.exec(norm.slice(line.trimStart, line.trimStart + 6));
    if (!m) continue;
    if (Number(m[1]) !== pages.length + 1) return src;
    pages.push({ line: i, digits: (m[1] ?? '').length });
  }
  if (pages.length < 2) return src;
  const joins: [number, number][] = [];
  for (let k = 0; k < pages.length; k++) {
    const page = pages[k] as { line: number; digits: number };
    const line = lines[page.line];
    if (!line) return src;
    let from = line.trimStart;
    const before = k > 0 ? lines[(pages[k - 1] as { line: number }).line] : undefined;
    // The page before ends right above this one, mid-sentence: the break between them goes too.
    if (before && page.line - (pages[k - 1] as { line: number }).line <= 2 && !SENTENCE_END.test(norm.slice(before.trimEnd - 1, before.trimEnd))) {
      from = before.trimEnd;
      midSentence++;
    }
    joins.push([from, line.trimStart + page.digits + 1]);
  }
  return midSentence === 0 ? src : joinedOver(src, joins);
}
