import type { Span } from '../model/span.js';

/**
 * Decomposition (任务分解): a published plan version becomes tasks, one per item, with its
 * responsible units (the first-listed or 牵头 unit leads, the others cooperate, and a
 * collective phrase such as 各市州政府 becomes one locality share per member unit) and its
 * targets as indicators. Pure: the service feeds it the edited parse with registry ids.
 *
 * A task is keyed so that a later version finds it again: `item:<ordinal>` for an item,
 * `item:<ordinal>:c<k>` for its k-th clause once split. Re-publishing compares the drafts
 * with the stored tasks by key and lists what changed.
 */
export interface ItemInput {
  ordinal: number;
  number: string;
  section: number | null;
  title: string;
  text: string;
  span: Span;
  responsible: { role: 'lead' | 'cooperate' | 'localities'; unitId: number | null; expandsUnitIds: (number | null)[] }[];
  targets: TargetInput[];
}

export interface TargetInput {
  raw: string;
  value: number;
  unit: string;
  comparator: string;
  subject: string | null;
  /** A unit the target is scoped to (长沙市), resolved; null for the plan's whole area. */
  scopeUnitId: number | null;
  year: number | null;
  span: Span;
}

export interface TaskDraft {
  key: string;
  itemOrdinal: number;
  clauseIndex: number | null;
  sectionOrdinal: number | null;
  title: string;
  text: string;
  span: Span;
  leadUnitId: number | null;
  units: { unitId: number; role: 'lead' | 'cooperate' | 'locality' }[];
  targets: TargetInput[];
}

export function itemTaskKey(itemOrdinal: number, clauseIndex: number | null = null): string {
  return clauseIndex === null ? `item:${itemOrdinal}` : `item:${itemOrdinal}:c${clauseIndex}`;
}

/** The units of an item: lead first, each unit once (its first role wins). */
export function unitsOfItem(item: Pick<ItemInput, 'responsible'>): TaskDraft['units'] {
  const seen = new Set<number>();
  const out: TaskDraft['units'] = [];
  const add = (unitId: number | null, role: 'lead' | 'cooperate' | 'locality') => {
    if (unitId === null || seen.has(unitId)) return;
    seen.add(unitId);
    out.push({ unitId, role });
  };
  for (const r of item.responsible) if (r.role === 'lead') add(r.unitId, 'lead');
  for (const r of item.responsible) if (r.role === 'cooperate') add(r.unitId, 'cooperate');
  for (const r of item.responsible) {
    if (r.role !== 'localities') continue;
    if (r.expandsUnitIds.length > 0) for (const id of r.expandsUnitIds) add(id, 'locality');
    else add(r.unitId, 'locality');
  }
  return out;
}

export function draftTaskOfItem(item: ItemInput): TaskDraft {
  const units = unitsOfItem(item);
  return {
    key: itemTaskKey(item.ordinal),
    itemOrdinal: item.ordinal,
    clauseIndex: null,
    sectionOrdinal: item.section,
    title: `${item.number}${item.title}`,
    text: item.text,
    span: item.span,
    leadUnitId: units.find((u) => u.role === 'lead')?.unitId ?? null,
    units,
    targets: item.targets,
  };
}

export interface Clause {
  index: number;
  text: string;
  /** Offsets in the plan's text. */
  span: Span;
}

/**
 * The clauses of an item: its sentences (ended by 。；; or the end), blank ones dropped,
 * each with its span in the plan's text. `text` is the item's text as it appears at
 * `textStart` in the plan's text.
 */
export function splitClauses(text: string, textStart: number): Clause[] {
  const out: Clause[] = [];
  const pattern = /[^。；;]+[。；;]?/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.replace(/[。；;]/g, '').length < 2) continue;
    const start = textStart + m.index + lead;
    out.push({ index: out.length + 1, text: trimmed, span: [start, start + trimmed.length] });
  }
  return out;
}

export type TaskField = 'title' | 'text' | 'units' | 'targets' | 'section';

export interface StoredTaskFacts {
  id: number;
  key: string;
  title: string;
  text: string;
  sectionOrdinal: number | null;
  units: { unitId: number; role: string }[];
  targets: { raw: string; value: number; unit: string }[];
  hasReports: boolean;
}

export interface TaskChange {
  key: string;
  taskId: number | null;
  itemOrdinal: number | null;
  /** kept: a task the office split or merged, left as it shaped it (its item's text may have changed: `fields`). */
  kind: 'added' | 'changed' | 'removed' | 'kept';
  fields: TaskField[];
  hasReports: boolean;
}

const unitsKey = (units: { unitId: number; role: string }[]) =>
  units
    .map((u) => `${u.role}:${u.unitId}`)
    .sort()
    .join(',');
const targetsKey = (targets: { raw: string; value: number; unit: string }[]) =>
  targets
    .map((t) => `${t.raw}|${t.value}|${t.unit}`)
    .sort()
    .join(',');

/** What re-publishing would do to the stored tasks: by key, field by field. */
export function diffTasks(stored: StoredTaskFacts[], drafts: TaskDraft[]): TaskChange[] {
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const changes: TaskChange[] = [];
  for (const d of drafts) {
    const s = byKey.get(d.key);
    if (!s) {
      changes.push({ key: d.key, taskId: null, itemOrdinal: d.itemOrdinal, kind: 'added', fields: [], hasReports: false });
      continue;
    }
    byKey.delete(d.key);
    const fields: TaskField[] = [];
    if (s.title !== d.title) fields.push('title');
    if (s.text !== d.text) fields.push('text');
    if (s.sectionOrdinal !== d.sectionOrdinal) fields.push('section');
    if (unitsKey(s.units) !== unitsKey(d.units)) fields.push('units');
    if (targetsKey(s.targets) !== targetsKey(d.targets)) fields.push('targets');
    if (fields.length > 0) changes.push({ key: d.key, taskId: s.id, itemOrdinal: d.itemOrdinal, kind: 'changed', fields, hasReports: s.hasReports });
  }
  for (const s of byKey.values()) {
    const ordinal = /^item:(\d+)$/.exec(s.key)?.[1];
    changes.push({ key: s.key, taskId: s.id, itemOrdinal: ordinal ? Number(ordinal) : null, kind: 'removed', fields: [], hasReports: s.hasReports });
  }
  return changes;
}

/** The plan's year, from its title (2021年…) or its cover letter's date. */
export function planYear(title: string, letterDate: string | null, fallback: number): number {
  const fromTitle = /(20\d\d)\s*年/.exec(title)?.[1];
  if (fromTitle) return Number(fromTitle);
  if (letterDate) return Number(letterDate.slice(0, 4));
  return fallback;
}

/** Plan comparators as the indicator table keeps them (a range is held by its lower bound). */
export function indicatorComparator(comparator: string): string {
  return comparator === 'range' ? '>=' : comparator;
}
