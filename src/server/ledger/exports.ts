import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DOCX_TYPE, XLSX_TYPE, fileResponse } from '../../contract/common.js';
import { ledgerExportQuery, planParams, roundParams } from '../../contract/ledger.js';
import { ledgerTitle, ledgerToXlsx } from '../../office/ledger-xlsx.js';
import { roundBulletinDocx } from '../../office/round-bulletin-docx.js';
import { exportLedger } from '../../services/export-ledger.js';
import { roundBulletin } from '../../services/round-bulletin.js';
import { signedIn } from '../auth.js';
import type { ServerDeps } from '../auth.js';
import { attachment } from '../downloads.js';

/**
 * The ledger's printed documents. Like the consultation's exports they are reads, so they are
 * not audited; each is authorised as the route it mirrors (see the services).
 */
export function ledgerExportRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ledger'];

    app.get(
      '/api/plans/:planId/ledger.xlsx',
      {
        config: { policy: 'task.read' },
        schema: {
          tags,
          summary: '任务台账 (xlsx, A4 landscape): the rows of GET /api/plans/:planId/tasks with the same filters; the latest progress only where the reader may read the report',
          params: planParams,
          querystring: ledgerExportQuery,
          response: { 200: fileResponse('任务台账', XLSX_TYPE) },
        },
      },
      async (request, reply) => {
        const sheet = await exportLedger(request.params.planId, request.query, signedIn(request, deps));
        const bytes = await ledgerToXlsx(sheet);
        return reply.type(XLSX_TYPE).header('Content-Disposition', attachment(`${ledgerTitle(sheet).replace(/[《》]/g, '')}.xlsx`, 'ledger.xlsx')).send(bytes);
      },
    );

    app.get(
      '/api/rounds/:roundId/bulletin.docx',
      {
        config: { policy: 'round.manage' },
        schema: {
          tags,
          summary: "A round's 通报 (docx, GB/T 9704 layout): overall progress, by section, red and yellow lists, late and missing reports, good practice (the office governing the round)",
          params: roundParams,
          response: { 200: fileResponse('调度情况通报', DOCX_TYPE) },
        },
      },
      async (request, reply) => {
        const bulletin = await roundBulletin(request.params.roundId, signedIn(request, deps));
        const bytes = await roundBulletinDocx(bulletin);
        return reply.type(DOCX_TYPE).header('Content-Disposition', attachment(`关于${bulletin.roundTitle}情况的通报.docx`, 'bulletin.docx')).send(bytes);
      },
    );
  };
}
