import { z } from 'zod';
import { LIGHTS } from '../domain/lights.js';
import { NOTICE_LEVELS } from '../domain/notice-escalation.js';

/**
 * Request and response shapes of the ledger API (tasks, rounds, reports, indicators,
 * notices, overview). The web app takes its types from here (`z.infer`).
 */
const id = z.number().int();
const positiveId = z.coerce.number().int().positive();
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'date: not a real date');
const light = z.enum(LIGHTS);
const lightCounts = z.strictObject({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() });
const params = z.record(z.string(), z.union([z.string(), z.number()]));

// ---- params and queries
export const planParams = z.object({ planId: positiveId });
export const roundTaskParams = z.object({ roundId: positiveId, taskId: positiveId });
export const taskListQuery = z.object({
  unitId: positiveId.optional(),
  light: light.optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** The section's ordinal (一、二、… are 1, 2, …). */
  section: positiveId.optional(),
  ownerUnitId: positiveId.optional(),
});
/** The 任务台账 export takes exactly the task list's filters, so any filtered list exports the same way. */
export const ledgerExportQuery = taskListQuery;
export const roundParams = z.object({ roundId: positiveId });
export const ownerQuery = z.object({ ownerUnitId: positiveId.optional() });
export const roundQuery = z.object({ unitId: positiveId.optional(), taskId: positiveId.optional() });
export const reportQuery = z.object({ unitId: positiveId.optional() });
export const noticeQuery = z.object({
  planId: positiveId.optional(),
  taskId: positiveId.optional(),
  status: z.enum(['open', 'answered', 'closed']).optional(),
});

// ---- request bodies
export const publishBody = z
  .object({
    version: z.number().int().positive().optional(),
    dueDate: isoDay.optional(),
    confirmChanges: z.boolean().optional(),
  })
  .nullish();
export const openRoundBody = z.object({
  title: z.string().trim().min(1).max(200),
  periodStart: isoDay,
  periodEnd: isoDay,
  dueDate: isoDay,
  recurrence: z.enum(['none', 'monthly', 'quarterly']).optional(),
  ownerUnitId: z.number().int().positive().optional(),
});
const text = (max: number) => z.string().max(max);
export const saveReportBody = z.object({
  progress: text(20_000).trim().min(1, 'progress: 进展情况 must not be empty'),
  problems: text(20_000).optional(),
  nextSteps: text(20_000).optional(),
  percent: z.number().min(0).max(100),
  indicators: z
    .array(z.object({ indicatorId: z.number().int().positive(), value: z.number().finite() }))
    .max(200)
    .optional(),
});
export const submitReportBody = z.object({ algorithm: z.enum(['ed25519', 'sm2']).optional() }).nullish();
/** A signatory seals several of its unit's drafts of a round at once (all of them without taskIds). */
export const submitReportsBody = z.object({ taskIds: z.array(z.number().int().positive()).min(1).max(500).optional(), algorithm: z.enum(['ed25519', 'sm2']).optional() }).nullish();
export const reviewReportBody = z.object({
  accept: z.boolean(),
  comment: text(5000).optional(),
  unitId: z.number().int().positive().optional(),
});
export const allocationsBody = z.object({
  allocations: z
    .array(z.object({ unitId: z.number().int().positive(), value: z.number().finite().min(0) }))
    .max(5000),
});
export const issueNoticeBody = z.object({
  level: z.enum(NOTICE_LEVELS),
  text: z.string().trim().min(1).max(5000),
  answerBy: isoDay,
  unitId: z.number().int().positive().optional(),
});
export const answerNoticeBody = z.object({ text: z.string().trim().min(1).max(20_000), algorithm: z.enum(['ed25519', 'sm2']).optional() });
export const closeTaskBody = z.object({ comment: z.string().trim().min(1).max(5000) });
export const reopenTaskBody = z.object({ reason: z.string().trim().min(1).max(5000) });
export const overrideBody = z.object({ light, reason: z.string().trim().min(1).max(2000) });
export const remindBody = z.object({ unitIds: z.array(z.number().int().positive()).max(5000).optional() }).nullish();
export const lightRulesBody = z.object({
  yellowBehind: z.number().min(0).max(100),
  redBehind: z.number().min(0).max(100),
  missingForRed: z.number().int().min(1).max(12),
});
const milestone = z.object({ date: isoDay, title: z.string().trim().min(1).max(200) });
export const updateTaskBody = z.object({
  dueDate: isoDay.optional(),
  milestones: z.array(milestone).max(50).optional(),
  title: z.string().trim().min(1).max(500).optional(),
});
export const addTaskBody = z.object({
  title: z.string().trim().min(1).max(500),
  text: z.string().trim().max(20_000).optional(),
  leadUnitId: z.number().int().positive(),
  cooperatingUnitIds: z.array(z.number().int().positive()).max(500).optional(),
  localityUnitIds: z.array(z.number().int().positive()).max(5000).optional(),
  dueDate: isoDay.optional(),
  /** A provincial task this is a local measure of (对照工作要点制定具体措施). */
  parentTaskId: z.number().int().positive().optional(),
  itemOrdinal: z.number().int().positive().optional(),
  indicators: z
    .array(z.object({ subject: z.string().trim().min(1).max(200), unit: z.string().trim().max(20), comparator: z.enum(['>=', '<=', '=']), target: z.number().finite() }))
    .max(50)
    .optional(),
});
export const mergeTasksBody = z.object({ taskIds: z.array(z.number().int().positive()).min(2).max(50), title: z.string().trim().min(1).max(500).optional() });

