import { Worker } from 'node:worker_threads';
import { AppError, fail } from '../../domain/errors.js';
import type { ErrorCode } from '../../domain/errors.js';
import type { OfficeReply, OfficeTask } from './office-worker.js';

/**
 * Runs a file-reading task in a worker thread (node:worker_threads) with its own heap limit
 * and a deadline, so neither a slow parse nor a memory blow-up touches the server's event
 * loop or heap. A worker that runs out of memory or time is stopped and the upload refused
 * with `document_too_complex`. At most MAX_WORKERS run at once; others wait their turn.
 */
const MAX_WORKERS = 2;
const TIMEOUT_MS = 60_000;
const HEAP_MB = 512;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** In the built server the worker is compiled JavaScript; under tsx/vitest it is TypeScript. */
function workerUrl(): { url: URL; execArgv: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  return typescript
    ? { url: new URL('./office-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./office-worker.js', import.meta.url), execArgv: [] };
}

export async function runOfficeTask<T>(task: OfficeTask, options: { timeoutMs?: number; heapMb?: number } = {}): Promise<T> {
  const release = await slot();
  try {
    const { url, execArgv } = workerUrl();
    const worker = new Worker(url, { execArgv, resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? HEAP_MB } });
    return await new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        fn();
      };
      const timer = setTimeout(() => settle(() => reject(fail('document_too_complex', { reason: 'time' }))), options.timeoutMs ?? TIMEOUT_MS);
      worker.on('message', (reply: OfficeReply) =>
        settle(() => {
          if (reply.ok) resolve(reply.value as T);
          else if ('internal' in reply.error) reject(new Error(`office worker: ${reply.error.internal}`));
          else reject(new AppError(reply.error.code as ErrorCode, reply.error.messages, reply.error.details));
        }),
      );
      worker.on('error', (error: Error & { code?: string }) =>
        settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? fail('document_too_complex', { reason: 'memory' }) : error)),
      );
      worker.on('exit', (code) => settle(() => reject(fail('document_too_complex', { reason: `worker exit ${code}` }))));
      worker.postMessage(task);
    });
  } finally {
    release();
  }
}
