import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { UnitList } from '../contract/units';

export const UNITS_KEY = ['units'] as const;

function useUnitList<T>(select: (list: UnitList) => T) {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: () => api.get<UnitList>('/api/units'),
    staleTime: 5 * 60_000,
    select,
  });
}

const units = (list: UnitList) => list.units;
const allowed = (list: UnitList) => list.allowed;

/** The whole registry (a province has a few hundred units, so it is loaded once and filtered here). */
export function useUnits() {
  return useUnitList(units);
}

/** What the signed-in user may do with the registry (add, edit, import, export). */
export function useUnitsAllowed() {
  return useUnitList(allowed);
}
