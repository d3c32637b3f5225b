import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import type { Settings } from '../contract/system';

/** The installation's settings (the default seal), as the server says: never hard-coded here. */
export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api.get<Settings>('/api/settings'), staleTime: 5 * 60_000 });
}
