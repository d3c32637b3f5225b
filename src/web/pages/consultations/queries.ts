import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { Consultation, DecisionInput, Notification, OpenConsultationInput, Opinion, OpinionFilter, PublicNotice, ReminderResult, Reply, ReplyInput, SealAlgorithm, SealResult, SealVerification, Situation } from '../../../contract/consultations';
import type { NewVersionResult, Redline, ResolveQuoteInput } from '../../../contract/plans';

export const CONSULTATIONS_KEY = ['consultations'] as const;

export function consultationKey(id: number) {
  return ['consultations', id] as const;
}

export function useConsultations() {
  return useQuery({
    queryKey: CONSULTATIONS_KEY,
    queryFn: async () => (await api.get<{ consultations: Consultation[] }>('/api/consultations')).consultations,
  });
}

export function useConsultation(id: number | null) {
  return useQuery({
    queryKey: consultationKey(id ?? 0),
    queryFn: () => api.get<Consultation>(`/api/consultations/${id}`),
    enabled: id !== null,
  });
}

/** Everything cached about one consultation (its recipients, opinions, replies, situation) is fetched again. */
function useRefreshConsultation(id: number) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: consultationKey(id) }),
      queryClient.invalidateQueries({ queryKey: CONSULTATIONS_KEY, exact: true }),
    ]);
  };
}

export function useOpenConsultation(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OpenConsultationInput) => api.post<Consultation>(`/api/plans/${planId}/consultations`, input),
    onSuccess: async (created) => {
      queryClient.setQueryData(consultationKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: CONSULTATIONS_KEY, exact: true });
    },
  });
}

export function useExtendDeadline(id: number) {
  const refresh = useRefreshConsultation(id);
  return useMutation({
    mutationFn: (deadline: string) => api.post<Consultation>(`/api/consultations/${id}/extend`, { deadline }),
    onSuccess: refresh,
  });
}

export function useCloseConsultation(id: number) {
  const refresh = useRefreshConsultation(id);
  return useMutation({
    mutationFn: () => api.post<Consultation>(`/api/consultations/${id}/close`),
    onSuccess: refresh,
  });
}

export function useSendReminders(id: number) {
  return useMutation({
    mutationFn: (unitIds?: number[]) => api.post<ReminderResult>(`/api/consultations/${id}/reminders`, unitIds ? { unitIds } : {}),
  });
}

export function usePublish(id: number) {
  const refresh = useRefreshConsultation(id);
  return useMutation({
    mutationFn: () => api.post<{ publishedAt: string }>(`/api/consultations/${id}/publish`),
    onSuccess: refresh,
  });
}

export function useOpinions(id: number, filter: OpinionFilter) {
  return useQuery({
    queryKey: [...consultationKey(id), 'opinions', filter] as const,
    queryFn: () => api.get<Opinion[]>(`/api/consultations/${id}/opinions${query({ ...filter })}`),
  });
}

/** Decides one opinion or a selection: `ids` of one goes to the opinion's own route. */
export function useDecide(consultationId: number) {
  const refresh = useRefreshConsultation(consultationId);
  return useMutation({
    mutationFn: ({ ids, decision }: { ids: number[]; decision: DecisionInput }) =>
      ids.length === 1
        ? api.post<{ decided: number }>(`/api/opinions/${ids[0]}/decision`, decision)
        : api.post<{ decided: number }>(`/api/consultations/${consultationId}/decisions`, { opinionIds: ids, ...decision }),
    onSuccess: refresh,
  });
}

export function useSituation(id: number) {
  return useQuery({
    queryKey: [...consultationKey(id), 'situation'] as const,
    queryFn: () => api.get<Situation>(`/api/consultations/${id}/situation`),
  });
}

export function repliesKey(consultationId: number) {
  return [...consultationKey(consultationId), 'replies'] as const;
}

export function useReplies(consultationId: number) {
  return useQuery({
    queryKey: repliesKey(consultationId),
    queryFn: async () => (await api.get<{ replies: Reply[] }>(`/api/consultations/${consultationId}/replies`)).replies,
  });
}

