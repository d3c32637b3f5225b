import { parentPort } from 'node:worker_threads';
import { AppError } from '../../domain/errors.js';
import { decodeDocument } from '../../parse/decode.js';
import { inspectArchive, isZip } from '../../office/archive-guard.js';
import { registryFromXlsx } from '../../office/units-xlsx.js';

/**
 * The worker side of run-office-task.ts: reads one uploaded file off the main thread, so a
 * large document never stalls other requests. Each task guards the archive first.
 */
export type OfficeTask =
  | { kind: 'decode-document'; bytes: Uint8Array; maxBytes: number; filename: string }
  | { kind: 'registry-xlsx'; bytes: Uint8Array };

export type OfficeReply =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; messages: { zh: string; en: string }; details?: Record<string, unknown> } | { internal: string } };

export async function runTask(task: OfficeTask): Promise<unknown> {
  if (isZip(task.bytes)) await inspectArchive(task.bytes);
  switch (task.kind) {
    case 'decode-document':
      return decodeDocument(task.bytes, { maxBytes: task.maxBytes, filename: task.filename });
    case 'registry-xlsx':
      return registryFromXlsx(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.length));
    default: {
      const unreachable: never = task;
      return unreachable;
    }
  }
}

parentPort?.on('message', (task: OfficeTask) => {
  runTask(task).then(
    (value) => parentPort!.postMessage({ ok: true, value } satisfies OfficeReply),
    (error: unknown) => {
      const reply: OfficeReply =
        error instanceof AppError
          ? { ok: false, error: { code: error.code, messages: error.messages, ...(error.details && { details: error.details }) } }
          : { ok: false, error: { internal: error instanceof Error ? error.message : String(error) } };
      parentPort!.postMessage(reply);
    },
  );
});
