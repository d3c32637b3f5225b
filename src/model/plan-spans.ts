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
    } else if (f.raw !== undefined && text.slice(s, e) !== f.raw && !joinedOver(text.slice(s, e), f.raw)) {
      problems.push(`${f.what}: span [${s}, ${e}) is ${JSON.stringify(text.slice(s, e))}`);
    }
  }
  return problems;
}

/**
 * Whether `raw` was joined from pieces of a cell wrapped over lines of a space-aligned table
 * (parse/layout-table.ts): the span runs from its first character to its last over a line break, and
 * its characters stand in it in order.
 */
function joinedOver(slice: string, raw: string): boolean {
  if (raw.length < 2 || !slice.includes('\n') || slice[0] !== raw[0] || slice[slice.length - 1] !== raw[raw.length - 1]) return false;
  let at = 0;
  for (const ch of raw) {
    at = slice.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}
