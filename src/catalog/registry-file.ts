import { z } from 'zod';
import { AppError, issueMessage } from '../domain/errors.js';
import type { LocalisedMessage } from '../domain/errors.js';
import { UNIT_KINDS } from '../domain/unit.js';
import type { RegistryFile } from '../domain/unit.js';

/** One problem in a registry file. `index` is the position in `units` (null: the file itself). */
export interface RegistryIssue {
  index: number | null;
  field: string | null;
  message: LocalisedMessage;
}

/** Codes appear in URLs, file names and audit records, hence plain ASCII. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Characters the xlsx format uses to separate aliases in one cell; a name cannot contain them. */
export const ALIAS_SEPARATORS = /[、;；\n]/u;
const MAX_UNITS = 50_000;

const text = z.string().trim().min(1).max(200);
const unitSchema = z.strictObject({
  code: z.string().trim().min(1),
  name: text,
  shortName: text,
  aliases: z.array(text).max(100).default([]),
  variants: z.array(text).max(100).optional(),
  kind: z.enum(UNIT_KINDS),
  parentCode: z.string().trim().min(1).nullable().default(null),
  divisionCode: z.string().regex(/^\d{6}$/).nullable().default(null),
  member: z.boolean().optional(),
});
const fileSchema = z.strictObject({
  format: z.literal('luoshi-registry'),
  version: z.literal(1),
  units: z.array(unitSchema).max(MAX_UNITS),
});

function zodIssueMessage(issue: z.core.$ZodIssue, field: string | null): LocalisedMessage {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? issueMessage('missing')
        : issueMessage('wrong_type', { expected: issue.expected });
    case 'too_small':
      return issueMessage('empty');
    case 'too_big':
      return issueMessage('too_big', { maximum: String(issue.maximum) });
    case 'invalid_value':
      if (field === 'kind') {
        return issueMessage('kind_invalid', { kindsZh: UNIT_KINDS.join('、'), kindsEn: UNIT_KINDS.join(', ') });
      }
      return issueMessage('value_invalid', { valuesZh: issue.values.map(String).join('、'), valuesEn: issue.values.map(String).join(' or ') });
    case 'invalid_format':
      return field === 'divisionCode'
        ? issueMessage('division_code_format')
        : issueMessage('format_invalid');
    case 'unrecognized_keys':
      return issueMessage('unknown_fields', { keysZh: issue.keys.join('、'), keysEn: issue.keys.join(', ') });
    default:
      return { zh: issue.message, en: issue.message };
  }
}

function fromZod(error: z.ZodError): RegistryIssue[] {
  return error.issues.map((issue) => {
    const [top, index, field] = issue.path;
    const inUnits = top === 'units' && typeof index === 'number';
    const name = inUnits && typeof field === 'string' ? field : !inUnits && typeof top === 'string' ? top : null;
    return { index: inUnits ? index : null, field: name, message: zodIssueMessage(issue, name) };
  });
}

/** Checks that span units: codes unique and ASCII, parents exist and form no cycle. */
function crossIssues(file: RegistryFile): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  const firstIndex = new Map<string, number>();
  file.units.forEach((unit, index) => {
    if (!UNIT_CODE_PATTERN.test(unit.code)) {
      issues.push({
        index,
        field: 'code',
        message: issueMessage('code_charset', { code: unit.code }),
      });
    }
    const seen = firstIndex.get(unit.code);
    if (seen === undefined) firstIndex.set(unit.code, index);
    else {
      issues.push({
        index,
        field: 'code',
        message: issueMessage('code_duplicate', { code: unit.code, first: seen + 1 }),
      });
    }
    for (const [field, names] of [['aliases', unit.aliases], ['variants', unit.variants ?? []]] as const) {
      for (const alias of names.filter((a) => ALIAS_SEPARATORS.test(a))) {
        issues.push({
          index,
          field,
          message: issueMessage('alias_separator', { alias }),
        });
      }
    }
  });
  const byCode = new Map(file.units.map((u) => [u.code, u]));
  file.units.forEach((unit, index) => {
    if (unit.parentCode === null) return;
    if (!byCode.has(unit.parentCode)) {
      issues.push({
        index,
        field: 'parentCode',
        message: issueMessage('parent_missing', { parent: unit.parentCode }),
      });
      return;
    }
    // Walk up at most units.length steps: a longer walk means a cycle.
    let current: string | null = unit.parentCode;
    for (let steps = 0; current !== null; steps++) {
      if (current === unit.code || steps > file.units.length) {
        issues.push({ index, field: 'parentCode', message: issueMessage('parent_cycle') });
        return;
      }
      current = byCode.get(current)?.parentCode ?? null;
    }
  });
  return issues;
}

/** The validation_failed error for a list of issues (RegistryIssue, or row-numbered ones from xlsx). */
export function registryError(issues: readonly object[], details: Record<string, unknown> = {}): AppError {
  return new AppError(
    'validation_failed',
    issueMessage('registry_invalid', { count: issues.length }),
    { issues, ...details },
  );
}

/** Every problem in a would-be registry file (empty when it is valid). */
export function registryIssues(input: unknown): RegistryIssue[] {
  const parsed = fileSchema.safeParse(input);
  return parsed.success ? crossIssues(parsed.data) : fromZod(parsed.error);
}

/** The file, trimmed and with defaults filled in; throws AppError validation_failed listing every issue. */
export function validateRegistry(input: unknown): RegistryFile {
  const parsed = fileSchema.safeParse(input);
  if (!parsed.success) throw registryError(fromZod(parsed.error));
  const issues = crossIssues(parsed.data);
  if (issues.length > 0) throw registryError(issues);
  return parsed.data;
}

export function parseRegistryJson(text: string): RegistryFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'validation_failed',
      issueMessage('registry_not_json'),
      { issues: [{ index: null, field: null, message: issueMessage('json_syntax', { detail: (error as Error).message }) }] },
    );
  }
  return validateRegistry(data);
}

/** Stable, readable JSON for export (two-space indent, trailing newline). */
export function registryToJson(file: RegistryFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
