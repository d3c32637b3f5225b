import type { Comparator, PlanResponsible, PlanTarget, ResponsibleRole, ResponsibleValues, TargetValues } from '../../../contract/plans';

/** What the fact form holds; a responsible fact uses unitId and role, a target the rest. */
export interface FactFormValues {
  unitId?: number | null;
  role?: ResponsibleRole;
  value?: number | null;
  max?: number | null;
  unit?: string;
  comparator?: Comparator;
  subject?: string | null;
  scope?: string | null;
  year?: number | null;
}

/** Trimmed text, or null for nothing. */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed : null;
}

function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The form's values for a target, with empty texts as null and no upper bound unless it is a range. */
export function targetValues(form: FactFormValues): TargetValues {
  const comparator = form.comparator ?? '=';
  const values: TargetValues = {
    comparator,
    max: comparator === 'range' ? numberOrNull(form.max) : null,
    subject: textOrNull(form.subject),
    scope: textOrNull(form.scope),
    year: numberOrNull(form.year),
  };
  const value = numberOrNull(form.value);
  if (value !== null) values.value = value;
  const unit = textOrNull(form.unit);
  if (unit !== null) values.unit = unit;
  return values;
}

/** Only the fields of a target that the form changes, so that an edit records what a person did. */
export function targetChanges(fact: PlanTarget, form: FactFormValues): TargetValues {
  const next = targetValues(form);
  const changes: TargetValues = {};
  if (next.value !== undefined && next.value !== fact.value) changes.value = next.value;
  if (next.unit !== undefined && next.unit !== fact.unit) changes.unit = next.unit;
  if (next.comparator !== undefined && next.comparator !== fact.comparator) changes.comparator = next.comparator;
  if (next.max !== fact.max) changes.max = next.max ?? null;
  if (next.subject !== fact.subject) changes.subject = next.subject ?? null;
  if (next.scope !== fact.scope) changes.scope = next.scope ?? null;
  if (next.year !== fact.year) changes.year = next.year ?? null;
  return changes;
}

/** Only the fields of a responsible fact that the form changes. */
export function responsibleChanges(fact: PlanResponsible, form: FactFormValues): ResponsibleValues {
  const changes: ResponsibleValues = {};
  const unitId = form.unitId ?? null;
  if (unitId !== fact.unitId) changes.unitId = unitId;
  if (form.role !== undefined && form.role !== fact.role) changes.role = form.role;
  return changes;
}

/** The form's values for a new responsible fact. */
export function responsibleValues(form: FactFormValues): ResponsibleValues {
  return { ...(form.unitId != null && { unitId: form.unitId }), ...(form.role !== undefined && { role: form.role }) };
}
