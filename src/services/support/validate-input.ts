import type { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';

/** Validates a use case's input, so the CLI gets the same checks as the HTTP API. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw invalidInput(text, { issues });
}
