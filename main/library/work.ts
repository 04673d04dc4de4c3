/**
 * The CPU-heavy, DB-free part of importing and re-anchoring, as plain functions of plain data:
 * what the import worker (work-worker.ts) runs off Electron's main thread, and what runs in
 * process when there is no worker (tests, the command line). Everything here crosses threads by
 * structured clone: no closures, no class instances; images travel as Uint8Array.
 */
import { AppFailure } from '../../preload/contract/errors';
import type { AppError, ImportFile, TextEncodingName } from '../../preload/contract/types';
import { anchor, type AnchorResult } from '../annotations/anchor';
import type { TextAnchor } from '../annotations/quote-selector';
import { parseNotesFile, type ParsedNotes } from '../export/notes-file';
import type { ScriptDetection, ScriptDetector } from '../script/detect';
import { readFile, type ReadArticle } from './read-file';
import { batchResources, diskResources } from './resources';

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

/** The jobs, by kind: each one's request and result. */
export interface Jobs {
  read: { request: { name: string; bytes: Uint8Array; options: WorkReadOptions }; result: WorkRead };
  /** Parses and checks an annotation export whole; nothing is stored. */
  notes: { request: { bytes: Uint8Array }; result: ParsedNotes };
  /** Finds each selector again in one text (re-anchoring after Update text…, imported notes). */
  anchor: { request: { text: string; selectors: TextAnchor[] }; result: AnchorResult[] };
}
export type JobKind = keyof Jobs;

/** What a job needs that is loaded once per thread. */
export interface WorkContext {
  detector: ScriptDetector;
}

/** The source text of an article read from blocks: what the articles table gives back. */
const sourceOf = (article: ReadArticle): string => article.blocks.map((b) => b.text).join('\n');

async function read({ name, bytes, options }: Jobs['read']['request'], { detector }: WorkContext): Promise<WorkRead> {
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

/** Runs one job in this thread. */
export async function runJob<K extends JobKind>(
  kind: K,
  request: Jobs[K]['request'],
  context: WorkContext,
): Promise<Jobs[K]['result']> {
  switch (kind) {
    case 'read':
      return await read(request as Jobs['read']['request'], context);
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
  if (error instanceof AppFailure) return error.toError();
  return { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}

export const fromWireError = (error: AppError): AppFailure => new AppFailure(error.code, error.detail, error.params);
