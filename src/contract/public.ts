import { z } from 'zod';
import { indicatorSchema, indicatorValueSchema } from './indicators.js';
import { storedValue } from './registers.js';

// The public portal's shapes: only what the office published.

export const publicOverviewSchema = z.strictObject({
  updatedAt: z.string().nullable(),
  registers: z.array(
    z.strictObject({
      id: z.number().int(),
      name: z.string(),
      snapshots: z.array(z.strictObject({ id: z.number().int(), label: z.string(), rowCount: z.number().int(), publishedAt: z.string() })),
    }),
  ),
  indicators: z.array(indicatorSchema),
  notices: z.array(z.strictObject({ id: z.number().int(), title: z.string(), publishedAt: z.string() })),
});

export const publicSnapshotSchema = z.strictObject({
  id: z.number().int(),
  registerName: z.string(),
  label: z.string(),
  publishedAt: z.string(),
  fields: z.array(z.strictObject({ name: z.string(), nameEn: z.string().optional(), type: z.string() })),
  rows: z.array(z.array(storedValue)),
});

export const publicParams = z.object({ id: z.coerce.number().int().positive() });
export const publicValuesQuery = z.object({
  period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/).optional(),
  level: z.enum(['province', 'prefecture', 'county']).optional(),
});
export const publicValuesResponse = z.array(indicatorValueSchema);
export const mapResponse = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).passthrough();
export const publicUnitsResponse = z.array(z.strictObject({ id: z.number().int(), name: z.string(), kind: z.string(), divisionCode: z.string().nullable() }));

export type PublicOverview = z.infer<typeof publicOverviewSchema>;
export type PublicSnapshot = z.infer<typeof publicSnapshotSchema>;
