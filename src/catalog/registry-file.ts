import { z } from 'zod';
import { AppError } from '../domain/errors.js';
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
        ? { zh: '缺少此项', en: 'is missing' }
        : { zh: `类型错误（应为 ${issue.expected})`, en: `has the wrong type (expected ${issue.expected})` };
    case 'too_small':
      return { zh: '不能为空', en: 'must not be empty' };
    case 'too_big':
      return { zh: `超出上限 ${String(issue.maximum)}`, en: `exceeds the limit of ${String(issue.maximum)}` };
    case 'invalid_value':
      if (field === 'kind') {
        return { zh: `类型必须是 ${UNIT_KINDS.join('、')} 之一`, en: `kind must be one of ${UNIT_KINDS.join(', ')}` };
      }
      return { zh: `取值无效，应为 ${issue.values.map(String).join('、')}`, en: `must be ${issue.values.map(String).join(' or ')}` };
    case 'invalid_format':
      return field === 'divisionCode'
        ? { zh: '行政区划代码应为 6 位数字', en: 'divisionCode must be 6 digits' }
        : { zh: '格式错误', en: 'has an invalid format' };
    case 'unrecognized_keys':
      return { zh: `未知字段：${issue.keys.join('、')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
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
        message: {
          zh: `代码“${unit.code}”只能使用 ASCII 字母、数字和 . _ -(最长 64 位)`,
          en: `code "${unit.code}" may only use ASCII letters, digits and . _ - (64 at most)`,
        },
      });
    }
    const seen = firstIndex.get(unit.code);
    if (seen === undefined) firstIndex.set(unit.code, index);
    else {
      issues.push({
        index,
        field: 'code',
        message: { zh: `代码“${unit.code}”重复（与第 ${seen + 1} 个单位)`, en: `duplicate code "${unit.code}" (same as unit ${seen + 1})` },
      });
    }
    for (const [field, names] of [['aliases', unit.aliases], ['variants', unit.variants ?? []]] as const) {
      for (const alias of names.filter((a) => ALIAS_SEPARATORS.test(a))) {
        issues.push({
          index,
          field,
          message: { zh: `名称“${alias}”不能包含 、 ; 或换行`, en: `"${alias}" must not contain 、 ; or a line break` },
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
        message: { zh: `上级代码“${unit.parentCode}”不存在`, en: `parentCode "${unit.parentCode}" is not a unit in this file` },
      });
      return;
    }
    // Walk up at most units.length steps: a longer walk means a cycle.
    let current: string | null = unit.parentCode;
    for (let steps = 0; current !== null; steps++) {
      if (current === unit.code || steps > file.units.length) {
        issues.push({ index, field: 'parentCode', message: { zh: '上级关系形成循环', en: 'parentCode forms a cycle' } });
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
    { zh: `单位名录有 ${issues.length} 处错误`, en: `The unit registry has ${issues.length} error(s)` },
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
      { zh: '单位名录不是有效的 JSON', en: 'The unit registry is not valid JSON' },
      { issues: [{ index: null, field: null, message: { zh: 'JSON 语法错误', en: (error as Error).message } }] },
    );
  }
  return validateRegistry(data);
}

/** Stable, readable JSON for export (two-space indent, trailing newline). */
export function registryToJson(file: RegistryFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
