import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseDatabaseUrl } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data and port 3000', () => {
    const config = loadConfig({}, '/srv/luoshi');
    expect(config.database).toEqual({ dialect: 'sqlite', file: path.resolve('/srv/luoshi/data/luoshi.sqlite') });
    expect(config.port).toBe(3000);
    expect(config.loadDemo).toBe(true);
  });

  it('chooses PostgreSQL for a postgres:// URL', () => {
    expect(parseDatabaseUrl('postgres://u@h:5432/db', '/')).toEqual({ dialect: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(parseDatabaseUrl('postgresql://h/db', '/').dialect).toBe('postgres');
    expect(parseDatabaseUrl('sqlite:relative.db', '/srv')).toEqual({ dialect: 'sqlite', file: path.resolve('/srv/relative.db') });
  });

  it('names every invalid variable in one error', () => {
    expect(() => loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe', LUOSHI_DEMO_PASSWORD: 'short' })).toThrowError(
      /PORT.*DATABASE_URL|DATABASE_URL.*PORT/,
    );
    try {
      loadConfig({ COOKIE_SECURE: 'maybe', LUOSHI_DEMO_PASSWORD: 'short' });
    } catch (error) {
      expect((error as { code: string }).code).toBe('config_invalid');
      expect((error as Error).message).toContain('COOKIE_SECURE');
      expect((error as Error).message).toContain('LUOSHI_DEMO_PASSWORD');
    }
  });

  it('rejects a scrypt cost that is not a power of two', () => {
    expect(() => loadConfig({ LUOSHI_SCRYPT_COST: '3000' })).toThrowError(/LUOSHI_SCRYPT_COST/);
  });
});
