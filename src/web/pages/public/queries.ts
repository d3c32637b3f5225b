import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { PublicPlan, PublicSnapshot } from '../../../contract/public';

export type { PublicPlan, PublicSnapshot };

/** A plan's public progress (no account); 404 unless the office made it public. */
export function usePublicPlan(id: number | null) {
  return useQuery({
    queryKey: ['public', 'plans', id ?? 0] as const,
    queryFn: () => api.get<PublicPlan>(`/api/public/plans/${id}`),
    enabled: id !== null,
    retry: false,
  });
}

/** One page of a published register snapshot: only that page's rows come over the wire. */
export function usePublicSnapshotPage(id: number | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['public', 'snapshot', id ?? 0, page, pageSize] as const,
    queryFn: () => api.get<PublicSnapshot>(`/api/public/snapshots/${id}?page=${page}&pageSize=${pageSize}`),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}
