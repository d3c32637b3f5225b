import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { CreateIndicatorBody, Indicator, IndicatorValue } from '../../../contract/indicators';
import type { PublicOverview, PublicSnapshot } from '../../../contract/public';
import type {
  DefineRegisterResponse,
  Evaluation,
  EvaluationSummary,
  RegisterDefinitionView,
  RegisterSummary,
  RegisterView,
  RowHistory,
  RowsResponse,
  SnapshotSummary,
} from '../../../contract/registers';

export type { Indicator, IndicatorValue, PublicOverview, PublicSnapshot, Evaluation, EvaluationSummary, RegisterSummary, RegisterView, RowHistory, RowsResponse, SnapshotSummary };
export type { DefineRegisterResponse, ImportProgressLine, ImportResponse, RegisterDefinitionView, RegisterRow } from '../../../contract/registers';
export type { FiguresImportResponse } from '../../../contract/indicators';

/** What opening an evaluation year sends: the year, its criteria with weights, the grade thresholds. */
export type OpenEvaluationBody = Pick<EvaluationSummary, 'year' | 'criteria' | 'thresholds'>;
/** One row's scores as entered (the server computes the total, grade and proposal). */
export type ScoreEntry = Pick<Evaluation['scores'][number], 'rowId' | 'scores'>;
export type Grade = Evaluation['scores'][number]['grade'];
/** One figure entered by hand for an indicator. */
export type IndicatorFigure = Pick<IndicatorValue, 'unitId' | 'period' | 'value'>;

export interface Region {
  id: number;
  name: string;
  kind: string;
  divisionCode: string | null;
}

/** An inclusive range on a date (YYYY-MM-DD) or number field; either end may be open. */
export interface RowRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** What the table asks the server for: page, sort, search, region, exact-value filters and ranges. */
export interface RowsParams {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  q?: string | undefined;
  region?: number | undefined;
  filters: Record<string, string>;
  /** `f.<field>.from` / `f.<field>.to` on the server. */
  ranges?: Record<string, RowRange> | undefined;
}

export function rowsSearch(params: Omit<RowsParams, 'page' | 'pageSize'> & Partial<Pick<RowsParams, 'page' | 'pageSize'>>): string {
  const flat: Record<string, string | number | undefined> = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    order: params.sort ? params.order : undefined,
    q: params.q,
    region: params.region,
  };
  for (const [k, v] of Object.entries(params.filters)) flat[`f.${k}`] = v;
  for (const [k, r] of Object.entries(params.ranges ?? {})) {
    flat[`f.${k}.from`] = r.from || undefined;
    flat[`f.${k}.to`] = r.to || undefined;
  }
  return query(flat);
}

export const registersKey = ['registers'] as const;

export function useRegisters() {
  return useQuery({ queryKey: registersKey, queryFn: () => api.get<RegisterSummary[]>('/api/registers') });
}

export function useRegister(id: number) {
  return useQuery({ queryKey: ['registers', id], queryFn: () => api.get<RegisterView>(`/api/registers/${id}`) });
}

