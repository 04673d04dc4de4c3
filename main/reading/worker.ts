import { parentPort, workerData } from 'node:worker_threads';
import { readingContext, type ReadingJobKind, type ReadingJobs, runReadingJob } from './jobs';
import type { ReadingRequest, ReadingResponse, ReadingSetup } from './runner';

/** The reading worker: dictionary lookups, ruby readings and word boundaries, off the main thread. */
const port = parentPort;
if (!port) throw new Error('main/reading/worker.ts must run in a worker thread.');
const context = readingContext((workerData as ReadingSetup | undefined)?.cacheDir);

port.on('message', (message: ReadingRequest) => {
  let response: ReadingResponse;
  try {
    const result = runReadingJob(
      message.kind,
      message.request as ReadingJobs[ReadingJobKind]['request'] as never,
      context,
    );
    response = { id: message.id, ok: true, result };
  } catch (error) {
    response = { id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
