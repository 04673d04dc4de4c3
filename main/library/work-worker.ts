import { parentPort, workerData } from 'node:worker_threads';
import { ScriptDetector } from '../script/detect';
import { runJob, toWireError } from './work';
import type { WorkerSetup, WorkRequest, WorkResponse } from './work-runner';

/**
 * The import worker: reads files (decode, parse, extract, detect), parses annotation exports and
 * re-anchors highlights, one job at a time, off the main thread. It never opens the library.
 */
const port = parentPort;
if (!port) throw new Error('main/library/work-worker.ts must run in a worker thread.');
const setup = (workerData ?? {}) as WorkerSetup;
const context = { detector: ScriptDetector.fromOpencc(setup.dictionaryDir) };

// One at a time, in order: a job's answer goes out before the next one starts.
let queue = Promise.resolve();
port.on('message', (message: WorkRequest) => {
  queue = queue.then(async () => {
    let response: WorkResponse;
    try {
      response = { id: message.id, ok: true, result: await runJob(message.kind, message.request, context) };
    } catch (error) {
      response = { id: message.id, ok: false, error: toWireError(error) };
    }
    port.postMessage(response);
  });
});
