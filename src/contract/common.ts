/**
 * The API contract shared by the server and the web app: every request and response shape
 * is a zod schema here, the server validates and serialises with it (and documents it in
 * /api/openapi.json), and the web app takes its types from it with `z.infer`. Nothing in
 * this folder may import server, service or Node code: the browser bundle imports it.
 *
 * Response objects are strict: a field the server adds without declaring it here makes the
 * response fail (500 `response_invalid`, and every test that reaches it), instead of
 * silently disappearing from the client's view.
 */
import { z } from 'zod';

import { LOCALES } from './enums.js';

export type { Locale } from './enums.js';
export const locale = z.enum(LOCALES);

/** `[start, end)` in JavaScript string offsets into a plan's text. */
export const span = z.tuple([z.number().int(), z.number().int()]);
export type Span = z.infer<typeof span>;

export const id = z.number().int();
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Every error: `{"error":{"code","message"}}`, in the client's language. */
export const errorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** An empty answer (204). */
export const noContent = z.null();

export { DOCX_TYPE, XLSX_TYPE } from './enums.js';

/** A file download: the body is the file's bytes in one of the given media types. */
export function fileResponse(description: string, ...mediaTypes: string[]) {
  const schema = z.any().meta({ type: 'string', format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((t) => [t, { schema }])) };
}

/** What the current user may do with a resource: each flag says whether the API would accept it now. */
export function allowedOf<const K extends string>(...actions: K[]) {
  return z.strictObject(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<K, z.ZodBoolean>);
}
