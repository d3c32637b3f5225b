import { z } from 'zod';

/**
 * A register (专项台账/清单) is data: this definition lists its fields, their validation, the
 * unique key that re-imports update by, the roll-up rules that feed indicators and, for
 * lists run with an annual evaluation (特色小镇), the evaluation's defaults. Adding a
 * register or a field is a new definition, never new code.
 *
 * Field names are the column headers people see in Excel and the keys of a row's values
 * (`{"市州": "岳阳市"}`), so they are kept free of the characters that JSON paths and SQL
 * would have to escape.
 */
export const FIELD_TYPES = ['text', 'number', 'integer', 'date', 'enum', 'region', 'boolean', 'attachment'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const REGION_LEVELS = ['prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

const fieldName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^"'\\.[\]$`]+$/, 'no quotes, dots, brackets, backslashes or $ in a field name');

export const fieldSchema = z.strictObject({
  name: fieldName,
  /** The English column label in the English UI (the Excel header stays `name`). */
  nameEn: z.string().max(80).optional(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  /** number, integer: inclusive bounds; date: years are checked by minYear/maxYear. */
  min: z.number().optional(),
  max: z.number().optional(),
  minYear: z.number().int().optional(),
  maxYear: z.number().int().optional(),
  /** text, attachment */
  maxLength: z.number().int().positive().max(10_000).optional(),
  pattern: z.string().max(500).optional(),
  /** enum */
  values: z.array(z.string().trim().min(1).max(40)).max(200).optional(),
  /** region: which level of the registry the value names. */
  level: z.enum(REGION_LEVELS).optional(),
  /** Help shown in the template's header comment. */
  note: z.string().max(500).optional(),
  /** Published in the register's public snapshots. */
  public: z.boolean().default(false),
});
export type FieldDefinition = z.output<typeof fieldSchema>;

export const rollupSchema = z.strictObject({
  /** The indicator's stable key (indicators.key). */
  indicator: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/),
  name: z.string().min(1).max(100),
  unit: z.string().min(1).max(20),
  op: z.enum(['count', 'sum']),
  /** For sum: the number or integer field added up. */
  field: fieldName.optional(),
  /** The period of a row: the year of a date field, or an integer year field. */
  period: fieldName,
  /** Only rows whose field is one of the values. */
  where: z.array(z.strictObject({ field: fieldName, in: z.array(z.union([z.string(), z.boolean(), z.number()])).min(1) })).default([]),
  /** The province's target and its year, if the plan sets one (e.g. 1500 in 2021). */
  target: z.number().optional(),
  targetYear: z.number().int().optional(),
  public: z.boolean().default(false),
  /**
   * A plan's indicator (a task's target, e.g. 新开工改造老旧小区) that this roll-up also feeds:
   * its id, or its key. Its figures by region then come from the register, and the roll-up's
   * own indicator shows that indicator's targets, so the two never disagree.
   */
  feeds: z.union([z.number().int().positive(), z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/)]).optional(),
});
export type RollupRule = z.output<typeof rollupSchema>;

export const GRADES = ['excellent', 'pass', 'warning', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export const criterionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  name: z.string().min(1).max(60),
  weight: z.number().positive().max(100),
});
export type Criterion = z.output<typeof criterionSchema>;

/** Minimum weighted totals (0–100) for each grade; below `warning` is 淘汰. */
export const thresholdsSchema = z
  .strictObject({ excellent: z.number().min(0).max(100), pass: z.number().min(0).max(100), warning: z.number().min(0).max(100) })
  .refine((t) => t.excellent >= t.pass && t.pass >= t.warning, 'thresholds must satisfy excellent ≥ pass ≥ warning');
export type Thresholds = z.output<typeof thresholdsSchema>;

export const evaluationConfigSchema = z.strictObject({
  /** The enum field holding the row's standing. */
  statusField: fieldName,
  statuses: z.strictObject({ active: z.string(), warning: z.string(), removed: z.string() }),
  criteria: z.array(criterionSchema).min(1).max(20),
  thresholds: thresholdsSchema,
});
export type EvaluationConfig = z.output<typeof evaluationConfigSchema>;

export const registerDefinitionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  fields: z.array(fieldSchema).min(1).max(100),
  uniqueKey: z.array(fieldName).min(1).max(5),
  rollups: z.array(rollupSchema).max(20).default([]),
  evaluation: evaluationConfigSchema.optional(),
});
export type RegisterDefinition = z.output<typeof registerDefinitionSchema>;
export type RegisterDefinitionInput = z.input<typeof registerDefinitionSchema>;

