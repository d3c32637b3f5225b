import { z } from 'zod';

export const health = z.strictObject({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() });
export type Health = z.infer<typeof health>;
