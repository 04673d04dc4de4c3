import { parentPort, workerData } from 'node:worker_threads';
import { ArticleStore } from '../db/articles';
import { openWorkerConnection, transactor } from '../db/connection';
import { SearchIndexStore } from '../db/search-index';
import { ScriptDetector } from '../script/detect';
import { fold, foldVersion } from '../script/fold';
import { runJob, toWireError, type WorkContext, type WorkStore } from './work';
import type { WorkerSetup, WorkRequest, WorkResponse } from './work-runner';

/**
 * The import worker: reads files (decode, parse, extract, detect) and stores the articles they
 * give through its own connection to the library (with their search index), parses annotation
 * exports and re-anchors highlights, one job at a time, off the main thread.
 */
const port = parentPort;
if (!port) throw new Error('main/library/work-worker.ts must run in a worker thread.');
const setup = (workerData ?? {}) as WorkerSetup;
let store: WorkStore | undefined;
const context: WorkContext = {
  detector: ScriptDetector.fromOpencc(setup.dictionaryDir),
  // Opened on the first import that stores: most jobs never need it.
  get store() {
    if (!store && setup.databaseFile) {
      const db = openWorkerConnection(setup.databaseFile, setup.readOnly === true);
      const index =
        setup.searchIndex === false ? undefined : new SearchIndexStore(db, { fold, version: foldVersion() });
      store = {
        articles: new ArticleStore(db, undefined, index),
        transact: transactor(db),
        reindex: index && ((id) => void index.reindex(id)),
      };
    }
    return store;
  },
};

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
