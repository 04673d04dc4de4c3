import type { ImportOutcome, ImportReport } from '../../preload/contract/types';
import { asAppFailure } from '../db/sqlite-errors';
import type { Emit } from '../events';
import type { Batches } from './batches';

/** One file of a batch: its name, and the work that imports it (run only when its turn comes). */
export interface BatchItem {
  name: string;
  /** Imports it (a book split by chapter gives several outcomes); run only when its turn comes. */
  run(): Promise<ImportOutcome[]>;
  /** True when the file turned out to be a page's image: then it is no article of its own. */
  skip?: () => boolean;
}

export const failed = (name: string, error: unknown): ImportOutcome => ({
  status: 'failed',
  name,
  error: asAppFailure(error).toError(),
});

/**
 * Runs a batch, one file at a time, yielding between files so progress events get out: every
 * file gets its outcome (one that throws fails alone), and a cancelled batch reports the files
 * not reached as `cancelled`.
 */
export async function runBatch(items: readonly BatchItem[], batches: Batches, emit: Emit): Promise<ImportReport> {
  const batchId = batches.start();
  const outcomes: ImportOutcome[] = [];
  try {
    for (const [i, item] of items.entries()) {
      if (item.skip?.()) continue;
      if (batches.cancelled(batchId)) {
        outcomes.push({ status: 'cancelled', name: item.name });
        continue;
      }
      emit('importProgress', { batchId, done: i, total: items.length, name: item.name });
      try {
        outcomes.push(...(await item.run()));
      } catch (error) {
        outcomes.push(failed(item.name, error));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    batches.end(batchId);
  }
  emit('importProgress', { batchId, done: items.length, total: items.length, name: '' });
  if (outcomes.some((o) => o.status === 'imported')) emit('libraryChanged', null);
  return { batchId, outcomes };
}
