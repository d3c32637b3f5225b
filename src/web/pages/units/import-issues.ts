import type { Locale } from '../../../contract/common';

/** One problem in an uploaded registry, as the server lists it in `error.details.issues`. */
export interface ImportIssue {
  /** 1-based position of the unit in a JSON file, or the sheet row of an xlsx file; null: the file. */
  where: { unit: number } | { row: number } | null;
  field: string | null;
  message: string;
}

function text(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const localised = (value as Record<string, unknown>)[locale === 'en' ? 'en' : 'zh'];
    if (typeof localised === 'string') return localised;
  }
  return '';
}

/** The issues of a validation error's details, tolerant of shapes it does not know. */
export function importIssues(details: unknown, locale: Locale): ImportIssue[] {
  const list = details && typeof details === 'object' ? (details as { issues?: unknown }).issues : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: unknown): ImportIssue[] => {
    if (!raw || typeof raw !== 'object') return [];
    const issue = raw as Record<string, unknown>;
    const where =
      typeof issue.row === 'number'
        ? { row: issue.row }
        : typeof issue.index === 'number'
          ? { unit: issue.index + 1 }
          : null;
    const field = typeof issue.field === 'string' ? issue.field : null;
    return [{ where, field, message: text(issue.message, locale) }];
  });
}
