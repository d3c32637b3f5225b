import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import type { PlanPublication, PublicPlan, PublicSnapshot } from '../../../contract/public';

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

/** The office's setting: whether a plan's progress is public and what it shows. */
export function usePlanPublication(planId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['plans', planId, 'publication'] as const,
    queryFn: () => api.get<PlanPublication>(`/api/plans/${planId}/publication`),
    enabled,
  });
}

export function useSetPlanPublication(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (show: 'lights' | 'completion' | null) =>
      show === null ? api.delete<PlanPublication>(`/api/plans/${planId}/publication`) : api.put<PlanPublication>(`/api/plans/${planId}/publication`, { show }),
    onSuccess: (publication) => {
      queryClient.setQueryData(['plans', planId, 'publication'], publication);
      void queryClient.invalidateQueries({ queryKey: ['public'] });
    },
  });
}
