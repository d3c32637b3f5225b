import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from '../../api';
import type {
  allocationResponse,
  attachmentView,
  cityLedger,
  indicatorPage,
  noticeView,
  openRoundBody,
  overview,
  reportPage,
  reportView,
  roundList,
  roundView,
  saveReportBody,
  sealResponse,
  taskDetail,
  taskListRow,
  unitLedger,
} from '../../../contract/ledger';
import type { PlanList } from '../../../contract/plans';

export type Overview = z.infer<typeof overview>;
export type TaskRow = z.infer<typeof taskListRow>;
export type TaskDetail = z.infer<typeof taskDetail>;
export type ReportView = z.infer<typeof reportView>;
export type ReportPage = z.infer<typeof reportPage>;
export type RoundList = z.infer<typeof roundList>;
export type RoundView = z.infer<typeof roundView>;
export type NoticeView = z.infer<typeof noticeView>;
export type IndicatorPage = z.infer<typeof indicatorPage>;
export type AllocationResult = z.infer<typeof allocationResponse>;
export type Attachment = z.infer<typeof attachmentView>;
export type UnitLedger = z.infer<typeof unitLedger>;
export type CityLedger = z.infer<typeof cityLedger>;
export type OpenRoundInput = z.input<typeof openRoundBody>;
export type SaveReportInput = z.input<typeof saveReportBody>;
export type SealResult = z.infer<typeof sealResponse>;
export type Light = TaskRow['light'];
export type NoticeLevel = NoticeView['level'];

/** The filters of GET /api/plans/:planId/tasks, as the ledger's URL carries them. */
export interface TaskFilter {
  unitId?: number | undefined;
  light?: Light | undefined;
  status?: 'open' | 'closed' | undefined;
}

// Every ledger query key starts with 'ledger', so one invalidation refreshes every view after a write.
const LEDGER = 'ledger';

export function usePublishedPlans() {
  return useQuery({
    queryKey: [LEDGER, 'plans'],
    queryFn: async () => (await api.get<PlanList>('/api/plans')).plans.filter((p) => p.stage === 'published'),
  });
}

export function useOverview(planId: number | null) {
  return useQuery({ queryKey: [LEDGER, 'overview', planId], queryFn: () => api.get<Overview>(`/api/plans/${planId}/overview`), enabled: planId !== null });
}

export function useTasks(planId: number | null, filter: TaskFilter) {
  return useQuery({
    queryKey: [LEDGER, 'tasks', planId, filter],
    queryFn: () => api.get<TaskRow[]>(`/api/plans/${planId}/tasks${query({ ...filter })}`),
    enabled: planId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: number) {
  return useQuery({ queryKey: [LEDGER, 'task', id], queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`) });
}

export function useMyLedger(planId: number | null, enabled: boolean) {
  return useQuery({ queryKey: [LEDGER, 'mine', planId], queryFn: () => api.get<UnitLedger>(`/api/plans/${planId}/my-ledger`), enabled: planId !== null && enabled });
}

export function useCityLedger(planId: number | null, unitId: number | null) {
  return useQuery({
    queryKey: [LEDGER, 'city', planId, unitId],
    queryFn: () => api.get<CityLedger>(`/api/plans/${planId}/cities/${unitId}`),
    enabled: planId !== null && unitId !== null,
  });
}

export function useRounds(planId: number | null) {
  return useQuery({ queryKey: [LEDGER, 'rounds', planId], queryFn: () => api.get<RoundList>(`/api/plans/${planId}/rounds`), enabled: planId !== null });
}

export function useRound(id: number) {
  return useQuery({ queryKey: [LEDGER, 'round', id], queryFn: () => api.get<RoundView>(`/api/rounds/${id}`) });
}

function reportPath(roundId: number, taskId: number): string {
  return `/api/rounds/${roundId}/tasks/${taskId}/report`;
}

export function useReport(roundId: number, taskId: number, unitId: number | null) {
  return useQuery({
    queryKey: [LEDGER, 'report', roundId, taskId, unitId],
    queryFn: () => api.get<ReportPage>(`${reportPath(roundId, taskId)}${query({ unitId })}`),
  });
}

export function useIndicator(id: number | null) {
  return useQuery({ queryKey: [LEDGER, 'indicator', id], queryFn: () => api.get<IndicatorPage>(`/api/indicators/${id}`), enabled: id !== null });
}

/** A write on the ledger: on success every ledger view is fetched again (lights and counts move together). */
function useLedgerWrite<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: [LEDGER] }) });
}

export const useAcknowledge = (taskId: number) => useLedgerWrite(() => api.post(`/api/tasks/${taskId}/acknowledge`));
export const useAllocate = (indicatorId: number) =>
  useLedgerWrite((allocations: { unitId: number; value: number }[]) => api.put<AllocationResult>(`/api/indicators/${indicatorId}/allocations`, { allocations }));
export const useCloseTask = (taskId: number) => useLedgerWrite((comment: string) => api.post(`/api/tasks/${taskId}/close`, { comment }));
export const useReopenTask = (taskId: number) => useLedgerWrite((reason: string) => api.post(`/api/tasks/${taskId}/reopen`, { reason }));
export const useOverrideLight = (taskId: number) => useLedgerWrite((input: { light: Light; reason: string }) => api.post(`/api/tasks/${taskId}/light-override`, input));
export const useIssueNotice = (taskId: number) =>
  useLedgerWrite((input: { level: NoticeLevel; text: string; answerBy: string; unitId?: number | undefined }) => api.post<{ id: number }>(`/api/tasks/${taskId}/notices`, input));
export const useAnswerNotice = () => useLedgerWrite((input: { id: number; text: string }) => api.post<NoticeView>(`/api/notices/${input.id}/answer`, { text: input.text }));
export const useCloseNotice = () => useLedgerWrite((id: number) => api.post<NoticeView>(`/api/notices/${id}/close`));
export const useOpenRound = (planId: number) => useLedgerWrite((input: OpenRoundInput) => api.post<{ id: number }>(`/api/plans/${planId}/rounds`, input));
export const useSaveReport = (roundId: number, taskId: number) => useLedgerWrite((input: SaveReportInput) => api.put<ReportView>(reportPath(roundId, taskId), input));
export const useSubmitReport = (roundId: number, taskId: number) => useLedgerWrite(() => api.post<SealResult>(`${reportPath(roundId, taskId)}/submit`, {}));
export const useReviewReport = (roundId: number, taskId: number) =>
  useLedgerWrite((input: { accept: boolean; comment?: string | undefined; unitId: number }) => api.post<ReportView>(`${reportPath(roundId, taskId)}/review`, input));
export const useUploadEvidence = (reportId: number) =>
  useLedgerWrite((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<Attachment>(`/api/reports/${reportId}/attachments`, form);
  });
export const useRemoveAttachment = () => useLedgerWrite((id: number) => api.delete(`/api/attachments/${id}`));

/** Downloads the other helper's exports (task ledger workbook, round bulletin) point at. */
export const ledgerWorkbookUrl = (planId: number) => `/api/plans/${planId}/ledger.xlsx`;
export const bulletinUrl = (roundId: number) => `/api/rounds/${roundId}/bulletin.docx`;
