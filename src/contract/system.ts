import { z } from 'zod';

export const health = z.strictObject({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']), version: z.string() });
export type Health = z.infer<typeof health>;

/** What the installation is set to, as the web app needs it (the seal a signatory starts from). */
export const settings = z.strictObject({
  /** The seal used when a request names none (LUOSHI_SEAL_ALGORITHM, else SM2 for a new installation). */
  sealAlgorithm: z.enum(['ed25519', 'sm2']),
});
export type Settings = z.infer<typeof settings>;
