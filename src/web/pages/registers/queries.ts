import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { Indicator, IndicatorValue } from '../../../contract/indicators';
import type { PublicOverview, PublicSnapshot } from '../../../contract/public';
import type { EvaluationSummary, RegisterSummary, RegisterView, RowHistory, RowsResponse } from '../../../contract/registers';

export type { Indicator, IndicatorValue, PublicOverview, PublicSnapshot, EvaluationSummary, RegisterSummary, RegisterView, RowHistory, RowsResponse };
export type { ImportResponse, RegisterRow } from '../../../contract/registers';

export interface Region {
  id: number;
  name: string;
  kind: string;
  divisionCode: string | null;
}

/** What the table asks the server for: page, sort, search, region and exact-value filters. */
export interface RowsParams {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  q?: string | undefined;
  region?: number | undefined;
  filters: Record<string, string>;
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

export function usePublicOverview() {
  return useQuery({ queryKey: ['public', 'overview'], queryFn: () => api.get<PublicOverview>('/api/public/overview') });
}

export function usePublicSnapshot(id: number | null) {
  return useQuery({ queryKey: ['public', 'snapshot', id], queryFn: () => api.get<PublicSnapshot>(`/api/public/snapshots/${id}`), enabled: id !== null });
}