export function useRows(id: number, params: RowsParams) {
  return useQuery({
    queryKey: ['registers', id, 'rows', params],
    queryFn: () => api.get<RowsResponse>(`/api/registers/${id}/rows${rowsSearch(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function useRowHistory(id: number, rowId: number | null) {
  return useQuery({
    queryKey: ['registers', id, 'history', rowId],
    queryFn: () => api.get<RowHistory>(`/api/registers/${id}/rows/${rowId}/history`),
    enabled: rowId !== null,
  });
}

export function useEvaluations(id: number, enabled: boolean) {
  return useQuery({ queryKey: ['registers', id, 'evaluations'], queryFn: () => api.get<EvaluationSummary[]>(`/api/registers/${id}/evaluations`), enabled });
}

export function useEvaluation(id: number | null) {
  return useQuery({ queryKey: ['evaluations', id], queryFn: () => api.get<Evaluation>(`/api/evaluations/${id}`), enabled: id !== null });
}

export function useSnapshots(id: number) {
  return useQuery({ queryKey: ['registers', id, 'snapshots'], queryFn: () => api.get<SnapshotSummary[]>(`/api/registers/${id}/snapshots`) });
}

/** Every change to an evaluation refreshes it, the register's list of years, rows and snapshots. */
function useEvaluationRefresh(registerId: number) {
  const queryClient = useQueryClient();
  return async (evaluation: Evaluation) => {
    queryClient.setQueryData(['evaluations', evaluation.id], evaluation);
    await queryClient.invalidateQueries({ queryKey: ['registers', registerId] });
    await queryClient.invalidateQueries({ queryKey: ['indicators'] });
  };
}

export function useOpenEvaluation(registerId: number) {
  const refresh = useEvaluationRefresh(registerId);
  return useMutation({ mutationFn: (body: OpenEvaluationBody) => api.post<Evaluation>(`/api/registers/${registerId}/evaluations`, body), onSuccess: refresh });
}

export function useSaveScores(registerId: number, evaluationId: number) {
  const refresh = useEvaluationRefresh(registerId);
  return useMutation({ mutationFn: (scores: ScoreEntry[]) => api.put<Evaluation>(`/api/evaluations/${evaluationId}/scores`, { scores }), onSuccess: refresh });
}

export function useEvaluationStep(registerId: number, evaluationId: number, step: 'confirm' | 'publish') {
  const refresh = useEvaluationRefresh(registerId);
  return useMutation({ mutationFn: () => api.post<Evaluation>(`/api/evaluations/${evaluationId}/${step}`), onSuccess: refresh });
}

export function usePublishSnapshot(registerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => api.post<SnapshotSummary>(`/api/registers/${registerId}/snapshots`, { label }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registers', registerId, 'snapshots'] }),
  });
}

/** Checks (check=true: nothing saved) or saves a register's new definition. */
export function useDefineRegister(registerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ definition, check }: { definition: RegisterDefinitionView; check: boolean }) =>
      api.put<DefineRegisterResponse>(`/api/registers/${registerId}/definition${query({ check: String(check) })}`, { definition }),
    onSuccess: async (answer, { check }) => {
      if (check) return;
      queryClient.setQueryData(['registers', registerId], answer.register);
      await queryClient.invalidateQueries({ queryKey: ['registers'] });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}

export function useCreateRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: RegisterDefinitionView) => api.post<RegisterView>('/api/registers', { definition }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registersKey });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}

export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: () => api.get<Region[]>('/api/public/regions'), staleTime: Infinity });
}

export function useIndicators() {
  return useQuery({ queryKey: ['indicators'], queryFn: () => api.get<Indicator[]>('/api/indicators') });
}

export function useIndicatorValues(id: number | null, period: string | null, publicOnly = false) {
  const base = publicOnly ? '/api/public/indicators' : '/api/indicators';
  return useQuery({
    queryKey: ['indicators', id, 'values', period, publicOnly],
    queryFn: () => api.get<IndicatorValue[]>(`${base}/${id}/values${query({ period: period ?? undefined })}`),
    enabled: id !== null,
  });
}

/** An indicator's figures at one level (the province's total line on the time series). */
export function useIndicatorLevelValues(id: number | null, level: 'province' | 'prefecture') {
  return useQuery({
    queryKey: ['indicators', id, 'values', 'level', level],
    queryFn: () => api.get<IndicatorValue[]>(`/api/indicators/${id}/values${query({ level })}`),
    enabled: id !== null,
  });
}

export function useCreateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIndicatorBody) => api.post<Indicator>('/api/indicators', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function useSetIndicatorPublic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, published }: { id: number; published: boolean }) => api.put<Indicator>(`/api/indicators/${id}/public`, { public: published }),
    onSuccess: (indicator) => {
      queryClient.setQueryData<Indicator[]>(['indicators'], (list) => list?.map((i) => (i.id === indicator.id ? indicator : i)));
      void queryClient.invalidateQueries({ queryKey: ['public'] });
    },
  });
}

export function useSetIndicatorValues(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: IndicatorFigure[]) => api.put<{ changed: number }>(`/api/indicators/${id}/values`, { values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

export function usePublicOverview() {
  return useQuery({ queryKey: ['public', 'overview'], queryFn: () => api.get<PublicOverview>('/api/public/overview') });
}

export function usePublicSnapshot(id: number | null) {
  return useQuery({ queryKey: ['public', 'snapshot', id], queryFn: () => api.get<PublicSnapshot>(`/api/public/snapshots/${id}`), enabled: id !== null });
}
