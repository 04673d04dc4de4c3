import type { AppError } from '../../preload/contract/types';
import { WorkerChannel } from '../worker-channel';
import { fromWireError, type JobKind, type Jobs, runJob, type WorkContext } from './work';

/** Messages to and from the import worker (work-worker.ts). */
export interface WorkRequest<K extends JobKind = JobKind> {
  id: number;
  kind: K;
  request: Jobs[K]['request'];
}
export type WorkResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: AppError };

/** What the import worker is started with. */
export interface WorkerSetup {
  /** OpenCC dictionary folder for script detection; the `opencc` package's data when absent. */
  dictionaryDir?: string | undefined;
  /** The library (already opened and migrated by main), which the worker opens to store imports. */
  databaseFile?: string | undefined;
  /** A damaged library: the worker's connection refuses writes too. */
  readOnly?: boolean | undefined;
  /** False stores articles without the search index (a benchmark's anchor). */
  searchIndex?: boolean | undefined;
}

/**
 * Runs the heavy part of imports and re-anchoring (work.ts) somewhere: in this thread, or in a
 * worker so that Electron's main thread stays free for the window.
 */
export interface WorkRunner {
  run<K extends JobKind>(kind: K, request: Jobs[K]['request']): Promise<Jobs[K]['result']>;
  close(): Promise<void>;
}

/** Runs jobs in the calling thread (tests, the command line): the same functions the worker runs. */
export class InlineWork implements WorkRunner {
  constructor(private readonly context: WorkContext) {}

  run<K extends JobKind>(kind: K, request: Jobs[K]['request']): Promise<Jobs[K]['result']> {
    return runJob(kind, request, this.context);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Bytes past this are copied and the copy moved to the worker, not serialized (see {@link outgoing}). */
const TRANSFER_BYTES = 1024 * 1024;

/**
 * A request as posted: a file's bytes over {@link TRANSFER_BYTES} are copied here (one memcpy) and
 * the copy's buffer transferred, because the structured clone's serializer spends seconds on the
 * main thread over a 141 MB file; the caller's own bytes stay whole (an encoding question keeps them).
 */
function outgoing<K extends JobKind>(message: WorkRequest<K>): { message: WorkRequest<K>; transfer: ArrayBuffer[] } {
  const request = message.request as { bytes?: unknown };
  if (!(request.bytes instanceof Uint8Array) || request.bytes.byteLength <= TRANSFER_BYTES) {
    return { message, transfer: [] };
  }
  const copy = request.bytes.slice();
  return { message: { ...message, request: { ...message.request, bytes: copy } }, transfer: [copy.buffer] };
}

/**
 * Runs jobs in one long-lived worker thread (which loads the detection tables once), one at a
 * time in order. AppFailures come back as themselves (code, params). A worker that dies is
 * replaced on the next job, and the jobs it held fail with its error.
 */
export class WorkerWork implements WorkRunner {
  private readonly channel: WorkerChannel<{ error: AppError }>;

  constructor(workerFile: string, setup: WorkerSetup = {}) {
    this.channel = new WorkerChannel(workerFile, 'import', (failure) => fromWireError(failure.error), setup);
  }

  run<K extends JobKind>(kind: K, request: Jobs[K]['request']): Promise<Jobs[K]['result']> {
    return this.channel.request((id) => outgoing({ id, kind, request })) as Promise<Jobs[K]['result']>;
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
