import type { Comparator, ParsedPlan, Responsible, ResponsibleRole, Target } from '../model/plan.js';
import type { Span } from '../model/span.js';

/**
 * Corrections an office makes to a parsed plan are kept as edits on top of the parse, never
 * written into it. A fact is addressed by its item and its span in the text, which stays
 * the same when the same text is parsed again (say, by a better parser): so an edit
 * survives a re-parse, and one whose fact has gone is reported, not silently dropped.
 */
export type FactKind = 'responsible' | 'target';

export interface FactRef {
  itemOrdinal: number;
  kind: FactKind;
  span: Span;
}

export interface ResponsiblePatch {
  unit?: string | null;
  role?: ResponsibleRole;
}

export interface TargetPatch {
  value?: number;
  max?: number | null;
  unit?: string;
  comparator?: Comparator;
  subject?: string | null;
  scope?: string | null;
  year?: number | null;
}

export type PlanEdit =
  | { id: number; op: 'update'; ref: FactRef & { kind: 'responsible' }; patch: ResponsiblePatch }
  | { id: number; op: 'update'; ref: FactRef & { kind: 'target' }; patch: TargetPatch }
  | { id: number; op: 'remove'; ref: FactRef }
  | { id: number; op: 'add'; ref: FactRef & { kind: 'responsible' }; fact: ResponsiblePatch & { role: ResponsibleRole } }
  | { id: number; op: 'add'; ref: FactRef & { kind: 'target' }; fact: TargetPatch & { value: number; unit: string } };

/** Where a fact came from: the parser, or a person's edit (with the edit's id). */
export interface Provenance {
  source: 'parser' | 'edit';
  editIds: number[];
}

export type EditedResponsible = Responsible & Provenance;
export type EditedTarget = Target & Provenance;

export interface EditedPlan extends Omit<ParsedPlan, 'items'> {
  items: (Omit<ParsedPlan['items'][number], 'responsible' | 'targets'> & {
    responsible: EditedResponsible[];
    targets: EditedTarget[];
  })[];
  /** Edits whose fact no longer exists in the parse (or whose span no longer fits the text). */
  orphanedEdits: number[];
}

const sameSpan = (a: Span, b: Span) => a[0] === b[0] && a[1] === b[1];

export function spanFits(text: string, span: Span): boolean {
  return Number.isInteger(span[0]) && Number.isInteger(span[1]) && span[0] >= 0 && span[0] < span[1] && span[1] <= text.length;
}

export function applyEdits(plan: ParsedPlan, edits: readonly PlanEdit[], text: string): EditedPlan {
  const items: EditedPlan['items'] = plan.items.map((item) => ({
    ...item,
    responsible: item.responsible.map((r) => ({ ...r, source: 'parser' as const, editIds: [] })),
    targets: item.targets.map((t) => ({ ...t, source: 'parser' as const, editIds: [] })),
  }));
  const orphaned: number[] = [];
  for (const edit of edits) {
    const item = items.find((i) => i.ordinal === edit.ref.itemOrdinal);
    if (!item || !spanFits(text, edit.ref.span)) {
      orphaned.push(edit.id);
      continue;
    }
    const raw = text.slice(edit.ref.span[0], edit.ref.span[1]);
    const facts: (EditedResponsible | EditedTarget)[] = edit.ref.kind === 'responsible' ? item.responsible : item.targets;
    const index = facts.findIndex((f) => sameSpan(f.span, edit.ref.span));
    switch (edit.op) {
      case 'update': {
        if (index < 0) {
          orphaned.push(edit.id);
          break;
        }
        const fact = facts[index]!;
        facts[index] = { ...fact, ...edit.patch, editIds: [...fact.editIds, edit.id] } as EditedResponsible | EditedTarget;
        break;
      }
      case 'remove':
        if (index < 0) orphaned.push(edit.id);
        else facts.splice(index, 1);
        break;
      case 'add': {
        if (index >= 0) {
          // The parser has since found this fact itself: the person's values win.
          const fact = facts[index]!;
          facts[index] = { ...fact, ...edit.fact, editIds: [...fact.editIds, edit.id] } as EditedResponsible | EditedTarget;
          break;
        }
        if (edit.ref.kind === 'responsible') {
          const f = edit.fact as ResponsiblePatch & { role: ResponsibleRole };
          item.responsible.push({ raw, unit: f.unit ?? null, role: f.role, expands: [], span: edit.ref.span, source: 'edit', editIds: [edit.id] });
        } else {
          const f = edit.fact as TargetPatch & { value: number; unit: string };
          item.targets.push({
            raw,
            value: f.value,
            max: f.max ?? null,
            unit: f.unit,
            comparator: f.comparator ?? '=',
            subject: f.subject ?? null,
            scope: f.scope ?? null,
            year: f.year ?? null,
            confidence: 1,
            span: edit.ref.span,
            source: 'edit',
            editIds: [edit.id],
          });
        }
        facts.sort((a, b) => a.span[0] - b.span[0]);
        break;
      }
      default: {
        const unreachable: never = edit;
        return unreachable;
      }
    }
  }
  return { ...plan, items, orphanedEdits: orphaned };
}
