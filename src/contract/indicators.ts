import { z } from 'zod';
import { XLSX_TYPE, fileResponse } from './common.js';

export const indicatorParams = z.object({ id: z.coerce.number().int().positive() });

export const indicatorSchema = z.strictObject({
  id: z.number().int(),
  key: z.string().nullable(),
  name: z.string(),
  unit: z.string(),
  source: z.string(),
  comparator: z.string().nullable(),
  target: z.number().nullable(),
  year: z.number().int().nullable(),
  registerId: z.number().int().nullable(),
  planId: z.number().int().nullable(),
  public: z.boolean(),
  updatedAt: z.string(),
});
export const indicatorListResponse = z.array(indicatorSchema);

export const valuesQuery = z.object({
  by: z.enum(['region']).default('region'),
  period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/).optional(),
  level: z.enum(['province', 'prefecture', 'county']).optional(),
});

export const indicatorValueSchema = z.strictObject({
  unitId: z.number().int(),
  period: z.string(),
  value: z.number(),
  target: z.number().optional(),
  source: z.string(),
});
export const valuesResponse = z.array(indicatorValueSchema);

export const createIndicatorBody = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/).optional(),
  name: z.string().trim().min(1).max(100),
  unit: z.string().trim().min(1).max(20),
  target: z.number().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  public: z.boolean().optional(),
});

export const setValuesBody = z.object({
  values: z.array(z.object({ unitId: z.number().int().positive(), period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/), value: z.number().finite() })).min(1).max(5000),
});
export const setValuesResponse = z.strictObject({ changed: z.number().int() });
export const publishBody = z.object({ public: z.boolean() });

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;
export type CreateIndicatorBody = z.input<typeof createIndicatorBody>;

/** A figure sheet's import (statistics or scores): atomic writes nothing on any bad line. */
export const figuresImportQuery = z.object({ mode: z.enum(['atomic', 'partial']).default('atomic') });
export const figuresImportResponse = z.strictObject({
  changed: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** Lines with nothing where the figures go (a partly filled template): neither read nor refused. */
  skipped: z.number().int(),
  errors: z.array(z.strictObject({ row: z.number().int(), column: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]), message: z.string() })),
});
export const valuesTemplateQuery = z.object({ period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/).optional() });
export const figuresXlsxResponse = fileResponse('an .xlsx workbook', XLSX_TYPE);
export type FiguresImportResponse = z.infer<typeof figuresImportResponse>;
