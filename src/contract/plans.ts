import { z } from 'zod';
import { allowedOf, id, idParams, span } from './common.js';

import { CHANGE_KINDS, COMPARATORS, FACT_KINDS, INLINE_OPS, RESPONSIBLE_ROLES } from './enums.js';

export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];
export type Comparator = (typeof COMPARATORS)[number];
export type FactKind = (typeof FACT_KINDS)[number];

const provenance = { source: z.enum(['parser', 'edit']), editIds: z.array(id) };

export const planResponsible = z.strictObject({
  raw: z.string(),
  /** The registry's short name, or null when the name in the text matched no unit. */
  unit: z.string().nullable(),
  unitId: id.nullable(),
  role: z.enum(RESPONSIBLE_ROLES),
  /** Members of a collective phrase (各市州政府 → the 14 市州), when the registry knows them. */
  expands: z.array(z.string()),
  expandsUnitIds: z.array(id.nullable()),
  span,
  ...provenance,
});
export type PlanResponsible = z.infer<typeof planResponsible>;
/** Where a fact came from: the parser, or a person's correction (with the edits that touched it). */
export type Provenance = Pick<PlanResponsible, 'source' | 'editIds'>;

export const planTarget = z.strictObject({
  raw: z.string(),
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
  comparator: z.enum(COMPARATORS),
  subject: z.string().nullable(),
  scope: z.string().nullable(),
  year: z.number().int().nullable(),
  confidence: z.number(),
  /** The parser is unsure the figure is a target at all (it also warns): a person should check it. */
  uncertain: z.boolean(),
  span,
  ...provenance,
});
export type PlanTarget = z.infer<typeof planTarget>;

export const planItem = z.strictObject({
  number: z.string(),
  ordinal: z.number().int(),
  section: z.number().int().nullable(),
  title: z.string(),
  text: z.string(),
  span,
  responsible: z.array(planResponsible),
  targets: z.array(planTarget),
  /** The item's sentences, for splitting it into tasks; absent on parses stored before clauses were kept. */
  clauses: z.array(z.strictObject({ text: z.string(), span })).optional(),
  /** A division table's 完成时限 or 频次 for the item: due date (YYYY-MM-DD) and/or frequency. */
  schedule: z
    .strictObject({
      raw: z.string(),
      due: z.string().nullable(),
      frequency: z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'ongoing']).nullable(),
      span,
    })
    .optional(),
});
export type PlanItem = z.infer<typeof planItem>;

export const planSection = z.strictObject({ number: z.string(), ordinal: z.number().int(), title: z.string(), span });
export type PlanSection = z.infer<typeof planSection>;

/** Who marked something done in a review, and when (the person's name, not the login). */
export const reviewMark = z.strictObject({ by: z.string().nullable(), at: z.string() });
export type ReviewMark = z.infer<typeof reviewMark>;

/**
 * A parser note: a code with its parameters (render it in the reader's language) and the zh-CN
 * text; with its key (domain/warning-review.ts), the item it is about, and who checked it.
 */
export const planWarning = z.strictObject({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  span,
  key: z.string(),
  /** The item's ordinal; null for a warning about the whole document or the cover letter. */
  itemOrdinal: z.number().int().nullable(),
  /** Marked as checked (审核) by a person; null while unchecked. */
  checked: reviewMark.nullable(),
});
export type PlanWarning = z.infer<typeof planWarning>;

export const coverLetter = z.strictObject({
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable(),
  deadline: z.string().nullable(),
  recipients: z.array(z.string()),
  contacts: z.array(z.strictObject({ name: z.string(), phones: z.array(z.string()), faxes: z.array(z.string()) })),
  emails: z.array(z.string()),
  attachments: z.array(z.string()),
});
export type CoverLetter = z.infer<typeof coverLetter>;

/** The fields an edit changed or set: a responsible unit's name and role, or a target's figures. */
const factFields = z.strictObject({
  unit: z.string().nullable().optional(),
  role: z.enum(RESPONSIBLE_ROLES).optional(),
  value: z.number().optional(),
  max: z.number().nullable().optional(),
  comparator: z.enum(COMPARATORS).optional(),
  subject: z.string().nullable().optional(),
  scope: z.string().nullable().optional(),
  year: z.number().int().nullable().optional(),
});

