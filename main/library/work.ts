/**
 * The heavy part of importing and re-anchoring, as plain functions of plain data: what the import
 * worker (work-worker.ts) runs off Electron's main thread, and what runs in process when there is
 * no worker (tests, the command line). Everything here crosses threads by structured clone: no
 * closures, no class instances; images travel as Uint8Array. Only the `import` job writes, through
 * the store its thread was given (the worker's own connection to the library, or main's).
 */
import { AppFailure } from '../../preload/contract/errors';
import type { AppError, ImportFile, ImportOutcome, TextEncodingName } from '../../preload/contract/types';
import { anchor, type AnchorResult } from '../annotations/anchor';
import type { TextAnchor } from '../annotations/quote-selector';
import type { Transact } from '../db/connection';
import { asAppFailure } from '../db/sqlite-errors';
import { type PackedNotes, parseNotesFile } from '../export/notes-file';
import type { ScriptDetection, ScriptDetector } from '../script/detect';
import { readFile, type ReadArticle } from './read-file';
import { batchResources, diskResources } from './resources';
import { storeArticle, type StoringArticles } from './store-article';

/**
 * Where a page's images come from, as data: beside it on disk (the native dialog), or among the
 * files picked or dropped with it (only the files that are not pages themselves).
 */
export type ResourceSpec =
  { kind: 'disk'; pagePath: string } | { kind: 'batch'; pageName: string; files: ImportFile[] };

/** What reading a file needs to know besides its bytes. */
export interface WorkReadOptions {
  encoding?: TextEncodingName;
  epubSplit?: 'book' | 'chapters';
  resources?: ResourceSpec;
}

/** An article read from a file, with its script already detected. */
export interface DetectedArticle extends ReadArticle {
  detected: ScriptDetection;
}

/** What a file read as, off the main thread. */
export type WorkRead =
  | {
      status: 'read';
      articles: DetectedArticle[];
      encoding: TextEncodingName | null;
      /** Of a batch spec's files, the ones the page used as its images (they are no articles then). */
      usedResources: number[];
    }
  | { status: 'needsEncoding'; candidates: TextEncodingName[] };

/** What a file gave when it was read and stored in one job: only its outcomes cross back. */
export type WorkImport =
  | {
      status: 'stored';
      outcomes: ImportOutcome[];
      /** As in {@link WorkRead}. */
      usedResources: number[];
    }
  | { status: 'needsEncoding'; candidates: TextEncodingName[] };

/** The jobs, by kind: each one's request and result. */
export interface Jobs {
  read: { request: { name: string; bytes: Uint8Array; options: WorkReadOptions }; result: WorkRead };
  /**
   * Reads a file and stores what it gave (each article in its own transaction, as an import
   * does), so that a long text never crosses back to the main thread nor is stored there.
   */
  import: {
    request: { name: string; bytes: Uint8Array; options: WorkReadOptions; isSample: boolean };
    result: WorkImport;
  };
  /** Parses and checks an annotation export whole (nothing is stored), and packs it in chunks. */
  notes: { request: { bytes: Uint8Array }; result: PackedNotes };
  /** Indexes an article again for search as the library holds it now (after Update text…). */
  reindex: { request: { articleId: number }; result: null };
  /** Finds each selector again in one text (re-anchoring after Update text…, imported notes). */
  anchor: { request: { text: string; selectors: TextAnchor[] }; result: AnchorResult[] };
}
export type JobKind = keyof Jobs;

/** Where the `import` job stores articles: the library as this thread reaches it. */
export interface WorkStore {
  articles: StoringArticles;
  transact: Transact;
  /** Indexes one article again for search (its own transaction); absent without a search index. */
  reindex?: ((articleId: number) => void) | undefined;
}

/** What a job needs that is loaded once per thread. */
export interface WorkContext {
  detector: ScriptDetector;
  /** The library, for the `import` job; a thread without it cannot store (the job fails). */
  store?: WorkStore | undefined;
}

/** The source text of an article read from blocks: what the articles table gives back. */
const sourceOf = (article: ReadArticle): string => article.blocks.map((b) => b.text).join('\n');

async function readJob(
  { name, bytes, options }: Jobs['read']['request'],
  { detector }: WorkContext,
): Promise<WorkRead> {
  let resolver;
  let used: Set<ImportFile> | undefined;
  let files: ImportFile[] = [];
  if (options.resources?.kind === 'disk') resolver = diskResources(options.resources.pagePath);
  if (options.resources?.kind === 'batch') {
    // The page itself stands first; its bytes are not needed to resolve what it refers to.
    files = options.resources.files;
    const page: ImportFile = { name: options.resources.pageName, bytes: new Uint8Array(0) };
    const batch = batchResources([page, ...files]);
    resolver = batch.pages.get(page);
    used = batch.used;
  }
  const result = await readFile(name, bytes, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.epubSplit ? { epubSplit: options.epubSplit } : {}),
    ...(resolver ? { resources: resolver } : {}),
  });
  if (result.status === 'needsEncoding') return result;
  return {
    status: 'read',
    encoding: result.encoding,
    articles: result.articles.map((a) => ({ ...a, detected: detector.classify(sourceOf(a)) })),
    usedResources: used ? files.flatMap((f, i) => (used.has(f) ? [i] : [])) : [],
  };
}

/** Reads a file, then stores each article it gave, unless the library has its text already. */
async function readAndStore(request: Jobs['import']['request'], context: WorkContext): Promise<WorkImport> {
  const { store } = context;
  if (!store) throw new AppFailure('internal', 'This thread has no library to store into.');
  const read = await readJob(request, context);
  if (read.status === 'needsEncoding') return read;
  const outcomes = read.articles.map((article) =>
    storeArticle(
      store.articles,
      store.transact,
      request.name,
      article,
      article.detected,
      read.encoding,
      request.isSample,
    ),
  );
  return { status: 'stored', outcomes, usedResources: read.usedResources };
}

/** Runs one job in this thread. */
export async function runJob<K extends JobKind>(
  kind: K,
  request: Jobs[K]['request'],
  context: WorkContext,
): Promise<Jobs[K]['result']> {
  switch (kind) {
    case 'read':
      return await readJob(request as Jobs['read']['request'], context);
    case 'import':
      return await readAndStore(request as Jobs['import']['request'], context);
    case 'reindex':
      context.store?.reindex?.((request as Jobs['reindex']['request']).articleId);
      return null;
    case 'notes':
      return parseNotesFile((request as Jobs['notes']['request']).bytes);
    case 'anchor': {
      const { text, selectors } = request as Jobs['anchor']['request'];
      return selectors.map((s) => anchor(text, s));
    }
  }
  throw new AppFailure('internal', `Unknown job ${String(kind)}.`);
}

/** A failure as it crosses threads: an AppFailure keeps its code and params, anything else is internal. */
export function toWireError(error: unknown): AppError {
  // SQLite's errors (a busy or read-only library) keep their codes too.
  return asAppFailure(error).toError();
}

export const fromWireError = (error: AppError): AppFailure => new AppFailure(error.code, error.detail, error.params);
