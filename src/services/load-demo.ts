import fs from 'node:fs';
import path from 'node:path';
import { hunanLookupOptions, hunanRegistry } from '../catalog/hunan.js';
import { authorize } from '../domain/policy.js';
import type { Role } from '../domain/roles.js';
import { generatePassword, hashPassword } from '../security/password.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { importPlan } from './import-plan.js';
import { importRegistry } from './import-registry.js';
import { loadDemoConsultation } from './load-demo-consultation.js';
import { linkDemoRollup, loadDemoRegisters } from './load-demo-registers.js';
import { installBuiltinRegisters } from './install-builtin-registers.js';
import { loadDemoLedger } from './load-demo-ledger.js';
import { publishPlanProgress } from './public-plans.js';

export const OFFICE_CODE = 'hn-czhb';

/** The document the product was born from: the demo's plan. */
export const SEED_PLAN = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'hunan-2021-urbanization-workplan-draft.txt');

export interface DemoAccount {
  login: string;
  role: Role;
  unitCode: string;
  displayName: string;
}

export interface LoadDemoResult {
  loaded: boolean;
  accounts: number;
  /** Set only when a password was generated, so it can be shown once. */
  generatedAdminPassword: string | null;
  generatedDemoPassword: string | null;
}

/** The 市州 whose office and districts have demo accounts (the cascade: 市州负总责、县区抓落实). */
export const DEMO_CITY_CODE = '430100';

/** The demo accounts: admin and office in the leading-group office, and a reporter and a
 * signatory for every member department and every prefecture government; 长沙市 also has its
 * own office (`430100.office`) and a reporter and a signatory in each of its districts. */
export function demoAccounts(units: { code: string; shortName: string; kind: string; member?: boolean | undefined; parentCode?: string | null }[]): DemoAccount[] {
  const office = units.find((u) => u.code === OFFICE_CODE);
  const accounts: DemoAccount[] = [
    { login: 'admin', role: 'admin', unitCode: OFFICE_CODE, displayName: '系统管理员' },
    { login: 'office', role: 'office', unitCode: OFFICE_CODE, displayName: `${office?.shortName ?? '办公室'}工作人员` },
  ];
  for (const u of units) {
    if ((u.kind === 'department' && u.member) || u.kind === 'prefecture') {
      accounts.push({ login: `${u.code}.reporter`, role: 'reporter', unitCode: u.code, displayName: `${u.shortName}填报员` });
      accounts.push({ login: `${u.code}.signatory`, role: 'signatory', unitCode: u.code, displayName: `${u.shortName}签发人` });
    }
    if (u.code === DEMO_CITY_CODE) {
      accounts.push({ login: `${u.code}.office`, role: 'office', unitCode: u.code, displayName: `${u.shortName}城镇化工作办公室` });
    }
  }
  for (const u of units) {
    if (u.kind === 'county' && u.parentCode === DEMO_CITY_CODE) {
      accounts.push({ login: `${u.code}.reporter`, role: 'reporter', unitCode: u.code, displayName: `${u.shortName}填报员` });
      accounts.push({ login: `${u.code}.signatory`, role: 'signatory', unitCode: u.code, displayName: `${u.shortName}签发人` });
    }
  }
  return accounts;
}

/**
 * Loads the demo into an empty database: Hunan's registry, the demo accounts, the seed
 * plan (the 2021 urbanization work points, as circulated for comment), its consultation
 * (see load-demo-consultation.ts, which also publishes its adoption notice), its ledger
 * (load-demo-ledger.ts) and its progress on the public pages (公开, with lights). Does
 * nothing when any user exists, so a restart never resets passwords.
 */
export async function loadDemo(ctx: ServiceContext): Promise<LoadDemoResult> {
  authorize(ctx.actor, 'demo.load');
  const anyUser = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { loaded: false, accounts: 0, generatedAdminPassword: null, generatedDemoPassword: null };

  const registry = hunanRegistry();
  await importRegistry(registry, ctx, { variants: hunanLookupOptions().variants ?? [] });

  const adminPassword = ctx.config.adminPassword ?? generatePassword();
  const demoPassword = ctx.config.demoPassword ?? generatePassword();
  const accounts = demoAccounts(registry.units);
  // Hashing is the slow part (scrypt); do it outside the transaction, in parallel.
  const hashes = await Promise.all(
    accounts.map((a) => hashPassword(a.role === 'admin' ? adminPassword : demoPassword, ctx.config.scryptCost)),
  );
  await inTransaction(ctx, async (trx) => {
    const unitIds = new Map((await trx.selectFrom('units').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    const at = nowIso(ctx);
    await trx
      .insertInto('users')
      .values(
        accounts.map((a, i) => ({
          login: a.login,
          display_name: a.displayName,
          unit_id: unitIds.get(a.unitCode)!,
          role: a.role,
          password_hash: hashes[i]!,
          locale: 'zh-CN',
          // Demo addresses on a reserved domain: reminders can be tried with a local SMTP server.
          email: `${a.login}@demo.luoshi.invalid`,
          active: 1,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'demo.load',
      entity: 'user',
      entityId: null,
      detail: { accounts: accounts.map((a) => ({ login: a.login, role: a.role, unit: a.unitCode })) },
    });
  });
  const seed = fs.readFileSync(SEED_PLAN);
  const plan = await importPlan({ bytes: seed, filename: path.basename(SEED_PLAN), mediaType: 'text/plain' }, ctx);
  await loadDemoConsultation(plan.id, ctx);
  await installBuiltinRegisters(ctx);
  if (ctx.config.loadDemoRegisters) await loadDemoRegisters(ctx);
  await loadDemoLedger(plan.id, ctx);
  if (ctx.config.loadDemoRegisters) await linkDemoRollup(plan.id, ctx);
  await loadDemoPublication(plan.id, ctx);
  return {
    loaded: true,
    accounts: accounts.length,
    generatedAdminPassword: ctx.config.adminPassword ? null : adminPassword,
    generatedDemoPassword: ctx.config.demoPassword ? null : demoPassword,
  };
}

/** The office makes the seed plan's progress public, lights and completion, once the year's work is closed. */
async function loadDemoPublication(planId: number, base: ServiceContext): Promise<void> {
  const office = await base.db.selectFrom('users').select(['id', 'unit_id']).where('login', '=', 'office').executeTakeFirstOrThrow();
  const actor = { kind: 'user' as const, userId: office.id, login: 'office', unitId: office.unit_id, role: 'office' as const };
  await publishPlanProgress(planId, { show: 'lights' }, { ...base, actor, clock: { now: () => new Date('2022-01-20T10:00:00+08:00') } });
}