export const planEditRecord = z.strictObject({
  id,
  op: z.enum(['update', 'remove', 'add']),
  ref: z.strictObject({ itemOrdinal: z.number().int(), kind: z.enum(FACT_KINDS), span }),
  patch: factFields.optional(),
  fact: factFields.optional(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type PlanEditRecord = z.infer<typeof planEditRecord>;

export const planVersionInfo = z.strictObject({
  number: z.number().int(),
  status: z.string(),
  filename: z.string(),
  encoding: z.string(),
  sha256: z.string(),
  byteSize: z.number().int(),
  parserVersion: z.string(),
  createdAt: z.string(),
});
export type PlanVersionInfo = z.infer<typeof planVersionInfo>;

export const planAllowed = allowedOf('edit', 'addVersion', 'openConsultation', 'checkWarnings');
export type PlanAllowed = z.infer<typeof planAllowed>;

export const planView = z.strictObject({
  id,
  /** draft | consultation | final | published (the ledger's publication, migration 0007). */
  stage: z.string(),
  /** The version the ledger was published from, once published. */
  publishedVersion: z.number().int().nullable(),
  title: z.string(),
  letter: coverLetter.nullable(),
  sections: z.array(planSection),
  items: z.array(planItem),
  warnings: z.array(planWarning),
  text: z.string(),
  version: planVersionInfo,
  versions: z.array(z.strictObject({ number: z.number().int(), status: z.string(), createdAt: z.string() })),
  edits: z.array(planEditRecord),
  /** Ids of edits whose fact is gone from the current parse. */
  orphanedEdits: z.array(id),
  allowed: planAllowed,
});
export type PlanView = z.infer<typeof planView>;

export const planSummary = z.strictObject({
  id,
  title: z.string(),
  currentVersion: z.number().int(),
  status: z.string(),
  /** draft | consultation | final | published (the ledger was made from `publishedVersion`). */
  stage: z.string(),
  publishedVersion: z.number().int().nullable(),
  ownerUnitId: id,
  ownerUnitName: z.string(),
  items: z.number().int(),
  warnings: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planList = z.strictObject({ plans: z.array(planSummary), allowed: allowedOf('import') });
export type PlanList = z.infer<typeof planList>;

export const planImportResult = z.strictObject({ id, title: z.string(), version: z.number().int(), items: z.number().int(), warnings: z.number().int() });
export type PlanImportResult = z.infer<typeof planImportResult>;

export const newVersionResult = z.strictObject({ id, version: z.number().int(), items: z.number().int(), warnings: z.number().int() });
export type NewVersionResult = z.infer<typeof newVersionResult>;

/** GB/T 2260 code of a 市州 or 县市区 (510100): the plan's names resolve against that place's registry. */
export const planPlace = z.string().trim().regex(/^\d{6}$/, 'place: a 6-digit division code');
export const pastedPlan = z.object({
  text: z.string().min(1, 'text: must not be empty'),
  filename: z.string().trim().min(1).max(200).optional(),
  place: planPlace.optional(),
});
/** The form fields sent with a multipart plan upload (before the file). */
export const uploadedPlanFields = z.object({ place: planPlace.optional() });
export const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

const responsibleValues = z.object({ unitId: z.number().int().positive().nullable().optional(), role: z.enum(RESPONSIBLE_ROLES).optional() });
const targetValues = z.object({
  value: z.number().finite().optional(),
  max: z.number().finite().nullable().optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  comparator: z.enum(COMPARATORS).optional(),
  subject: z.string().trim().max(200).nullable().optional(),
  scope: z.string().trim().max(100).nullable().optional(),
  year: z.number().int().min(1900).max(2200).nullable().optional(),
});
export type ResponsibleValues = z.infer<typeof responsibleValues>;
export type TargetValues = z.infer<typeof targetValues>;
export { responsibleValues, targetValues };

export const planEditInput = z.object({
  op: z.enum(['update', 'remove', 'add']),
  itemOrdinal: z.number().int().positive(),
  kind: z.enum(FACT_KINDS),
  span: z.tuple([z.number().int().min(0), z.number().int().min(1)]),
  values: z.record(z.string(), z.unknown()).optional(),
  version: z.number().int().positive().optional(),
});
export type PlanEditInput = Omit<z.input<typeof planEditInput>, 'values'> & { values?: ResponsibleValues | TargetValues };

/** The parser's reading of a passage a person selected, to prefill a new target. */
export const targetGuessInput = z.object({ text: z.string().trim().min(1).max(500) });
export const targetGuess = z.strictObject({
  value: z.number().optional(),
  max: z.number().nullable().optional(),
  unit: z.string().optional(),
  comparator: z.enum(COMPARATORS),
});
export type TargetGuess = z.infer<typeof targetGuess>;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const redlineChange = z.strictObject({
  index: z.number().int(),
  kind: z.enum(CHANGE_KINDS),
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
  oldSpan: span.nullable(),
  newSpan: span.nullable(),
  inline: z.array(z.strictObject({ op: z.enum(INLINE_OPS), text: z.string() })).nullable(),
  key: z.string(),
  movedWith: z.number().int().optional(),
  opinionIds: z.array(id),
});
export type RedlineChange = z.infer<typeof redlineChange>;
export type InlinePart = NonNullable<RedlineChange['inline']>[number];

export const redlineOpinion = z.strictObject({
  id,
  unitName: z.string(),
  itemOrdinal: z.number().int(),
  content: z.string(),
  quote: z.string().nullable(),
  disposition: z.enum(['adopted', 'partly_adopted', 'rejected']).nullable(),
});
export type RedlineOpinion = z.infer<typeof redlineOpinion>;

export const redlineView = z.strictObject({
  planId: id,
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(redlineChange),
  stats: z.strictObject({ inserted: z.number().int(), deleted: z.number().int(), modified: z.number().int(), unchanged: z.number().int() }),
  /** Opinions on the old version (from its consultations' sealed replies) the user may read. */
  opinions: z.array(redlineOpinion),
  adoptedWithoutChange: z.array(id),
  quoteGone: z.array(id),
  quoteMoved: z.array(z.strictObject({ opinionId: id, span })),
  /**
   * How each lost quote (of `quoteGone`) was resolved: its opinion linked to a change of the
   * new version, or acknowledged with an optional note. Only for those who may resolve them.
   */
  quoteResolutions: z.array(
    z.strictObject({
      opinionId: id,
      how: z.enum(['linked', 'acknowledged']),
      /** For 'linked': the changes the opinion is linked to. */
      changeKeys: z.array(z.string()),
      note: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
  allowed: allowedOf('link', 'resolveQuotes'),
});
export type Redline = z.infer<typeof redlineView>;

export const redlineQuery = z.object({ from: z.coerce.number().int().positive().optional(), to: z.coerce.number().int().positive().optional() });
export const linkInput = z.object({
  changeKey: z.string().min(1).max(200),
  opinionIds: z.array(z.number().int().positive()).max(500),
  from: z.number().int().positive().optional(),
});

export const versionParams = idParams.extend({ number: z.coerce.number().int().positive() });
export const warningParams = versionParams.extend({ key: z.string().regex(/^[a-z_]{1,60}\.\d{1,9}\.\d{1,9}\.[0-9a-f]{12}$/, 'key: a warning key') });
export const lostQuoteParams = versionParams.extend({ opinionId: z.coerce.number().int().positive() });
export const lostQuoteQuery = z.object({ from: z.coerce.number().int().positive().optional() });

/** Resolve a lost quote: link its opinion to a change of the new version, or acknowledge it. */
export const resolveQuoteInput = z.discriminatedUnion('how', [
  z.object({ how: z.literal('link'), changeKey: z.string().min(1).max(200), from: z.number().int().positive().optional() }),
  z.object({ how: z.literal('acknowledge'), note: z.string().trim().max(500).optional(), from: z.number().int().positive().optional() }),
]);
export type ResolveQuoteInput = z.input<typeof resolveQuoteInput>;

/** 定稿: the plan's stage after a version is marked final. */
export const markedFinal = z.strictObject({ stage: z.string(), version: z.number().int() });
