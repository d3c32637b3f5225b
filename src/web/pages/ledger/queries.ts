import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query, uploadWithProgress } from '../../api';
import type {
  addTaskBody,
  allocationResponse,
  attachmentView,
  cityLedger,
  indicatorPage,
  lightRules,
  noticeView,
  openRoundBody,
  overview,
  pendingAcknowledgements,
  publishBody,
  publishResponse,
  remindResponse,
  reportPage,
  reportView,
  roundList,
  roundView,
  saveReportBody,
  sealResponse,
  splitResponse,
  taskChange,
  taskDetail,
  taskListRow,
  unitLedger,
  updateTaskBody,
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
export type PublishInput = NonNullable<z.input<typeof publishBody>>;
export type PublishResult = z.infer<typeof publishResponse>;
export type TaskChange = z.infer<typeof taskChange>;
export type AddTaskInput = z.input<typeof addTaskBody>;
export type UpdateTaskInput = z.input<typeof updateTaskBody>;
export type LightRules = z.infer<typeof lightRules>;
export type PendingAcknowledgements = z.infer<typeof pendingAcknowledgements>;
export type RemindResult = z.infer<typeof remindResponse>;
export type SplitResult = z.infer<typeof splitResponse>;
export type Light = TaskRow['light'];
export type NoticeLevel = NoticeView['level'];

/** The filters of GET /api/plans/:planId/tasks, as the ledger's URL carries them. */
export interface TaskFilter {
  unitId?: number | undefined;
  light?: Light | undefined;
  status?: 'open' | 'closed' | undefined;
  /** A section's ordinal (0: tasks outside every section); the server filters by it where it can, the list always does. */
  section?: number | undefined;
}

/** Narrower views of a unit's rows the list makes from what it has (no server filter for them yet). */
export interface RowFilter {
  /** Only the tasks `unitId` leads. */
  lead?: boolean | undefined;
  /** Only the tasks `unitId` has (yes) or has not (no) acknowledged. */
  ack?: 'yes' | 'no' | undefined;
}

/** The query the API takes for a filter: `section` only as a positive ordinal. */
function serverFilter(filter: TaskFilter): Record<string, string | number | undefined> {
  return { unitId: filter.unitId, light: filter.light, status: filter.status, section: filter.section && filter.section > 0 ? filter.section : undefined };
}

// Every ledger query key starts with 'ledger', so one invalidation refreshes every view after a write.
const LEDGER = 'ledger';

const planList = () => api.get<PlanList>('/api/plans');

export function usePublishedPlans() {
  return useQuery({ queryKey: [LEDGER, 'plans'], queryFn: planList, select: (list) => list.plans.filter((p) => p.stage === 'published') });
}

/**
 * Whether the reader may change what the plan's owner decides for the whole plan (its light
 * rules): the API's own flag for the provincial plans (`allowed.import`, the provincial office).
 */
export function useMayGovernPlans() {
  return useQuery({ queryKey: [LEDGER, 'plans'], queryFn: planList, select: (list) => list.allowed.import });
}

export function useOverview(planId: number | null) {
  return useQuery({ queryKey: [LEDGER, 'overview', planId], queryFn: () => api.get<Overview>(`/api/plans/${planId}/overview`), enabled: planId !== null });
}

export function useTasks(planId: number | null, filter: TaskFilter) {
  return useQuery({
    queryKey: [LEDGER, 'tasks', planId, filter],
    queryFn: () => api.get<TaskRow[]>(`/api/plans/${planId}/tasks${query(serverFilter(filter))}`),
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

/** Units that have not acknowledged their tasks (an office's question; others are not asked). */
export function usePendingAcknowledgements(planId: number, enabled: boolean) {
  return useQuery({ queryKey: [LEDGER, 'acks', planId], queryFn: () => api.get<PendingAcknowledgements>(`/api/plans/${planId}/acknowledgements`), enabled });
}

/** The plan's light rules as they apply (its own, or the defaults). */
export function useLightRules(planId: number) {
  return useQuery({
    queryKey: [LEDGER, 'light-rules', planId],
    queryFn: () => api.get<LightRules>(`/api/plans/${planId}/light-rules`),
    staleTime: Infinity,
  });
}

export function useSetLightRules(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: LightRules) => api.put<LightRules>(`/api/plans/${planId}/light-rules`, rules),
    onSuccess: async (rules) => {
      queryClient.setQueryData([LEDGER, 'light-rules', planId], rules);
      // Every light may change with the thresholds.
      await queryClient.invalidateQueries({ queryKey: [LEDGER], predicate: (q) => q.queryKey[1] !== 'light-rules' });
    },
  });
}

/** 印发: the plan's stage changes too, so every plan view is fetched again as well as the ledger. */
export function usePublish(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) => api.post<PublishResult>(`/api/plans/${planId}/publish`, input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** 销号 evidence for a task, with the share sent so far (0–1) while it uploads. */
export function useUploadTaskEvidence(taskId: number, onProgress: (share: number) => void) {
  return useLedgerWrite((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return uploadWithProgress<Attachment>(`/api/tasks/${taskId}/attachments`, form, onProgress);
  });
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
/** 按条款拆分: the task is gone afterwards, so its own view is dropped rather than fetched again. */
export function useSplitTask(taskId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SplitResult>(`/api/tasks/${taskId}/split`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [LEDGER, 'task', taskId] });
      return queryClient.invalidateQueries({ queryKey: [LEDGER], predicate: (q) => !(q.queryKey[1] === 'task' && q.queryKey[2] === taskId) });
    },
  });
}
export const useUpdateTask = (taskId: number) => useLedgerWrite((input: UpdateTaskInput) => api.patch<{ id: number }>(`/api/tasks/${taskId}`, input));
export const useAddTask = (planId: number) => useLedgerWrite((input: AddTaskInput) => api.post<{ id: number }>(`/api/plans/${planId}/tasks`, input));
export const useMergeTasks = (planId: number) =>
  useLedgerWrite((input: { taskIds: number[]; title?: string | undefined }) => api.post<{ id: number }>(`/api/plans/${planId}/tasks/merge`, input));
export const useRemind = (planId: number) => useLedgerWrite((unitIds: number[] | undefined) => api.post<RemindResult>(`/api/plans/${planId}/acknowledgements/remind`, unitIds ? { unitIds } : {}));
export const useNextRound = () => useLedgerWrite((roundId: number) => api.post<{ id: number }>(`/api/rounds/${roundId}/next`));
export const useRemoveAttachment = () => useLedgerWrite((id: number) => api.delete(`/api/attachments/${id}`));

/** Downloads the other helper's exports (task ledger workbook, round bulletin) point at. */
/** The 任务台账 workbook; with the list's filters it holds the rows the list shows (GET …/tasks takes the same ones). */
export const ledgerWorkbookUrl = (planId: number, filter: TaskFilter = {}) => `/api/plans/${planId}/ledger.xlsx${query(serverFilter(filter))}`;
export const bulletinUrl = (roundId: number) => `/api/rounds/${roundId}/bulletin.docx`;
