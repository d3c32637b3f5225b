import { sql } from 'kysely';
import { authorize, can, ownRegion } from '../domain/policy.js';
import type { RegisterDefinition } from '../domain/register-definition.js';
import type { ServiceContext } from './support/context.js';
import { loadRegister } from './support/register-store.js';

export interface RegisterView {
  id: number;
  key: string;
  name: string;
  builtin: boolean;
  definition: RegisterDefinition;
  rowCount: number;
  /** What the signed-in user may do here; the page renders from this. */
  permissions: {
    define: boolean;
    import: boolean;
    evaluate: boolean;
    publish: boolean;
    /** all rows, the rows of the user's own region, or none */
    write: 'all' | 'region' | 'none';
  };
}

export async function getRegister(id: number, ctx: ServiceContext): Promise<RegisterView> {
  authorize(ctx.actor, 'register.read');
  const register = await loadRegister(ctx.db, id);
  const count = await ctx.db.selectFrom('register_rows').select(sql<number>`count(*)`.as('n')).where('register_id', '=', id).executeTakeFirstOrThrow();
  const actor = ctx.actor;
  const writesAll = can(actor, 'register.row.write', { regionIds: [] });
  const region = ownRegion(actor);
  const writesRegion = !writesAll && region !== undefined && can(actor, 'register.row.write', { regionIds: [region] });
  return {
    id: register.id,
    key: register.key,
    name: register.name,
    builtin: register.builtin,
    definition: register.definition,
    rowCount: Number(count.n),
    permissions: {
      define: can(actor, 'register.define'),
      import: can(actor, 'register.import') && (writesAll || writesRegion),
      evaluate: register.definition.evaluation !== undefined && can(actor, 'register.evaluate'),
      publish: can(actor, 'register.publish'),
      write: writesAll ? 'all' : writesRegion ? 'region' : 'none',
    },
  };
}
