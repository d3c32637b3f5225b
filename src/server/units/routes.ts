import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseRegistryJson } from '../../catalog/registry-file.js';
import { fail } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { UNIT_KINDS } from '../../domain/unit.js';
import { registryToXlsx } from '../../office/units-xlsx.js';
import { readRegistryXlsx } from '../../services/support/read-upload.js';
import { createUnit } from '../../services/create-unit.js';
import { exportRegistry } from '../../services/export-registry.js';
import { getUnit } from '../../services/get-unit.js';
import { importRegistry } from '../../services/import-registry.js';
import { listUnitKeys } from '../../services/list-unit-keys.js';
import { listUnitUsers } from '../../services/list-unit-users.js';
import { listUnits } from '../../services/list-units.js';
import { updateUnit } from '../../services/update-unit.js';
import { createUnitInput, updateUnitInput } from '../../services/support/unit-input.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { idParams, unitSchema, userSchema } from '../schemas.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function unitRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Registry spreadsheets arrive as raw bytes.
    app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: deps.config.maxUploadBytes }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/units',
      {
        schema: {
          tags: ['units'],
          summary: 'Search the registry by name, short name, code or alias; filter by kind or parent',
          querystring: z.object({
            q: z.string().max(100).optional(),
            kind: z.enum(UNIT_KINDS).optional(),
            parentId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: z.object({ units: z.array(unitSchema) }) },
        },
      },
      async (request) => ({ units: await listUnits(request.query, signedIn(request, deps)) }),
    );

    app.get(
      '/api/units/export.json',
      { schema: { tags: ['units'], summary: 'The registry as a JSON file (admin, office)' } },
      async (request, reply) => {
        const file = await exportRegistry(signedIn(request, deps));
        return reply
          .header('Content-Disposition', 'attachment; filename="luoshi-registry.json"')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(file, null, 2));
      },
    );

    app.get(
      '/api/units/export.xlsx',
      { schema: { tags: ['units'], summary: 'The registry as an xlsx workbook (admin, office)' } },
      async (request, reply) => {
        const file = await exportRegistry(signedIn(request, deps));
        const bytes = await registryToXlsx(file);
        return reply
          .header('Content-Disposition', `attachment; filename="luoshi-registry.xlsx"; filename*=UTF-8''${encodeURIComponent('单位名录.xlsx')}`)
          .type(XLSX_TYPE)
          .send(bytes);
      },
    );

    app.post(
      '/api/units/import',
      {
        bodyLimit: deps.config.maxUploadBytes,
        schema: {
          tags: ['units'],
          summary: 'Create or update units by code from a registry file: JSON body or xlsx bytes (admin)',
          response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }) },
        },
      },
      async (request) => {
        const ctx = signedIn(request, deps);
        authorize(ctx.actor, 'unit.import'); // before a byte of the file is read
        const body: unknown = request.body;
        let file;
        if (Buffer.isBuffer(body)) file = await readRegistryXlsx(body);
        else if (typeof body === 'string') file = parseRegistryJson(body);
        else if (body !== null && typeof body === 'object') file = parseRegistryJson(JSON.stringify(body));
        else throw fail('registry_file_type');
        return importRegistry(file, ctx);
      },
    );

    app.get(
      '/api/units/:id',
      { schema: { tags: ['units'], summary: 'One unit', params: idParams, response: { 200: unitSchema } } },
      async (request) => getUnit(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/units/:id/users',
      {
        schema: {
          tags: ['units'],
          summary: "A unit's accounts (the unit itself, the office and admins only)",
          params: idParams,
          response: { 200: z.object({ users: z.array(userSchema) }) },
        },
      },
      async (request) => ({ users: await listUnitUsers(request.params.id, signedIn(request, deps)) }),
    );

    app.get(
      '/api/units/:id/keys',
      { schema: { tags: ['units'], summary: "A unit's public seal keys, to check its sealed replies", params: idParams } },
      async (request) => ({ keys: await listUnitKeys(request.params.id, signedIn(request, deps)) }),
    );

    app.post(
      '/api/units',
      { schema: { tags: ['units'], summary: 'Add a unit (admin)', body: createUnitInput, response: { 201: unitSchema } } },
      async (request, reply) => reply.status(201).send(await createUnit(request.body, signedIn(request, deps))),
    );

    app.patch(
      '/api/units/:id',
      {
        schema: { tags: ['units'], summary: 'Edit a unit (admin)', params: idParams, body: updateUnitInput, response: { 200: unitSchema } },
      },
      async (request) => updateUnit(request.params.id, request.body, signedIn(request, deps)),
    );
  };
}
