import type { Span } from '../../../contract/common';
import type { PlanItem, PlanResponsible, PlanSection, PlanWarning, Provenance, ResponsibleRole } from '../../../contract/plans';
import type { Unit } from '../../../contract/units';

/** Tag colours of the three roles; a unit the registry did not recognise is shown in the warning colour. */
export const ROLE_COLOURS: Record<ResponsibleRole, string> = { lead: 'blue', cooperate: 'default', localities: 'purple' };
export const UNMATCHED_COLOUR = 'warning';

/** A fact a person has touched: added by an edit, or changed by one. */
export function isModified(fact: Provenance): boolean {
  return fact.source === 'edit' || fact.editIds.length > 0;
}

/**
 * A responsible fact whose name matched no registry unit. A collective phrase (各市州政府) has
 * no unit of its own by design, so it only counts when it did not expand to members either.
 */
export function isUnmatched(fact: Pick<PlanResponsible, 'unit' | 'role' | 'expands'>): boolean {
  if (fact.unit !== null) return false;
  return fact.role !== 'localities' || fact.expands.length === 0;
}

/** The name in the text differs from the registry's (省卫建委 → 省卫健委). */
export function isRenamed(fact: Pick<PlanResponsible, 'unit' | 'raw'>): boolean {
  return fact.unit !== null && fact.unit !== fact.raw;
}

/** Items grouped under their sections, in document order; items outside any section come first. */
export function groupItems(sections: readonly PlanSection[], items: readonly PlanItem[]): { section: PlanSection | null; items: PlanItem[] }[] {
  const groups: { section: PlanSection | null; items: PlanItem[] }[] = [];
  const loose = items.filter((item) => item.section === null || !sections.some((s) => s.ordinal === item.section));
  if (loose.length > 0) groups.push({ section: null, items: loose });
  for (const section of sections) groups.push({ section, items: items.filter((item) => item.section === section.ordinal) });
  return groups;
}

/** Warnings whose span lies inside `span` (an item's), for a per-item count. */
export function warningsWithin<W extends Pick<PlanWarning, 'span'>>(warnings: readonly W[], span: Span): W[] {
  return warnings.filter((w) => w.span[0] >= span[0] && w.span[1] <= span[1]);
}

/**
 * A first guess at the unit a person selected: the registry unit whose name, short name or an
 * alias is exactly the text; and a role: a collective phrase (各…) stands for localities.
 */
export function guessResponsible(units: readonly Unit[], raw: string): { unitId: number | null; role: ResponsibleRole } {
  const name = raw.trim();
  const unit = units.find((u) => u.name === name || u.shortName === name || u.aliases.includes(name));
  return { unitId: unit?.id ?? null, role: !unit && name.startsWith('各') ? 'localities' : 'cooperate' };
}
