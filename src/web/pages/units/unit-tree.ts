import type { Unit, UnitKind } from '../../../contract/units';
import { matchUnit, normaliseQuery, type UnitMatch } from '../../unit-search';

export const GROUPS = ['office', 'province', 'department', 'prefecture', 'other'] as const;
export type GroupKey = (typeof GROUPS)[number];

export interface UnitNode {
  key: string;
  unit: Unit;
  match: UnitMatch | null;
  children: UnitNode[];
}

export interface GroupNode {
  key: string;
  group: GroupKey;
  children: UnitNode[];
}

export interface FilteredTree {
  groups: GroupNode[];
  /** Units that match the query themselves (0 without a query). */
  matched: number;
  /** Every visible node with visible children: a search opens the tree wide. */
  expandedKeys: string[];
}

export const unitKey = (id: number) => `unit:${id}`;
export const groupKey = (group: GroupKey) => `group:${group}`;

function groupOf(kind: UnitKind): GroupKey {
  switch (kind) {
    case 'office':
    case 'province':
    case 'department':
    case 'prefecture':
      return kind;
    case 'county':
    case 'other':
      return 'other';
  }
}

/**
 * Whether a unit is drawn under its parent. Counties sit under their prefecture; the
 * prefectures, although their parent is the provincial government, head their own group
 * (市州 → 县市区), as people look for them there.
 */
function nestsUnderParent(unit: Unit, parent: Unit): boolean {
  return unit.kind === 'county' || unit.kind === 'other' || unit.kind === parent.kind;
}

function byRegistryOrder(a: Unit, b: Unit): number {
  if (a.divisionCode && b.divisionCode && a.divisionCode !== b.divisionCode) return a.divisionCode < b.divisionCode ? -1 : 1;
  return a.id - b.id;
}

/** The registry as groups 领导小组办公室 / 省人民政府 / 省直部门 / 市州 → 县市区 / 其他. */
export function buildUnitTree(units: readonly Unit[]): GroupNode[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<number, Unit[]>();
  const roots = new Map<GroupKey, Unit[]>(GROUPS.map((g) => [g, []]));
  for (const unit of [...units].sort(byRegistryOrder)) {
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    if (parent && parent.id !== unit.id && nestsUnderParent(unit, parent)) {
      children.set(parent.id, [...(children.get(parent.id) ?? []), unit]);
    } else {
      roots.get(groupOf(unit.kind))?.push(unit);
    }
  }
  const seen = new Set<number>();
  const toNode = (unit: Unit): UnitNode => {
    seen.add(unit.id);
    const kids = (children.get(unit.id) ?? []).filter((child) => !seen.has(child.id));
    return { key: unitKey(unit.id), unit, match: null, children: kids.map(toNode) };
  };
  return GROUPS.map((group) => {
    const nodes = (roots.get(group) ?? []).map(toNode);
    return { key: groupKey(group), group, children: nodes };
  }).filter((group) => group.children.length > 0);
}

/**
 * Keeps the units that match the query, with their ancestors (to show where they sit) and
 * all their subordinate units (searching 湘西 shows the prefecture with its counties).
 */
export function filterUnitTree(tree: readonly GroupNode[], query: string): FilteredTree {
  const q = normaliseQuery(query);
  const expandedKeys: string[] = [];
  let matched = 0;

  const keepAll = (node: UnitNode): UnitNode => {
    const match = matchUnit(node.unit, q);
    if (match) matched += 1;
    if (node.children.length > 0) expandedKeys.push(node.key);
    return { ...node, match, children: node.children.map(keepAll) };
  };
  const filter = (node: UnitNode): UnitNode | null => {
    const match = matchUnit(node.unit, q);
    if (match) {
      matched += 1;
      if (node.children.length > 0) expandedKeys.push(node.key);
      return { ...node, match, children: node.children.map(keepAll) };
    }
    const kids = node.children.map(filter).filter((kid): kid is UnitNode => kid !== null);
    if (kids.length === 0) return null;
    expandedKeys.push(node.key);
    return { ...node, match: null, children: kids };
  };

  if (!q) return { groups: [...tree], matched: 0, expandedKeys: [] };
  const groups: GroupNode[] = [];
  for (const group of tree) {
    const kids = group.children.map(filter).filter((kid): kid is UnitNode => kid !== null);
    if (kids.length === 0) continue;
    expandedKeys.push(group.key);
    groups.push({ ...group, children: kids });
  }
  return { groups, matched, expandedKeys };
}

/** Keys of a unit's ancestors in the tree (group first), to open the tree at a selected unit. */
export function ancestorKeys(tree: readonly GroupNode[], unitId: number): string[] {
  const target = unitKey(unitId);
  const walk = (nodes: UnitNode[], path: string[]): string[] | null => {
    for (const node of nodes) {
      if (node.key === target) return path;
      const found = walk(node.children, [...path, node.key]);
      if (found) return found;
    }
    return null;
  };
  for (const group of tree) {
    const found = walk(group.children, [group.key]);
    if (found) return found;
  }
  return [];
}
