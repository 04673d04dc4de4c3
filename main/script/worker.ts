import { parentPort } from 'node:worker_threads';
import { runChain, type WorkerRequest, type WorkerResponse } from './runner';

/** The conversion worker: converts what it is sent, one request at a time, off the main thread. */
const port = parentPort;
if (!port) throw new Error('main/script/worker.ts must run in a worker thread.');

port.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, result: runChain(request.text, request.chain, request.overrides) };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(response);
});
