import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { parseRegistryJson } from '../../catalog/registry-file.js';
import { fail } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { registryToXlsx } from '../../office/units-xlsx.js';
import { readRegistryXlsx } from '../../services/support/read-upload.js';
import { createUnit } from '../../services/create-unit.js';
import { exportRegistry } from '../../services/export-registry.js';
import { getUnit } from '../../services/get-unit.js';
import { importRegistry } from '../../services/import-registry.js';
import { listUnitKeys } from '../../services/list-unit-keys.js';
import { listUnitUsers } from '../../services/list-unit-users.js';
import { allowedForUnits, listUnits } from '../../services/list-units.js';
import { updateUnit } from '../../services/update-unit.js';
import { createUnitInput, updateUnitInput } from '../../services/support/unit-input.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { XLSX_TYPE, fileResponse, idParams } from '../../contract/common.js';
import { importResult, unit as unitSchema, unitKeyList, unitList, unitListQuery } from '../../contract/units.js';
import { userList } from '../../contract/users.js';
import { attachment } from '../downloads.js';

export function unitRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Registry spreadsheets arrive as raw bytes.
    app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: deps.config.maxUploadBytes }, (_req, body, done) =>
      done(null, body),
    );

    app.get(
      '/api/units',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags: ['units'],
          summary: 'Search the registry by name, short name, code or alias; filter by kind or parent',
          querystring: unitListQuery,
          response: { 200: unitList },
        },
      },
      async (request) => {
        const ctx = signedIn(request, deps);
        return { units: await listUnits(request.query, ctx), allowed: allowedForUnits(ctx) };
      },
    );

    app.get(
      '/api/units/export.json',
      {
        config: { policy: 'unit.export' },
        schema: { tags: ['units'], summary: 'The registry as a JSON file (admin, office)', response: { 200: fileResponse('luoshi-registry.json', 'application/json') } },
      },
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
      {
        config: { policy: 'unit.export' },
        schema: { tags: ['units'], summary: 'The registry as an xlsx workbook (admin, office)', response: { 200: fileResponse('单位名录.xlsx', XLSX_TYPE) } },
      },
      async (request, reply) => {
        const file = await exportRegistry(signedIn(request, deps));
        const bytes = await registryToXlsx(file);
        return reply
          .header('Content-Disposition', attachment('单位名录.xlsx', 'luoshi-registry.xlsx'))
          .type(XLSX_TYPE)
          .send(bytes);
      },
    );

    app.post(
      '/api/units/import',
      {
        bodyLimit: deps.config.maxUploadBytes,
        config: { policy: 'unit.import' },
        schema: {
          tags: ['units'],
          summary: 'Create or update units by code from a registry file: JSON body or xlsx bytes (admin)',
          consumes: ['application/json', XLSX_TYPE, 'application/octet-stream'],
          response: { 200: importResult },
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
      { config: { policy: 'unit.read' }, schema: { tags: ['units'], summary: 'One unit', params: idParams, response: { 200: unitSchema } } },
      async (request) => getUnit(request.params.id, signedIn(request, deps)),
    );

    app.get(
      '/api/units/:id/users',
      {
        config: { policy: 'unit.users.read' },
        schema: {
          tags: ['units'],
          summary: "A unit's accounts (the unit itself, the office and admins only)",
          params: idParams,
          response: { 200: userList },
        },
      },
      async (request) => ({ users: await listUnitUsers(request.params.id, signedIn(request, deps)) }),
    );

    app.get(
      '/api/units/:id/keys',
      {
        config: { policy: 'unit.read' },
        schema: { tags: ['units'], summary: "A unit's public seal keys, to check its sealed replies", params: idParams, response: { 200: unitKeyList } },
      },
      async (request) => ({ keys: await listUnitKeys(request.params.id, signedIn(request, deps)) }),
    );

    app.post(
      '/api/units',
      { config: { policy: 'unit.create' }, schema: { tags: ['units'], summary: 'Add a unit (admin)', body: createUnitInput, response: { 201: unitSchema } } },
      async (request, reply) => reply.status(201).send(await createUnit(request.body, signedIn(request, deps))),
    );

    app.patch(
      '/api/units/:id',
      {
        config: { policy: 'unit.update' },
        schema: { tags: ['units'], summary: 'Edit a unit (admin)', params: idParams, body: updateUnitInput, response: { 200: unitSchema } },
      },
      async (request) => updateUnit(request.params.id, request.body, signedIn(request, deps)),
    );
  };
}
