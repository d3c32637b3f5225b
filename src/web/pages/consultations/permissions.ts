import type { Role } from '../../../contract/users';

/** The office (and administrators) run consultations; everyone else sees a unit's view. */
export function managesConsultations(role: Role): boolean {
  return role === 'office' || role === 'admin';
}

/** Reporters and signatories draft their unit's reply; only signatories seal and withdraw it. */
export function draftsReplies(role: Role): boolean {
  return role === 'reporter' || role === 'signatory';
}

export function sealsReplies(role: Role): boolean {
  return role === 'signatory';
}