// ---- responses
export const taskUnit = z.strictObject({
  unitId: id,
  role: z.enum(['lead', 'cooperate', 'locality']),
  acknowledgedAt: z.string().nullable(),
  percent: z.number().nullable(),
});
export const taskListRow = z.strictObject({
  id,
  key: z.string(),
  itemOrdinal: id.nullable(),
  sectionOrdinal: id.nullable(),
  title: z.string(),
  leadUnitId: id.nullable(),
  unitIds: z.array(id),
  units: z.array(taskUnit),
  ownerUnitId: id,
  parentTaskId: id.nullable(),
  dueDate: z.string(),
  light,
  lightReason: z.string(),
  lightReasonCode: z.string(),
  lightParams: params,
  percent: z.number().nullable(),
  status: z.enum(['open', 'closed']),
});
/** The ledger's task list: a JSON array, as issue 7's contract names it. */
export const taskListResponse = z.array(taskListRow);

export const attachmentView = z.strictObject({
  id,
  filename: z.string(),
  mediaType: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const reportView = z.strictObject({
  id,
  roundId: id,
  taskId: id,
  unitId: id,
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  progress: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  percent: z.number(),
  indicators: z.array(z.strictObject({ indicatorId: id, value: z.number() })),
  revision: z.number().int(),
  attachments: z.array(attachmentView),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  seal: z.strictObject({ algorithm: z.string(), keyId: z.string(), signature: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  timeliness: z.enum(['pending', 'on_time', 'late', 'missing']),
});
export const reportPage = z.strictObject({
  roundId: id,
  taskId: id,
  unitId: id,
  report: reportView.nullable(),
  previous: reportView.nullable(),
  cooperating: z.array(reportView),
  can: z.strictObject({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export const sealResponse = z.strictObject({
  report: reportView,
  seal: z.strictObject({ algorithm: z.enum(['ed25519', 'sm2']), algorithmLabel: z.string(), keyId: z.string(), signature: z.string(), sealedAt: z.string(), late: z.boolean() }),
});
export const sealsResponse = z.strictObject({ submitted: z.array(sealResponse) });
export const reportVerification = z.strictObject({
  valid: z.boolean(),
  reportId: id,
  algorithm: z.string().nullable(),
  keyId: z.string().nullable(),
  sealedAt: z.string().nullable(),
  signatory: z.string().nullable(),
  reason: z.enum(['not_sealed', 'unknown_key', 'key_of_other_unit', 'signature_mismatch']).nullable(),
});

export const unitFigure = z.strictObject({ unitId: id, allocated: z.number().nullable(), own: z.number().nullable(), actual: z.number().nullable() });
export const indicatorFigures = z.strictObject({
  id,
  taskId: id.nullable(),
  subject: z.string(),
  unit: z.string(),
  comparator: z.string().nullable(),
  target: z.number().nullable(),
  year: z.number().int().nullable(),
  raw: z.string().nullable(),
  span: z.tuple([z.number().int(), z.number().int()]).nullable(),
  actual: z.number().nullable(),
  allocated: z.number(),
  remainder: z.number().nullable(),
  units: z.array(unitFigure),
});
export const indicatorPage = indicatorFigures.extend({
  level: z.strictObject({
    unitId: id,
    available: z.number().nullable(),
    childUnitIds: z.array(id),
    allocated: z.number(),
    remainder: z.number().nullable(),
    canAllocate: z.boolean(),
  }),
});
export const allocationResponse = z.strictObject({
  indicatorId: id,
  levelUnitId: id,
  target: z.number(),
  allocated: z.number(),
  remainder: z.number(),
  allocations: z.array(z.strictObject({ unitId: id, value: z.number() })),
});

export const noticeView = z.strictObject({
  id,
  taskId: id,
  taskTitle: z.string(),
  unitId: id,
  level: z.enum(NOTICE_LEVELS),
  issuedLevel: z.enum(NOTICE_LEVELS),
  escalations: z.number().int(),
  status: z.enum(['open', 'answered', 'closed']),
  overdue: z.boolean(),
  text: z.string(),
  answerBy: z.string(),
  issuedAnswerBy: z.string(),
  issuedAt: z.string(),
  answer: z
    .object({
      text: z.string(),
      answeredAt: z.string(),
      signatory: z.string().nullable(),
      algorithm: z.string().nullable(),
      keyId: z.string().nullable(),
      signature: z.string().nullable(),
    })
    .nullable(),
  closedAt: z.string().nullable(),
});
export const noticeList = z.strictObject({ notices: z.array(noticeView) });

export const taskDetail = taskListRow.extend({
  versionNumber: z.number().int(),
  clauseIndex: z.number().int().nullable(),
  position: z.number().int(),
  origin: z.string(),
  text: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]).nullable(),
  milestones: z.array(z.strictObject({ date: z.string(), title: z.string() })),
  closedAt: z.string().nullable(),
  closedComment: z.string().nullable(),
  publishedAt: z.string(),
  planId: id,
  expected: z.number(),
  override: z.strictObject({ light, reason: z.string(), createdAt: z.string() }).nullable(),
  indicators: z.array(indicatorFigures),
  reports: z.array(reportView),
  lightHistory: z.array(z.strictObject({ roundId: id, title: z.string(), dueDate: z.string(), light, lightReason: z.string(), lightReasonCode: z.string() })),
  notices: z.array(noticeView),
  evidence: z.array(attachmentView),
  children: z.array(z.strictObject({ id, title: z.string(), ownerUnitId: id, status: z.string() })),
  can: z.strictObject({ manage: z.boolean(), acknowledge: z.boolean(), report: z.boolean() }),
});
export const taskState = z.strictObject({ id, status: z.enum(['open', 'closed']), closedAt: z.string().nullable(), closedComment: z.string().nullable() });

export const taskChange = z.strictObject({
  key: z.string(),
  taskId: id.nullable(),
  itemOrdinal: id.nullable(),
  kind: z.enum(['added', 'changed', 'removed', 'kept']),
  fields: z.array(z.enum(['title', 'text', 'units', 'targets', 'section'])),
  hasReports: z.boolean(),
});
export const publishResponse = z.strictObject({
  planId: id,
  version: z.number().int(),
  stage: z.literal('published'),
  publishedAt: z.string(),
  tasks: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  changes: z.array(taskChange),
  firstPublication: z.boolean(),
});

export const roundRow = z.strictObject({
  id,
  planId: id,
  ownerUnitId: id,
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  period: z.string(),
  dueDate: z.string(),
  recurrence: z.string(),
  createdAt: z.string(),
});
export const roundList = z.strictObject({ rounds: z.array(roundRow), allowed: z.strictObject({ open: z.boolean() }) });
export const roundView = roundRow.extend({
  counts: z.strictObject({
    expected: z.number().int(),
    submitted: z.number().int(),
    accepted: z.number().int(),
    returned: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
  }),
  rows: z.array(
    z.strictObject({
      taskId: id,
      unitId: id,
      role: z.string(),
      reportId: id.nullable(),
      status: z.enum(['none', 'draft', 'submitted', 'returned', 'accepted']),
      timeliness: z.enum(['pending', 'on_time', 'late', 'missing']),
      percent: z.number().nullable(),
      firstSubmittedAt: z.string().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export const createdId = z.strictObject({ id });

const listEntry = z.strictObject({ taskId: id, title: z.string(), leadUnitId: id.nullable(), percent: z.number().nullable(), reason: z.string(), reasonCode: z.string() });
export const overview = z.strictObject({
  planId: id,
  title: z.string(),
  stage: z.string(),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  ownerUnitId: id,
  asOf: z.string(),
  tasks: z.number().int(),
  lights: lightCounts,
  closed: z.number().int(),
  bySection: z.array(z.strictObject({ section: id.nullable(), title: z.string(), tasks: z.number().int(), closed: z.number().int(), percent: z.number().nullable(), lights: lightCounts })),
  byUnit: z.array(
    z.strictObject({
      unitId: id,
      tasks: z.number().int(),
      lead: z.number().int(),
      closed: z.number().int(),
      percent: z.number().nullable(),
      acknowledged: z.number().int(),
      late: z.number().int(),
      missing: z.number().int(),
    }),
  ),
  redList: z.array(listEntry),
  yellowList: z.array(listEntry),
  latestRound: z.strictObject({ id, title: z.string(), dueDate: z.string(), late: z.number().int(), missing: z.number().int() }).nullable(),
  lateReports: z.array(z.strictObject({ roundId: id, taskId: id, unitId: id, timeliness: z.enum(['late', 'missing']), firstSubmittedAt: z.string().nullable() })),
  openNotices: z.array(
    z.strictObject({ id, taskId: id, unitId: id, level: z.enum(NOTICE_LEVELS), escalations: z.number().int(), answerBy: z.string(), overdue: z.boolean(), status: z.string() }),
  ),
  indicators: z.array(
    z.strictObject({ id, taskId: id.nullable(), subject: z.string(), unit: z.string(), comparator: z.string().nullable(), target: z.number().nullable(), actual: z.number().nullable(), allocated: z.number() }),
  ),
  rounds: z.array(z.strictObject({ roundId: id, title: z.string(), dueDate: z.string(), lights: lightCounts })),
});

export const acknowledgeResponse = z.strictObject({ taskId: id, unitId: id, acknowledgedAt: z.string() });
export const pendingAcknowledgements = z.strictObject({ pending: z.array(z.strictObject({ unitId: id, taskIds: z.array(id) })) });
export const remindResponse = z.strictObject({ reminded: z.number().int(), emailed: z.number().int() });
export const lightRules = z.strictObject({ yellowBehind: z.number(), redBehind: z.number(), missingForRed: z.number().int() });

export const unitTaskRow = z.strictObject({
  id,
  planId: id,
  title: z.string(),
  role: z.string(),
  ownerUnitId: id,
  parentTaskId: id.nullable(),
  dueDate: z.string(),
  status: z.enum(['open', 'closed']),
  acknowledgedAt: z.string().nullable(),
  light,
  lightReason: z.string(),
  percent: z.number().nullable(),
  ownPercent: z.number().nullable(),
});
export const unitLedger = z.strictObject({
  unitId: id,
  planId: id,
  tasks: z.array(unitTaskRow),
  reportsDue: z.array(
    z.strictObject({
      roundId: id,
      roundTitle: z.string(),
      dueDate: z.string(),
      taskId: id,
      taskTitle: z.string(),
      status: z.enum(['none', 'draft', 'submitted', 'returned', 'accepted']),
      timeliness: z.enum(['pending', 'on_time', 'late', 'missing']),
      reviewComment: z.string().nullable(),
    }),
  ),
  notices: z.array(noticeView),
});
export const cityLedger = z.strictObject({
  unitId: id,
  planId: id,
  shares: z.array(unitTaskRow),
  localTasks: z.array(unitTaskRow),
  counties: z.array(z.strictObject({ unitId: id, tasks: z.number().int(), percent: z.number().nullable(), acknowledged: z.number().int() })),
  indicators: z.array(
    z.strictObject({
      id,
      taskId: id.nullable(),
      subject: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      allocated: z.number().nullable(),
      actual: z.number().nullable(),
      suballocated: z.number(),
      remainder: z.number().nullable(),
      counties: z.array(unitFigure),
    }),
  ),
});
export const cityParams = z.object({ planId: positiveId, unitId: positiveId });
export const unitLedgerQuery = z.object({ unitId: positiveId.optional() });
export const splitResponse = z.strictObject({ taskIds: z.array(id) });
