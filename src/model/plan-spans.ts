/** Span checks shared by tests and callers that store parse results. */
import type { ParsedPlan } from './plan.js';
import type { Span } from './span.js';

export interface SpanFact {
  what: string;
  span: Span;
  raw?: string;
}

export function factSpans(plan: ParsedPlan): SpanFact[] {
  const out: SpanFact[] = [];
  for (const s of plan.sections) out.push({ what: `section ${s.ordinal}`, span: s.span });
  for (const i of plan.items) {
    out.push({ what: `item ${i.ordinal}`, span: i.span });
    for (const r of i.responsible) out.push({ what: `unit ${r.raw}`, span: r.span, raw: r.raw });
    for (const t of i.targets) out.push({ what: `target ${t.raw}`, span: t.span, raw: t.raw });
    if (i.schedule) out.push({ what: `schedule ${i.schedule.raw}`, span: i.schedule.span, raw: i.schedule.raw });
  }
  for (const w of plan.warnings) out.push({ what: `warning ${w.code}`, span: w.span });
  return out;
}

/** Problems with the plan's spans against its text; empty when every span is valid. */
export function spanProblems(text: string, plan: ParsedPlan): string[] {
  const problems: string[] = [];
  for (const f of factSpans(plan)) {
    const [s, e] = f.span;
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > text.length || s > e) {
      problems.push(`${f.what}: bad span [${s}, ${e})`);
    } else if (f.raw !== undefined && text.slice(s, e) !== f.raw && !joinedFromCell(text.slice(s, e), f.raw)) {
      problems.push(`${f.what}: span [${s}, ${e}) is ${JSON.stringify(text.slice(s, e))}`);
    }
  }
  return problems;
}

/**
 * A raw joined from the fragments of a table's cell that wraps over two or more lines — a table drawn
 * with box characters (市住房城乡建设 ⏎ 局, parse/box-table.ts) or one aligned by spaces (市财 ⏎ 政局,
 * parse/layout-table.ts): its span runs from its first character to just past its last, so its slice
 * also holds the line breaks and what stands between the fragments (bars, the row's other cells). It
 * is accepted when the slice crosses a line break or holds a bar (a drawn table's line breaks may
 * have been lost: a table run on), starts and ends with the raw's first and last characters, and
 * holds the raw's characters in order (a space the join put between two ASCII words excepted).
 */
export function joinedFromCell(slice: string, raw: string): boolean {
  if (raw.length < 2 || !/[\n\u2500-\u257f|]/.test(slice)) return false;
  if (slice[0] !== raw[0] || slice[slice.length - 1] !== raw[raw.length - 1]) return false;
  let k = 0;
  for (const ch of raw) {
    const at = slice.indexOf(ch, k);
    if (at < 0) {
      if (ch === ' ') continue;
      return false;
    }
    k = at + ch.length;
  }
  return true;
}

/**
 * The plan parsed from a text rewritten before parsing (a drawn or laid-out table as tab-separated
 * rows), in the offsets of the text as written: every span goes through `span`, and each fact's raw
 * (a clause's text, a schedule's raw) through `raw`, given its span before and after (by default it
 * stays as read).
 */
export function mappedPlan(plan: ParsedPlan, span: (s: Span) => Span, raw: (value: string, was: Span, now: Span) => string = (value) => value): ParsedPlan {
  const fact = <T extends { raw: string; span: Span }>(f: T): T => {
    const now = span(f.span);
    return { ...f, span: now, raw: raw(f.raw, f.span, now) };
  };
  return {
    ...plan,
    sections: plan.sections.map((s) => ({ ...s, span: span(s.span) })),
    items: plan.items.map((item) => ({
      ...item,
      span: span(item.span),
      responsible: item.responsible.map(fact),
      targets: item.targets.map(fact),
      clauses: item.clauses.map((c) => {
        const now = span(c.span);
        return { text: raw(c.text, c.span, now), span: now };
      }),
      ...(item.schedule ? { schedule: fact(item.schedule) } : {}),
    })),
    warnings: plan.warnings.map((w) => ({ ...w, span: span(w.span) })),
  };
}

