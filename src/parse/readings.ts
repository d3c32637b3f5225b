/**
 * Pinyin readings a repost set after characters (責(zé)任單(dān)位, 實(shí)事): some sites print
 * every hard character of a document with its reading in brackets, which breaks every word the
 * parser looks for. A text with such readings is parsed without them, and the result is given
 * back in the text's own offsets: every span maps to the original, and every `raw`, item text,
 * clause and title is sliced from the original again, readings included (as written).
 */
import type { ParsedPlan } from '../model/plan.js';
import type { Span } from '../model/span.js';

/** A reading: lower-case pinyin (tone marks or ü) in ASCII or full-width brackets, right after a Chinese character. */
const READING_RE = /(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]/g;
/** A text needs this many readings before it is read without them. */
const MIN_READINGS = 3;
/** The readings looked for first: a bracket and a lower-case letter (most texts have none). */
const QUICK_RE = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/;

export interface WithoutReadings {
  text: string;
  /** Offset in the original of each offset of `text` (one more entry for the end). */
  map: Int32Array;
}

/** The text without its readings, or null when it has fewer than MIN_READINGS. */
export function withoutReadings(original: string): WithoutReadings | null {
  if (!QUICK_RE.test(original)) return null;
  const cuts: Span[] = [];
  READING_RE.lastIndex = 0;
  for (let m = READING_RE.exec(original); m; m = READING_RE.exec(original)) {
    // Each bracket of lower-case pinyin right after a Chinese character; a text needs MIN_READINGS
    // of them, so a lone (a) in running text leaves it as it is.
    cuts.push([m.index, m.index + m[0].length]);
  }
  if (cuts.length < MIN_READINGS) return null;
  const map = new Int32Array(original.length - cuts.reduce((n, [a, b]) => n + (b - a), 0) + 1);
  let out = '';
  let at = 0;
  let k = 0;
  for (const [a, b] of cuts) {
    out += original.slice(at, a);
    for (let i = at; i < a; i++) map[k++] = i;
    at = b;
  }
  out += original.slice(at);
  for (let i = at; i < original.length; i++) map[k++] = i;
  map[k] = original.length;
  return { text: out, map };
}

/** The plan parsed from `stripped.text`, in the offsets and characters of `original`. */
export function withReadings(plan: ParsedPlan, original: string, stripped: WithoutReadings): ParsedPlan {
  const { map, text } = stripped;
  const at = (i: number): number => map[Math.max(0, Math.min(i, map.length - 1))] ?? original.length;
  const span = ([s, e]: Span): Span => [at(s), at(e)];
  /** A string taken from `text` near `from`, in the original's characters (unchanged when not found there). */
  const restore = (value: string, from: number): string => {
    if (value.length === 0) return value;
    const p = text.indexOf(value, from);
    return p < 0 ? value : original.slice(at(p), at(p + value.length));
  };
  return {
    ...plan,
    title: restore(plan.title, 0),
    sections: plan.sections.map((s) => ({ ...s, title: restore(s.title, s.span[0]), span: span(s.span) })),
    items: plan.items.map((item) => {
      const itemSpan = span(item.span);
      return {
        ...item,
        title: restore(item.title, item.span[0]),
        text: restore(item.text, item.span[0]),
        span: itemSpan,
        responsible: item.responsible.map((r) => {
          const sp = span(r.span);
          return { ...r, span: sp, raw: original.slice(sp[0], sp[1]) };
        }),
        targets: item.targets.map((t) => {
          const sp = span(t.span);
          return { ...t, span: sp, raw: original.slice(sp[0], sp[1]) };
        }),
        clauses: item.clauses.map((c) => {
          const sp = span(c.span);
          return { text: original.slice(sp[0], sp[1]), span: sp };
        }),
        ...(item.schedule ? { schedule: { ...item.schedule, span: span(item.schedule.span), raw: original.slice(at(item.schedule.span[0]), at(item.schedule.span[1])) } } : {}),
      };
    }),
    warnings: plan.warnings.map((w) => ({ ...w, span: span(w.span) })),
  };
}
