/**
 * What the current user may do with a resource, as the API tells the web app: each flag is
 * `can()` (who) combined with the domain's state rules (when), so the web app renders from
 * the answer and never re-derives either. A flag says whether the API would accept the
 * action now; the use case still checks everything itself when it is tried.
 */
import { acceptsReplies, canWithdraw } from './consultation.js';
import type { ConsultationState } from './consultation.js';
import { can } from './policy.js';
import type { Actor } from './policy.js';

function ownUnit(actor: Actor): number | undefined {
  return actor.kind === 'user' ? actor.unitId : undefined;
}

/** The app's areas (the navigation shows only these). */
export function sessionAllowed(actor: Actor) {
  return {
    manageUsers: can(actor, 'user.list'),
    readAudit: can(actor, 'audit.read'),
    importPlans: can(actor, 'plan.import'),
    manageConsultations: can(actor, 'consultation.manage'),
    exportUnits: can(actor, 'unit.export'),
    manageUnits: can(actor, 'unit.update'),
    defineRegisters: can(actor, 'register.define'),
    manageIndicators: can(actor, 'indicator.manage'),
  };
}

export function unitListAllowed(actor: Actor) {
  return { create: can(actor, 'unit.create'), update: can(actor, 'unit.update'), import: can(actor, 'unit.import'), export: can(actor, 'unit.export') };
}

export function planAllowed(actor: Actor) {
  return {
    edit: can(actor, 'plan.edit'),
    addVersion: can(actor, 'plan.edit'),
    openConsultation: can(actor, 'consultation.manage'),
    checkWarnings: can(actor, 'plan.review'),
  };
}

/**
 * `recipient`: the actor's unit is consulted. The office's actions end when the consultation
 * is closed by hand; a unit may draft and seal until then (late replies are marked 逾期).
 * 公开 (publish) needs a closed consultation whose opinions are all decided (`undecided`: the
 * opinions in sealed replies without a decision), as publish-notice.ts checks.
 */
export function consultationAllowed(actor: Actor, c: ConsultationState, recipient: boolean, undecided: number) {
  const manage = can(actor, 'consultation.manage');
  const open = acceptsReplies(c);
  const unitId = ownUnit(actor);
  const unitMay = (action: 'reply.draft' | 'reply.seal') => recipient && open && unitId !== undefined && can(actor, action, { unitId });
  return {
    manage,
    extend: manage && open,
    close: manage && open,
    remind: manage && open,
    decide: manage,
    publish: manage && !open && undecided === 0,
    draftReply: unitMay('reply.draft'),
    sealReply: unitMay('reply.seal'),
  };
}

export interface ReplyFacts {
  unitId: number;
  status: 'draft' | 'sealed' | 'withdrawn';
  /** Some of its opinions are decided: the office has acted on it. */
  decided: boolean;
  /** 提交签发: the draft waits for the signatory. */
  submitted: boolean;
}

export function replyAllowed(actor: Actor, reply: ReplyFacts, c: ConsultationState, now: Date) {
  const draft = reply.status === 'draft' && acceptsReplies(c);
  return {
    // A submitted draft is the signatory's to fix, seal or send back; the reporter waits.
    edit: draft && can(actor, 'reply.draft', { unitId: reply.unitId }) && !(reply.submitted && actor.kind === 'user' && actor.role === 'reporter'),
    seal: draft && can(actor, 'reply.seal', { unitId: reply.unitId }),
    submit: draft && !reply.submitted && can(actor, 'reply.submit', { unitId: reply.unitId }),
    return: draft && reply.submitted && can(actor, 'reply.return', { unitId: reply.unitId }),
    withdraw: reply.status === 'sealed' && !reply.decided && canWithdraw(c, now) && can(actor, 'reply.withdraw', { unitId: reply.unitId }),
  };
}

export function opinionAllowed(actor: Actor) {
  return { decide: can(actor, 'consultation.manage') };
}
