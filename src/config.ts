import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/errors.js';

/**
 * All configuration comes from the environment and is validated once, at start-up, into
 * one typed object. An invalid value stops start-up with a message naming the variable.
 */
export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  loadDemo: boolean;
  /** Load the demo registers' rows with the demo (about 1,600 rows; tests turn it off). */
  loadDemoRegisters: boolean;
  adminPassword: string | null;
  demoPassword: string | null;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  maxUploadBytes: number;
  /** scrypt cost parameter N for new password hashes (a power of two). */
  scryptCost: number;
  webRoot: string;
  /** Encrypts the units' private seal keys at rest. Null: kept in secretFile (made on first use). */
  secret: string | null;
  secretFile: string;
  /** Audit chain keys added by rotation (the first key derives from the secret). */
  auditKeyFile: string;
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** New passwords need at least this many characters. */
  passwordMinLength: number;
  /**
   * The seal used when a request names none. Null (unset): the installation's own default,
   * kept in the database (services/support/seal-default.ts): SM2 for a new installation.
   */
  sealAlgorithm: 'ed25519' | 'sm2' | null;
  /** smtp:// or smtps:// URL; null: no e-mail, in-app notices only. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** How often the server checks for automatic reminders; 0 turns them off. */
  reminderIntervalMinutes: number;
}

const bool = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (/^(1|true|yes|on)$/i.test(v)) return true;
      if (/^(0|false|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false` });
      return z.NEVER;
    });

const int = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return Number(v);
    });

const password = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null;
    if (v.length < 8) {
      ctx.addIssue({ code: 'custom', message: 'must be at least 8 characters' });
      return z.NEVER;
    }
    return v;
  });

const envSchema = z.object({
  PORT: int(0, 65535, 3000),
  HOST: z.string().min(1).optional().default('localhost'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional().default('info'),
  LUOSHI_DEMO: bool('LUOSHI_DEMO', true),
  LUOSHI_DEMO_REGISTERS: bool('LUOSHI_DEMO_REGISTERS', true),
  LUOSHI_ADMIN_PASSWORD: password,
  LUOSHI_DEMO_PASSWORD: password,
  SESSION_TTL_HOURS: int(1, 24 * 30, 12),
  COOKIE_SECURE: bool('COOKIE_SECURE', false),
  TRUST_PROXY: bool('TRUST_PROXY', false),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1000, 5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 100000, 20),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60, 15),
  MAX_UPLOAD_MB: int(1, 1024, 20),
  LUOSHI_SCRYPT_COST: int(1024, 1048576, 16384),
  LUOSHI_WEB_ROOT: z.string().optional(),
  LUOSHI_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LUOSHI_SECRET_FILE: z.string().min(1).optional(),
  LUOSHI_AUDIT_KEY_FILE: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: int(1, 24 * 60 * 30, 120),
  PASSWORD_MIN_LENGTH: int(8, 128, 10),
  LUOSHI_SEAL_ALGORITHM: z.enum(['ed25519', 'sm2']).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).optional().default('落实 luoshi <noreply@localhost>'),
  REMINDER_INTERVAL_MINUTES: int(0, 24 * 60, 60),
});

export function parseDatabaseUrl(value: string | undefined, cwd: string): DatabaseTarget {
  if (value === undefined || value.trim() === '') {
    return { dialect: 'sqlite', file: path.resolve(cwd, 'data', 'luoshi.sqlite') };
  }
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new Error('is not a valid postgres:// URL');
    }
    return { dialect: 'postgres', url: value };
  }
  const sqlite = /^(sqlite|file):(.*)$/i.exec(value);
  if (sqlite) {
    const file = (sqlite[2] ?? '').replace(/^\/\/(?=\/)/, '');
    if (file === '') throw new Error('names no SQLite file');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  throw new Error('must be a postgres:// URL or sqlite:PATH');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
  }
  let database: DatabaseTarget | null = null;
  try {
    database = parseDatabaseUrl(env.DATABASE_URL, cwd);
  } catch (error) {
    problems.push(`DATABASE_URL: ${(error as Error).message}`);
  }
  if (!parsed.success || database === null || problems.length > 0) {
    throw new AppError(
      'config_invalid',
      {
        zh: `配置无效：${problems.join(';')}`,
        en: `Invalid configuration: ${problems.join('; ')}`,
      },
      { problems },
    );
  }
  const e = parsed.data;
  if ((e.LUOSHI_SCRYPT_COST & (e.LUOSHI_SCRYPT_COST - 1)) !== 0) {
    throw new AppError('config_invalid', {
      zh: '配置无效：LUOSHI_SCRYPT_COST 必须是 2 的幂',
      en: 'Invalid configuration: LUOSHI_SCRYPT_COST: must be a power of two',
    });
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    logLevel: e.LOG_LEVEL,
    loadDemo: e.LUOSHI_DEMO,
    loadDemoRegisters: e.LUOSHI_DEMO_REGISTERS,
    adminPassword: e.LUOSHI_ADMIN_PASSWORD,
    demoPassword: e.LUOSHI_DEMO_PASSWORD,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    scryptCost: e.LUOSHI_SCRYPT_COST,
    webRoot: e.LUOSHI_WEB_ROOT ?? path.resolve(import.meta.dirname, '..', 'dist', 'web'),
    secret: e.LUOSHI_SECRET ?? null,
    secretFile: path.resolve(cwd, e.LUOSHI_SECRET_FILE ?? path.join('data', 'luoshi.secret')),
    auditKeyFile: path.resolve(cwd, e.LUOSHI_AUDIT_KEY_FILE ?? path.join('data', 'luoshi.audit-keys')),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    passwordMinLength: e.PASSWORD_MIN_LENGTH,
    sealAlgorithm: e.LUOSHI_SEAL_ALGORITHM ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM,
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
  };
}
