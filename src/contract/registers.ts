import { z } from 'zod';
import { XLSX_TYPE, fileResponse } from './common.js';
import { registerDefinitionSchema } from '../domain/register-definition.js';

// Request and response shapes of the registers API. The web app takes its types from here.

export const registerParams = z.object({ id: z.coerce.number().int().positive() });
export const rowParams = z.object({ id: z.coerce.number().int().positive(), rowId: z.coerce.number().int().positive() });

export const storedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const rowValuesSchema = z.record(z.string(), storedValue);

export const registerSummarySchema = z.strictObject({ id: z.number().int(), key: z.string(), name: z.string(), rowCount: z.number().int() });
export const registerListResponse = z.array(registerSummarySchema);

export const registerViewSchema = z.strictObject({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  definition: registerDefinitionSchema,
  rowCount: z.number().int(),
  permissions: z.strictObject({
    define: z.boolean(),
    import: z.boolean(),
    evaluate: z.boolean(),
    publish: z.boolean(),
    write: z.enum(['all', 'region', 'none']),
  }),
});

/**
 * Filters: `f.<field name>=value` for exact values, `f.<field name>.from=` and `.to=` for
 * inclusive ranges of date (YYYY-MM-DD) and number fields, besides the named parameters.
 */
export const rowsQuery = z
  .object({
    page: z.coerce.number().int().positive().max(1_000_000).optional(),
    pageSize: z.coerce.number().int().positive().max(500).optional(),
    sort: z.string().max(40).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    q: z.string().max(100).optional(),
    region: z.coerce.number().int().positive().optional(),
  })
  .catchall(z.string().max(200));

/** The export's query: the rows page's, and `all=true` for every row (a region's user gets its own by default). */
export const exportQuerySchema = rowsQuery.extend({ all: z.enum(['true', 'false']).optional() });

export const rowSchema = z.strictObject({ id: z.number().int(), values: rowValuesSchema, version: z.number().int(), canEdit: z.boolean() });
export const rowsResponse = z.strictObject({ rows: z.array(rowSchema), total: z.number().int() });

export const patchRowBody = z.object({
  values: z.record(z.string().max(40), storedValue),
  version: z.number().int().positive().optional(),
});

export const historyResponse = z.array(
  z.strictObject({
    changeId: z.number().int(),
    kind: z.string(),
    at: z.string(),
    actor: z.string(),
    /** The person's name (the login for the system or a removed account). */
    actorName: z.string(),
    auditSeq: z.number().int().nullable(),
    before: rowValuesSchema.nullable(),
    after: rowValuesSchema.nullable(),
  }),
);

export const importQuery = z.object({
  mode: z.enum(['atomic', 'partial']).default('atomic'),
  /** ndjson: stream progress lines, then the result (or the error) as the last line; see importProgressLine. */
  progress: z.enum(['ndjson']).optional(),
});

/**
 * One line of a streamed import (`?progress=ndjson`, Content-Type application/x-ndjson): progress
 * lines while the server reads, checks and writes, then exactly one `result` (the same object
 * as the plain answer) or one `error` (the same body as an error answer, with its HTTP status).
 */
export const importProgressLine = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('progress'),
    /** checking: the file is being inspected; rows: rows read so far; finishing: roll-ups and commit. */
    phase: z.enum(['checking', 'rows', 'finishing']),
    rowsRead: z.number().int(),
    /** The sheet's declared last row less the header; 0 when the file does not say (never below rowsRead). */
    rowsExpected: z.number().int(),
  }),
  z.strictObject({ type: z.literal('result'), result: z.lazy(() => importResponse) }),
  z.strictObject({ type: z.literal('error'), status: z.number().int(), error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }) }),
]);
export type ImportProgressLine = z.infer<typeof importProgressLine>;

export const importResponse = z.strictObject({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.strictObject({ row: z.number().int(), column: z.string(), value: storedValue, message: z.string() })),
});

export const xlsxResponse = fileResponse('an .xlsx workbook', XLSX_TYPE);

export const defineRegisterBody = z.object({ definition: z.unknown() });
export const invalidRowSchema = z.strictObject({
  id: z.number().int(),
  /** The row's unique key as the rows page shows it: its key fields' values (under the definition in force), joined by " / ". */
  key: z.string(),
  /**
   * The row's line number in an export of every row, unfiltered and unsorted (the office's
   * `export.xlsx`, or `?all=true` for a region's user): the header is line 1 and rows follow in
   * the order they were added. A filtered or sorted export numbers its lines differently.
   */
  excelRow: z.number().int(),
  issues: z.array(
    z.strictObject({
      column: z.string(),
      /** The field's column letter in the template and the export under the new definition (A for the first field). */
      excelColumn: z.string(),
      value: storedValue,
      message: z.string(),
    }),
  ),
});
export const defineRegisterResponse = z.strictObject({
  register: registerViewSchema,
  /** Rows that the new definition no longer accepts (at most 1,000 listed), in export order. */
  invalidRows: z.array(invalidRowSchema),
  invalidCount: z.number().int(),
  /**
   * Fields the new definition drops while existing rows hold a value for them (blank values do
   * not count): those values stop showing at once and are lost when each row is next written.
   */
  removedFields: z.array(z.strictObject({ name: z.string(), rowsWithValue: z.number().int() })),
});

export type RegisterSummary = z.infer<typeof registerSummarySchema>;
export type RegisterView = z.infer<typeof registerViewSchema>;
export type RegisterRow = z.infer<typeof rowSchema>;
export type RowsResponse = z.infer<typeof rowsResponse>;
export type RowHistory = z.infer<typeof historyResponse>;
export type ImportResponse = z.infer<typeof importResponse>;
export type DefineRegisterResponse = z.infer<typeof defineRegisterResponse>;
export type RegisterDefinitionView = RegisterView['definition'];

const gradeSchema = z.enum(['excellent', 'pass', 'warning', 'fail']);
export const evaluationParams = z.object({ id: z.coerce.number().int().positive() });
export const evaluationSummarySchema = z.strictObject({
  id: z.number().int(),
  registerId: z.number().int(),
  year: z.number().int(),
  criteria: z.array(z.strictObject({ key: z.string(), name: z.string(), weight: z.number() })),
  thresholds: z.strictObject({ excellent: z.number(), pass: z.number(), warning: z.number() }),
  status: z.enum(['open', 'confirmed', 'published']),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  snapshotId: z.number().int().nullable(),
});
export const evaluationSchema = evaluationSummarySchema.extend({
  scores: z.array(
    z.strictObject({
      rowId: z.number().int(),
      name: z.string(),
      scores: z.record(z.string(), z.number()),
      total: z.number(),
      grade: gradeSchema,
      statusBefore: z.string().nullable(),
      proposedStatus: z.string().nullable(),
    }),
  ),
});
export const snapshotSummarySchema = z.strictObject({ id: z.number().int(), label: z.string(), rowCount: z.number().int(), publishedAt: z.string() });
export const publishSnapshotBody = z.object({ label: z.string().trim().min(1).max(60) });

export type Evaluation = z.infer<typeof evaluationSchema>;
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;
