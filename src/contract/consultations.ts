import { z } from 'zod';
import { isoDate } from '../domain/iso-date.js';
import { allowedOf, id, span } from './common.js';

import { DISPOSITIONS, OPINION_STATES, RECIPIENT_STATUSES, SEAL_ALGORITHMS } from './enums.js';

export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export type ConsultationStatus = 'open' | 'closed';
export type Disposition = (typeof DISPOSITIONS)[number];
export type OpinionState = (typeof OPINION_STATES)[number];
export type SealAlgorithm = (typeof SEAL_ALGORITHMS)[number];

/** A calendar date (YYYY-MM-DD) that exists on the calendar. */
export { isoDate };

export const recipient = z.strictObject({
  unitId: id,
  unitCode: z.string(),
  unitName: z.string(),
  status: z.enum(RECIPIENT_STATUSES),
  /** The unit's current sealed reply, if any. */
  replyId: id.nullable(),
  sealedAt: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipient>;

/**
 * manage: the office's view (recipients, opinions, reports); the others are the actions the
 * API would accept now: the office's on the consultation, the unit's on its reply.
 */
export const consultationAllowed = allowedOf('manage', 'extend', 'close', 'remind', 'decide', 'publish', 'draftReply', 'sealReply');
export type ConsultationAllowed = z.infer<typeof consultationAllowed>;

export const consultation = z.strictObject({
  id,
  planId: id,
  versionId: id,
  versionNumber: z.number().int(),
  planTitle: z.string(),
  title: z.string(),
  /** YYYY-MM-DD; replies are due by the end of that day, China time. */
  deadline: z.string(),
  contact: z.string(),
  instructions: z.string(),
  reminderDays: z.number().int(),
  missingAsNoOpinion: z.boolean(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(['open', 'closed']),
  acceptingReplies: z.boolean(),
  /** Every recipient for the office; only the unit's own entry for a unit. */
  recipients: z.array(recipient),
  /** Opinions in sealed replies not yet decided (publishing waits for none); null for a unit. */
  undecidedOpinions: z.number().int().nullable(),
  allowed: consultationAllowed,
});
export type Consultation = z.infer<typeof consultation>;

export const consultationList = z.strictObject({ consultations: z.array(consultation), allowed: allowedOf('manage') });
export type ConsultationList = z.infer<typeof consultationList>;

export const openConsultationInput = z.object({
  version: z.number().int().positive().optional(),
  deadline: isoDate.optional(),
  recipientUnitIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  contact: z.string().trim().max(500).optional(),
  instructions: z.string().trim().max(5000).optional(),
  reminderDays: z.number().int().min(0).max(60).optional(),
  missingAsNoOpinion: z.boolean().optional(),
});
export type OpenConsultationInput = z.input<typeof openConsultationInput>;

export const opinionInput = z.object({
  itemOrdinal: z.number().int().positive(),
  /** The passage the opinion is about, as it stands in the consulted text. */
  quote: z.string().trim().min(1).max(2000).optional(),
  /** Where the quote stands; found in the item's text when left out. */
  span: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
  content: z.string().trim().min(1, 'content: must not be empty').max(5000),
  suggestion: z.string().trim().max(5000).optional(),
  reason: z.string().trim().max(5000).optional(),
});
export type OpinionInput = z.input<typeof opinionInput>;

export const replyInput = z.object({
  noOpinion: z.boolean().optional(),
  opinions: z.array(opinionInput).max(500).optional(),
});
export type ReplyInput = { noOpinion: true } | { opinions: OpinionInput[] };

const opinionFields = {
  id,
  itemOrdinal: z.number().int(),
  quote: z.string().nullable(),
  span: span.nullable(),
  content: z.string(),
  suggestion: z.string().nullable(),
  reason: z.string().nullable(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
};

export const replyOpinion = z.strictObject(opinionFields);
export type ReplyOpinion = z.infer<typeof replyOpinion>;

export const replyAllowed = allowedOf('edit', 'seal', 'submit', 'return', 'withdraw');

/** One step of a reply's life, with the person's name. */
export const replyEvent = z.strictObject({
  kind: z.enum(['draft', 'submit', 'return', 'seal', 'withdraw', 'decide']),
  at: z.string(),
  actorName: z.string(),
  comment: z.string().nullable(),
});
export type ReplyEvent = z.infer<typeof replyEvent>;
export type ReplyAllowed = z.infer<typeof replyAllowed>;

export const reply = z.strictObject({
  id,
  consultationId: id,
  unitId: id,
  unitName: z.string(),
  status: z.enum(['draft', 'sealed', 'withdrawn']),
  noOpinion: z.boolean(),
  opinions: z.array(replyOpinion),
  createdAt: z.string(),
  updatedAt: z.string(),
  sealedAt: z.string().nullable(),
  sealedBy: z.strictObject({ id, login: z.string(), displayName: z.string() }).nullable(),
  algorithm: z.enum(SEAL_ALGORITHMS).nullable(),
  keyId: z.string().nullable(),
  signature: z.string().nullable(),
  late: z.boolean(),
  withdrawnAt: z.string().nullable(),
  /** The hand-off of a draft: none, 提交签发 (waiting for the signatory), or 退回 (back with the reporter). */
  handoff: z.enum(['none', 'submitted', 'returned']),
  submittedAt: z.string().nullable(),
  history: z.array(replyEvent),
  allowed: replyAllowed,
});
export type Reply = z.infer<typeof reply>;

export const replyList = z.strictObject({ replies: z.array(reply) });

export const returnInput = z.object({ comment: z.string().trim().min(1).max(2000) });

export const sealInput = z.object({ algorithm: z.enum(SEAL_ALGORITHMS).optional() }).nullish();
export const sealResult = z.strictObject({
  algorithm: z.enum(SEAL_ALGORITHMS),
  algorithmLabel: z.string(),
  keyId: z.string(),
  signature: z.string(),
  sealedAt: z.string(),
  late: z.boolean(),
});
export type SealResult = z.infer<typeof sealResult>;

export const sealVerification = z.strictObject({
  valid: z.boolean(),
  replyId: id,
  algorithm: z.string().nullable(),
  keyId: z.string().nullable(),
  sealedAt: z.string().nullable(),
  signatory: z.string().nullable(),
  reason: z.enum(['not_sealed', 'unknown_key', 'key_of_other_unit', 'signature_mismatch']).nullable(),
});
export type SealVerification = z.infer<typeof sealVerification>;

export const opinionAllowed = allowedOf('decide');
export const opinion = z.strictObject({
  ...opinionFields,
  replyId: id,
  unitId: id,
  unitName: z.string(),
  decidedBy: z.string().nullable(),
  late: z.boolean(),
  sealedAt: z.string(),
  /** Opinions with the same number are on the same item and read alike. */
  group: z.number().int(),
  allowed: opinionAllowed,
});
export type Opinion = z.infer<typeof opinion>;
export const opinionList = z.array(opinion);

export const opinionQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  itemOrdinal: z.coerce.number().int().positive().optional(),
  state: z.enum(OPINION_STATES).optional(),
});
export type OpinionFilter = z.infer<typeof opinionQuery>;

export const decisionInput = z.object({
  disposition: z.enum(DISPOSITIONS),
  reason: z.string().trim().max(5000).optional(),
});
export type DecisionInput = z.input<typeof decisionInput>;
export const decisionsInput = decisionInput.extend({ opinionIds: z.array(z.number().int().positive()).min(1).max(10_000) });
export const decided = z.strictObject({ decided: z.number().int() });

export const remindersInput = z.object({ unitIds: z.array(z.number().int().positive()).optional() }).nullish();
export const reminderResult = z.strictObject({ units: z.array(id), emails: z.number().int() });
export type ReminderResult = z.infer<typeof reminderResult>;

export const consultationStats = z.strictObject({
  consulted: z.array(z.string()),
  replied: z.array(z.string()),
  noOpinion: z.array(z.string()),
  late: z.array(z.string()),
  notReplied: z.array(z.string()),
  treatMissingAsNoOpinion: z.boolean(),
  opinions: z.number().int(),
  adopted: z.number().int(),
  partlyAdopted: z.number().int(),
  rejected: z.number().int(),
  undecided: z.number().int(),
});
export type ConsultationStats = z.infer<typeof consultationStats>;
export const situation = z.strictObject({
  stats: consultationStats,
  text: z.string(),
  /** The parts the office may edit before it issues the note (POST …/situation.docx). */
  title: z.string(),
  body: z.string(),
  issuer: z.string(),
});
/** The 情况说明 as the office edited it, dated the day it is issued. */
export const editedSituation = z.object({
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
  issuer: z.string().trim().min(1).max(200),
  issuedOn: isoDate,
});
/** The day printed on a document: the day it is issued (China time), not the day it is downloaded. */
export const issuedOnQuery = z.object({ issuedOn: isoDate.optional() });
export type Situation = z.infer<typeof situation>;

export const published = z.strictObject({
  publishedAt: z.string(),
  /** Which publication this is (1, 2, …): a change after publishing is a new, visible publication. */
  publication: z.number().int().positive(),
});

export const publicNotice = z.strictObject({
  consultationId: id,
  planTitle: z.string(),
  title: z.string(),
  deadline: z.string(),
  publishedAt: z.string(),
  publication: z.number().int().positive(),
  publications: z.array(z.strictObject({ number: z.number().int().positive(), publishedAt: z.string() })),
  consulted: z.number().int(),
  opinions: z.array(z.strictObject({ item: z.string(), unit: z.string(), content: z.string(), disposition: z.string(), reason: z.string().nullable() })),
});
export type PublicNotice = z.infer<typeof publicNotice>;

export const notification = z.strictObject({
  id,
  consultationId: id.nullable(),
  kind: z.string(),
  /** What the notice says, as a code with parameters for the reader's language; null on rows from before codes were kept. */
  code: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The text in the reader's language (as stored, for old rows). */
  message: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof notification>;
export const notificationList = z.strictObject({ notifications: z.array(notification) });
export const markReadInput = z.object({ ids: z.array(z.number().int().positive()).max(1000) });
export const marked = z.strictObject({ marked: z.number().int() });
