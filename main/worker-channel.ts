import { type Transferable, Worker } from 'node:worker_threads';

/** What every one of our workers sends back: the request's id, and its result or its failure. */
export type WorkerReply<Failure> = { id: number; ok: true; result: unknown } | ({ id: number; ok: false } & Failure);

/**
 * One long-lived worker thread answering requests by id, in the order they were sent: the
 * conversion, reading and import workers all talk to main through one of these. A worker that
 * dies is replaced on the next request, and the requests it held fail with its error. A busy
 * worker keeps the process alive; an idle one does not.
 */
export class WorkerChannel<Failure> {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(r: unknown): void; reject(e: Error): void }>();

  /**
   * @param name - for the error when the worker stops ("the conversion worker stopped …").
   * @param errorOf - turns a failure reply into the error its request rejects with.
   */
  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly errorOf: (failure: Failure) => Error,
    private readonly workerData?: unknown,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file, this.workerData === undefined ? {} : { workerData: this.workerData });
    worker.on('message', (reply: WorkerReply<Failure>) => {
      const entry = this.waiting.get(reply.id);
      if (!entry) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.ok) entry.resolve(reply.result);
      else entry.reject(this.errorOf(reply));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const entry of this.waiting.values()) entry.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The ${this.name} worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  /** Sends the message `build` makes for a new id (moving the buffers it lists) and waits for its reply. */
  request(build: (id: number) => { message: object; transfer?: readonly Transferable[] }): Promise<unknown> {
    const worker = this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const { message, transfer = [] } = build(id);
      worker.postMessage(message, transfer);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
