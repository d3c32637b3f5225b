import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { PlanEditInput, PlanList, PlanView, TargetGuess } from '../../../contract/plans';

export const PLANS_KEY = ['plans'] as const;

/** One plan as shown: a version number, or the current version. */
export function planKey(id: number, version: number | null) {
  return ['plans', id, version ?? 'current'] as const;
}

function usePlanList<T>(select: (list: PlanList) => T) {
  return useQuery({ queryKey: PLANS_KEY, queryFn: () => api.get<PlanList>('/api/plans'), select });
}
const plansOf = (list: PlanList) => list.plans;
const allowedOf = (list: PlanList) => list.allowed;

export function usePlans() {
  return usePlanList(plansOf);
}

/** Whether the signed-in user may import plans, as the server says. */
export function usePlansAllowed() {
  return usePlanList(allowedOf);
}

/** The parser's reading of a selected passage, to prefill a new target (one target grammar: the parser's). */
export function useTargetGuess(text: string | null) {
  return useQuery({
    queryKey: ['target-guess', text],
    queryFn: () => api.post<TargetGuess>('/api/plans/target-guess', { text }),
    enabled: text !== null && text.trim() !== '',
    staleTime: Infinity,
  });
}

export function usePlan(id: number | null, version: number | null) {
  return useQuery({
    queryKey: planKey(id ?? 0, version),
    queryFn: () => api.get<PlanView>(`/api/plans/${id}${query({ version })}`),
    enabled: id !== null,
  });
}

/**
 * The server answers a correction or a re-parse with the whole plan as it now stands: that
 * answer replaces the cached plan, and the list (its "updated" column) is fetched again.
 */
function useStorePlan(id: number, version: number | null) {
  const queryClient = useQueryClient();
  return async (view: PlanView) => {
    queryClient.setQueryData(planKey(id, version), view);
    await queryClient.invalidateQueries({ queryKey: PLANS_KEY, exact: true });
  };
}

export function useEditPlanFact(id: number, version: number | null) {
  const store = useStorePlan(id, version);
  return useMutation({
    mutationFn: (input: PlanEditInput) => api.post<PlanView>(`/api/plans/${id}/edits`, input),
    onSuccess: store,
  });
}

export function useReparsePlan(id: number, version: number | null) {
  const store = useStorePlan(id, version);
  return useMutation({
    mutationFn: () => api.post<PlanView>(`/api/plans/${id}/reparse${query({ version })}`),
    onSuccess: store,
  });
}

/** 定稿: mark a version final; the plan's cached views are fetched again. */
export function useMarkFinal(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => api.post<{ stage: string; version: number }>(`/api/plans/${id}/versions/${number}/final`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}

/** Mark a parser warning as checked, or take the mark back; the answer is the plan as it now stands. */
export function useCheckWarning(id: number, version: number | null, versionNumber: number) {
  const store = useStorePlan(id, version);
  return useMutation({
    mutationFn: ({ key, checked }: { key: string; checked: boolean }) => {
      const path = `/api/plans/${id}/versions/${versionNumber}/warnings/${key}/check`;
      return checked ? api.post<PlanView>(path) : api.delete<PlanView>(path);
    },
    onSuccess: store,
  });
}
