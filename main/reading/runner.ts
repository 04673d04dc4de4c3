import { WorkerChannel } from '../worker-channel';
import type { ReadingContext, ReadingJobKind, ReadingJobs } from './jobs';

/** Messages to and from the reading worker (worker.ts). */
export interface ReadingRequest {
  id: number;
  kind: ReadingJobKind;
  request: unknown;
}
export type ReadingResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string };

/** What the reading worker is started with. */
export interface ReadingSetup {
  /** Where the packed dictionary is kept between starts. */
  cacheDir?: string | undefined;
}

/**
 * Runs the reading aids somewhere: in this thread (tests), or in a worker, because loading the
 * dictionary (0.2–1.3 s) and jieba (0.5 s) would stall Electron's main thread.
 */
export interface ReadingRunner {
  run<K extends ReadingJobKind>(kind: K, request: ReadingJobs[K]['request']): Promise<ReadingJobs[K]['result']>;
  close(): Promise<void>;
}

export class InlineReading implements ReadingRunner {
  private context: ReadingContext | null = null;

  constructor(private readonly setup: ReadingSetup = {}) {}

  async run<K extends ReadingJobKind>(kind: K, request: ReadingJobs[K]['request']): Promise<ReadingJobs[K]['result']> {
    // Loaded at the first job: pinyin-pro's tables are not needed to start the app.
    const jobs = await import('./jobs');
    this.context ??= jobs.readingContext(this.setup.cacheDir);
    return jobs.runReadingJob(kind, request, this.context);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * One long-lived worker thread holding the dictionary; jobs run there in order. A worker that
 * dies is replaced on the next job, and the jobs it held fail with its error.
 */
export class WorkerReading implements ReadingRunner {
  private readonly channel: WorkerChannel<{ message: string }>;

  constructor(workerFile: string, setup: ReadingSetup = {}) {
    this.channel = new WorkerChannel(workerFile, 'reading', (failure) => new Error(failure.message), setup);
  }

  run<K extends ReadingJobKind>(kind: K, request: ReadingJobs[K]['request']): Promise<ReadingJobs[K]['result']> {
    const message: (id: number) => ReadingRequest = (id) => ({ id, kind, request });
    return this.channel.request((id) => ({ message: message(id) })) as Promise<ReadingJobs[K]['result']>;
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}

/**
 * Dictionary jobs on one runner and the rest (ruby, words) on another, so that a lookup loading
 * CC-CEDICT does not hold up ruby; "prepare" warms both.
 */
export function splitReading(dictionary: ReadingRunner, text: ReadingRunner): ReadingRunner {
  return {
    run: (kind, request) => {
      if (kind === 'lookup') return dictionary.run(kind, request);
      if (kind === 'prepare')
        return Promise.all([dictionary.run('prepare', 'dictionary'), text.run('prepare', 'text')]).then(() => null);
      return text.run(kind, request);
    },
    close: () => Promise.all([dictionary.close(), text.close()]).then(() => undefined),
  };
}
