import { z } from 'zod';
import { TODO_KINDS } from '../domain/todo-catalogue.js';

/** Where a to-do's work is done, for the badges in the navigation. */
export const TODO_AREAS = ['plans', 'consultations', 'ledger', 'rounds', 'users'] as const;

/**
 * One entry of the workbench (工作台): a to-do (待办) of the signed-in user, or something it
 * did (已办, `GET /api/todos?done=1`). `href` is the page where the work is done.
 */
export const todo = z.strictObject({
  kind: z.enum(TODO_KINDS),
  /** The entry in the reader's language (Accept-Language). */
  title: z.string(),
  href: z.string(),
  /** When the work is due (ISO instant), if it has a deadline. */
  dueAt: z.string().optional(),
  /** For 已办: when it was done. */
  doneAt: z.string().optional(),
  /** Past its due time. */
  overdue: z.boolean().optional(),
  area: z.enum(TODO_AREAS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Todo = z.infer<typeof todo>;
export const todoList = z.array(todo);
export const todoQuery = z.object({ done: z.enum(['0', '1']).optional() });
