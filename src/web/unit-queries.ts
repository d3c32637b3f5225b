import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Unit } from './types';

export const UNITS_KEY = ['units'] as const;

/** The whole registry (a province has a few hundred units, so it is loaded once and filtered here). */
export function useUnits() {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: async () => (await api.get<{ units: Unit[] }>('/api/units')).units,
    staleTime: 5 * 60_000,
  });
}