/** Saves the unit's reply: a new draft (POST), or the existing draft's content (PATCH). */
export function useSaveReply(consultationId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ draftId, input }: { draftId: number | null; input: ReplyInput }) =>
      draftId === null
        ? api.post<Reply>(`/api/consultations/${consultationId}/replies`, input)
        : api.patch<Reply>(`/api/replies/${draftId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: repliesKey(consultationId) }),
  });
}

export function useSealReply(consultationId: number) {
  const refresh = useRefreshConsultation(consultationId);
  return useMutation({
    mutationFn: ({ replyId, algorithm }: { replyId: number; algorithm: SealAlgorithm }) =>
      api.post<SealResult>(`/api/replies/${replyId}/seal`, { algorithm }),
    onSuccess: refresh,
  });
}

export function useWithdrawReply(consultationId: number) {
  const refresh = useRefreshConsultation(consultationId);
  return useMutation({
    mutationFn: (replyId: number) => api.post<Reply>(`/api/replies/${replyId}/withdraw`),
    onSuccess: refresh,
  });
}

export function verifyKey(replyId: number) {
  return ['replies', replyId, 'verify'] as const;
}

function fetchVerification(replyId: number) {
  return api.get<SealVerification>(`/api/replies/${replyId}/verify`);
}

export function useVerifySeal(replyId: number | null) {
  return useQuery({
    queryKey: verifyKey(replyId ?? 0),
    queryFn: () => fetchVerification(replyId!),
    enabled: replyId !== null,
  });
}

/** The seal checks of several replies at once, by reply id. */
export function useVerifySeals(replyIds: readonly number[]): Map<number, SealVerification | 'loading' | 'error'> {
  return useQueries({
    queries: replyIds.map((replyId) => ({ queryKey: verifyKey(replyId), queryFn: () => fetchVerification(replyId) })),
    combine: (results) =>
      new Map(results.map((result, i) => [replyIds[i]!, result.data ?? (result.isError ? 'error' : 'loading')] as const)),
  });
}

export function redlineKey(planId: number, from: number, to: number) {
  return ['plans', planId, 'redline', from, to] as const;
}

export function useRedline(planId: number, from: number, to: number | null) {
  return useQuery({
    queryKey: redlineKey(planId, from, to ?? 0),
    queryFn: () => api.get<Redline>(`/api/plans/${planId}/redline${query({ from, to })}`),
    enabled: to !== null && to > from,
  });
}

export function useLinkChange(planId: number, from: number, to: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changeKey, opinionIds }: { changeKey: string; opinionIds: number[] }) =>
      api.put<Redline>(`/api/plans/${planId}/versions/${to}/links`, { changeKey, opinionIds, from }),
    onSuccess: (view) => queryClient.setQueryData(redlineKey(planId, from, to), view),
  });
}

/** A revised version of the plan: pasted text (JSON) or an uploaded file (multipart). */
export function useCreateVersion(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; filename: string } | { file: File }) => {
      if ('file' in input) {
        const form = new FormData();
        form.append('file', input.file, input.file.name);
        return api.post<NewVersionResult>(`/api/plans/${planId}/versions`, form);
      }
      return api.post<NewVersionResult>(`/api/plans/${planId}/versions`, input);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export type Notice = Notification;

export const NOTICES_KEY = ['notifications'] as const;

export function useNotices() {
  return useQuery({
    queryKey: NOTICES_KEY,
    queryFn: async () => (await api.get<{ notifications: Notice[] }>('/api/notifications')).notifications,
  });
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => api.post<{ marked: number }>('/api/notifications/read', { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}

export function usePublicNotice(id: number | null) {
  return useQuery({
    queryKey: ['public', 'consultations', id ?? 0] as const,
    queryFn: () => api.get<PublicNotice>(`/api/public/consultations/${id}`),
    enabled: id !== null,
  });
}

/** 提交签发: the reporter hands the draft to the unit's signatory. */
export function useSubmitReply(consultationId: number) {
  const refresh = useRefreshConsultation(consultationId);
  return useMutation({ mutationFn: (replyId: number) => api.post<Reply>(`/api/replies/${replyId}/submit`), onSuccess: refresh });
}

/** 退回: the signatory sends a submitted draft back to the reporter, with a reason. */
export function useReturnReply(consultationId: number) {
  const refresh = useRefreshConsultation(consultationId);
  return useMutation({
    mutationFn: ({ replyId, comment }: { replyId: number; comment: string }) => api.post<Reply>(`/api/replies/${replyId}/return`, { comment }),
    onSuccess: refresh,
  });
}

/** Resolve a lost quote (link or acknowledge) or reopen an acknowledged one; the answer is the redline as it now stands. */
export function useResolveQuote(planId: number, from: number, to: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opinionId, input }: { opinionId: number; input: ResolveQuoteInput | null }) => {
      const path = `/api/plans/${planId}/versions/${to}/lost-quotes/${opinionId}`;
      return input === null ? api.delete<Redline>(`${path}${query({ from })}`) : api.post<Redline>(path, { ...input, from });
    },
    onSuccess: (view) => queryClient.setQueryData(redlineKey(planId, from, to), view),
  });
}
