import type { Light, RoundView, RowFilter, TaskFilter, TaskRow } from './queries';

/** The antd colour of each light, and the chart colour (the same hues in both places). */
export const LIGHT_TAG: Record<Light, string> = { green: 'success', yellow: 'warning', red: 'error' };
export const LIGHT_HEX: Record<Light, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
export const LIGHT_ORDER: readonly Light[] = ['red', 'yellow', 'green'];

/** What a round's cell shows for one task and unit: the report's state, or that it is missing or still to come. */
export type CellState = 'missing' | 'pending' | 'draft' | 'submitted' | 'returned' | 'accepted';

export function cellState(row: RoundView['rows'][number]): CellState {
  if (row.status === 'none' || row.status === 'draft') {
    if (row.timeliness === 'missing') return 'missing';
    return row.status === 'draft' ? 'draft' : 'pending';
  }
  return row.status;
}

export const CELL_COLOR: Record<CellState, string> = {
  missing: 'error',
  pending: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'warning',
  accepted: 'success',
};

const LIGHTS: readonly string[] = ['green', 'yellow', 'red'];

/** The task list's filters from the URL (?light=red&unitId=9&status=open&section=4); anything else is ignored. */
export function filterFromSearch(search: URLSearchParams): TaskFilter {
  const light = search.get('light');
  const status = search.get('status');
  const unitId = Number(search.get('unitId'));
  const section = search.get('section');
  const sectionNumber = Number(section);
  return {
    light: light !== null && LIGHTS.includes(light) ? (light as Light) : undefined,
    status: status === 'open' || status === 'closed' ? status : undefined,
    unitId: Number.isInteger(unitId) && unitId > 0 ? unitId : undefined,
    section: section !== null && section !== '' && Number.isInteger(sectionNumber) && sectionNumber >= 0 ? sectionNumber : undefined,
  };
}

/** The unit's narrower views from the URL (?unitId=9&lead=1, ?unitId=9&ack=no); they need a unit. */
export function rowFilterFromSearch(search: URLSearchParams): RowFilter {
  if (!(Number(search.get('unitId')) > 0)) return {};
  const ack = search.get('ack');
  return { lead: search.get('lead') === '1' || undefined, ack: ack === 'yes' || ack === 'no' ? ack : undefined };
}

/** Whether a row of the list matches the filters the list applies itself (section, lead, acknowledged). */
export function rowShown(row: TaskRow, filter: TaskFilter, rows: RowFilter): boolean {
  if (filter.section !== undefined && (row.sectionOrdinal ?? 0) !== filter.section) return false;
  if (filter.unitId === undefined) return true;
  if (rows.lead && row.leadUnitId !== filter.unitId) return false;
  if (rows.ack) {
    const acknowledged = row.units.some((u) => u.unitId === filter.unitId && u.acknowledgedAt !== null);
    if (acknowledged !== (rows.ack === 'yes')) return false;
  }
  return true;
}

/** The ledger URL that shows the task list with `filter` (what every number on the dashboard links to). */
export function tasksLink(planId: number, filter: TaskFilter & RowFilter): string {
  const search = new URLSearchParams({ plan: String(planId), tab: 'tasks' });
  if (filter.light) search.set('light', filter.light);
  if (filter.status) search.set('status', filter.status);
  if (filter.unitId) search.set('unitId', String(filter.unitId));
  if (filter.section !== undefined) search.set('section', String(filter.section));
  if (filter.unitId && filter.lead) search.set('lead', '1');
  if (filter.unitId && filter.ack) search.set('ack', filter.ack);
  return `/ledger?${search.toString()}`;
}

/** A round's page filtered to one state and, when given, one unit (the counts on a round link here). */
export function roundLink(roundId: number, state?: CellState | 'late', unitId?: number): string {
  const search = new URLSearchParams();
  if (state) search.set('state', state);
  if (unitId) search.set('unitId', String(unitId));
  const text = search.toString();
  return text ? `/rounds/${roundId}?${text}` : `/rounds/${roundId}`;
}

export interface AllocationSummary {
  allocated: number;
  remainder: number | null;
  over: boolean;
}

/** What an allocation form shows while it is typed: the total given out and what is left of the target held. */
export function allocationSummary(available: number | null, values: readonly (number | null | undefined)[]): AllocationSummary {
  // Sum in hundredths so that 0.1 + 0.2 shows as 0.3.
  const allocated = Math.round(values.reduce<number>((sum, v) => sum + (typeof v === 'number' && Number.isFinite(v) ? v * 100 : 0), 0)) / 100;
  if (available === null) return { allocated, remainder: null, over: false };
  const remainder = Math.round((available - allocated) * 100) / 100;
  return { allocated, remainder, over: remainder < 0 };
}

/** A percent as people write it: whole numbers without decimals, otherwise one decimal. */
export function formatPercent(value: number | null): string {
  if (value === null) return '—';
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** The round rows grouped by task, in the order the round lists them. */
export function rowsByTask(rows: RoundView['rows']): { taskId: number; rows: RoundView['rows'] }[] {
  const groups = new Map<number, RoundView['rows']>();
  for (const row of rows) {
    const group = groups.get(row.taskId);
    if (group) group.push(row);
    else groups.set(row.taskId, [row]);
  }
  return [...groups].map(([taskId, group]) => ({ taskId, rows: group }));
}

/** Whether a round row matches a state filter from the URL (`late` is about timeliness, the rest about the cell). */
export function rowMatches(row: RoundView['rows'][number], state: string | null): boolean {
  if (!state) return true;
  if (state === 'late') return row.timeliness === 'late';
  return cellState(row) === state;
}