/** A problem with a definition, said in both languages. */
export interface DefinitionIssue {
  zh: string;
  en: string;
}

/**
 * Checks what the shape alone cannot: names are unique, the key and the rules name fields
 * of the right type, enum fields list their values, patterns compile, bounds are ordered.
 * Returns the parsed definition and every problem found (empty when it is usable).
 */
export function checkDefinition(input: unknown): { definition: RegisterDefinition | null; issues: DefinitionIssue[] } {
  const parsed = registerDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      definition: null,
      issues: parsed.error.issues.map((i) => {
        const where = i.path.join('.');
        return { zh: `${where}：${i.message}`, en: `${where}: ${i.message}` };
      }),
    };
  }
  const d = parsed.data;
  const issues: DefinitionIssue[] = [];
  const byName = new Map<string, FieldDefinition>();
  for (const f of d.fields) {
    if (byName.has(f.name)) issues.push({ zh: `字段「${f.name}」重复`, en: `Field "${f.name}" appears twice` });
    byName.set(f.name, f);
    if (f.type === 'enum' && (!f.values || f.values.length === 0)) {
      issues.push({ zh: `枚举字段「${f.name}」须列出可选值`, en: `Enum field "${f.name}" must list its values` });
    }
    if (f.type === 'region' && !f.level) {
      issues.push({ zh: `区域字段「${f.name}」须指明层级（市州或县市区）`, en: `Region field "${f.name}" must name its level (prefecture or county)` });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) {
      issues.push({ zh: `字段「${f.name}」的下限大于上限`, en: `Field "${f.name}" has min above max` });
    }
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        issues.push({ zh: `字段「${f.name}」的格式（正则表达式）无效`, en: `Field "${f.name}" has an invalid pattern` });
      }
    }
  }
  for (const level of REGION_LEVELS) {
    if (d.fields.filter((f) => f.type === 'region' && f.level === level).length > 1) {
      issues.push({ zh: `同一层级只能有一个区域字段`, en: `Only one region field per level (${level})` });
    }
  }
  for (const k of d.uniqueKey) {
    const f = byName.get(k);
    if (!f) issues.push({ zh: `唯一键字段「${k}」不存在`, en: `Unique-key field "${k}" does not exist` });
    else if (!f.required) issues.push({ zh: `唯一键字段「${k}」须为必填`, en: `Unique-key field "${k}" must be required` });
  }
  for (const r of d.rollups) {
    const period = byName.get(r.period);
    if (!period || (period.type !== 'date' && period.type !== 'integer')) {
      issues.push({ zh: `汇总规则「${r.name}」的期间字段须为日期或整数（年份）字段`, en: `Roll-up "${r.name}": the period field must be a date or an integer year` });
    }
    if (r.op === 'sum') {
      const f = r.field === undefined ? undefined : byName.get(r.field);
      if (!f || (f.type !== 'number' && f.type !== 'integer')) {
        issues.push({ zh: `汇总规则「${r.name}」须对数值字段求和`, en: `Roll-up "${r.name}" must sum a number field` });
      }
    }
    for (const w of r.where) {
      if (!byName.has(w.field)) issues.push({ zh: `汇总规则「${r.name}」的条件字段「${w.field}」不存在`, en: `Roll-up "${r.name}": field "${w.field}" does not exist` });
    }
    if (!regionField(d, 'prefecture')) {
      issues.push({ zh: `汇总规则「${r.name}」需要一个市州字段`, en: `Roll-up "${r.name}" needs a prefecture field` });
    }
  }
  if (d.evaluation) {
    const status = byName.get(d.evaluation.statusField);
    const { active, warning, removed } = d.evaluation.statuses;
    if (!status || status.type !== 'enum' || ![active, warning, removed].every((s) => status.values?.includes(s))) {
      issues.push({ zh: `评估的状态字段须为包含「${active}/${warning}/${removed}」的枚举字段`, en: `The evaluation's status field must be an enum with ${active}/${warning}/${removed}` });
    }
  }
  return { definition: issues.length === 0 ? d : null, issues };
}

export function regionField(d: RegisterDefinition, level: RegionLevel): FieldDefinition | undefined {
  return d.fields.find((f) => f.type === 'region' && f.level === level);
}

export function fieldByName(d: RegisterDefinition, name: string): FieldDefinition | undefined {
  return d.fields.find((f) => f.name === name);
}
