import { z } from 'zod';
import { LIGHTS } from '../domain/lights.js';
import { indicatorSchema, indicatorValueSchema } from './indicators.js';
import { storedValue } from './registers.js';

// The public portal's shapes: only what the office published.

const lightCounts = z.strictObject({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() });

/** What the public pages show of a plan's tasks: their light and completion, or completion only. */
export const PLAN_PUBLICATION_CONTENTS = ['lights', 'completion'] as const;
export const planPublicationContent = z.enum(PLAN_PUBLICATION_CONTENTS);

/** A plan whose progress is public, as listed on the portal. */
export const publicPlanSummarySchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  /** The published (印发) version the tasks come from. */
  version: z.number().int(),
  show: planPublicationContent,
  /** When the data shown last changed (a report accepted, a task closed, the publication set …). */
  updatedAt: z.string(),
  tasks: z.number().int(),
  closed: z.number().int(),
  /** Mean completion over the tasks (a closed task counts 100, one with no accepted report 0). */
  percent: z.number().nullable(),
});

export const publicPlanTaskSchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  leadUnit: z.string().nullable(),
  dueDate: z.string(),
  /** Null when the office publishes completion only. */
  light: z.enum(LIGHTS).nullable(),
  /** The lead unit's latest accepted percent; null before any is accepted. */
  percent: z.number().nullable(),
  closed: z.boolean(),
});

export const publicPlanSchema = publicPlanSummarySchema.extend({
  publishedAt: z.string().nullable(),
  /** Counts by light; null when the office publishes completion only. */
  lights: lightCounts.nullable(),
  sections: z.array(
    z.strictObject({
      title: z.string(),
      percent: z.number().nullable(),
      lights: lightCounts.nullable(),
      tasks: z.array(publicPlanTaskSchema),
    }),
  ),
  /** The plan's consultations whose adoption notice (意见采纳情况) is published. */
  notices: z.array(z.strictObject({ id: z.number().int(), title: z.string(), publishedAt: z.string() })),
});

/** The office's side: whether a plan's progress is public, and what it shows. */
export const planPublicationSchema = z.strictObject({
  planId: z.number().int(),
  published: z.boolean(),
  show: planPublicationContent.nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const planPublicationBody = z.object({ show: planPublicationContent.default('lights') });
export const publicPlansResponse = z.array(publicPlanSummarySchema);

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
  /** Plans whose progress the office made public. */
  plans: z.array(publicPlanSummarySchema),
});

export const publicSnapshotSchema = z.strictObject({
  id: z.number().int(),
  registerName: z.string(),
  label: z.string(),
  publishedAt: z.string(),
  fields: z.array(z.strictObject({ name: z.string(), nameEn: z.string().optional(), type: z.string() })),
  rows: z.array(z.array(storedValue)),
  /** With `page`: the snapshot's row count, and the page given back. */
  total: z.number().int().optional(),
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
});
export const publicSnapshotQuery = z.object({
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(500).optional(),
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
export type PublicPlan = z.infer<typeof publicPlanSchema>;
export type PublicPlanSummary = z.infer<typeof publicPlanSummarySchema>;
export type PlanPublication = z.infer<typeof planPublicationSchema>;
