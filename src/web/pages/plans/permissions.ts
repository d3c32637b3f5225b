import type { Role } from '../../types';

/** Only the office and administrators import plans and correct them; everyone signed in reads them. */
export function canEditPlans(role: Role): boolean {
  return role === 'office' || role === 'admin';
}
