import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppFailure } from '../../preload/contract/errors';
import type {
  ArticleSummary,
  EncodingCandidate,
  ImportFile,
  ImportOutcome,
  ImportReport,
  TextEncodingName,
} from '../../preload/contract/types';
import { MAX_IMPORT_BYTES } from '../../preload/contract/types';
import type { ArticleStore, NewArticle } from '../db/articles';
import type { SettingsStore } from '../db/settings';
import type { Emit } from '../events';
import type { ScriptDetector } from '../script/detect';
import { decodeBytes, detectEncoding, looksBinary } from './decode';
import { normalizeText, parsePlainText } from './parse';

/** Bytes waiting for the user to say which encoding they are in. */
interface PendingImport {
  name: string;
  bytes: Uint8Array;
}
const MAX_PENDING = 50;
const PREVIEW_CHARS = 160;
/** Stands in for the bytes of a file too large to read. */
const TOO_LARGE = new Uint8Array(0);

/** The hash that identifies an article's content, whatever encoding or line endings it came in. */
export function contentHash(blocks: readonly { text: string }[]): string {
  return createHash('sha256')
    .update(blocks.map((b) => b.text).join('\n'), 'utf8')
    .digest('hex');
}

const titleFromName = (name: string): string => basename(name, extname(name));

/**
 * Imports articles into the library: decoding, splitting, script detection, duplicate checks.
 * Every file gets its own outcome; one bad file never stops a batch.
 */
export class Library {
  private readonly pending = new Map<string, PendingImport>();

  constructor(
    private readonly articles: ArticleStore,
    private readonly settings: SettingsStore,
    private readonly detector: ScriptDetector,
    private readonly emit: Emit,
  ) {}

  /** Imports a batch, one file at a time, yielding between files so progress events get out. */
  async importFiles(files: readonly ImportFile[]): Promise<ImportReport> {
    const batchId = randomUUID();
    const outcomes: ImportOutcome[] = [];
    for (const [i, file] of files.entries()) {
      this.emit('importProgress', { batchId, done: i, total: files.length, name: file.name });
      outcomes.push(this.importBytes(file.name, file.bytes));
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.emit('importProgress', { batchId, done: files.length, total: files.length, name: '' });
    if (outcomes.some((o) => o.status === 'imported')) this.emit('libraryChanged', null);
    return { batchId, outcomes };
  }

  /** Imports files from disk (the native dialog); files over the limit are refused before they are read. */
  importPaths(paths: readonly string[]): Promise<ImportReport> {
    return this.importFiles(
      paths.map((path) => ({
        name: basename(path),
        bytes: statSync(path).size > MAX_IMPORT_BYTES ? TOO_LARGE : readFileSync(path),
      })),
    );
  }

  /** Imports one file's bytes; with `encoding`, skips detection. */
  importBytes(name: string, bytes: Uint8Array, encoding?: TextEncodingName, isSample = false): ImportOutcome {
    try {
      if (bytes === TOO_LARGE) throw new AppFailure('too_large', 'The file is larger than 50 MB.');
      if (bytes.byteLength === 0) throw new AppFailure('empty', 'The file is empty.');
      if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppFailure('too_large', 'The file is larger than 50 MB.');
      if (!encoding && looksBinary(bytes)) {
        throw new AppFailure('binary', 'This is not a text file (it looks like binary data).');
      }
      if (encoding) return this.importDecoded(name, decodeBytes(bytes, encoding), encoding, isSample);
      const detection = detectEncoding(bytes);
      if (!detection.confident) return this.askForEncoding(name, bytes, detection.candidates);
      return this.importDecoded(name, decodeBytes(bytes, detection.encoding), detection.encoding, isSample);
    } catch (error) {
      return { status: 'failed', name, error: toAppError(error) };
    }
  }

  /** Imports pasted text as a new article. */
  importText(text: string, title?: string): ImportOutcome {
    const name = title?.trim() || 'Pasted text';
    try {
      const outcome = this.importDecoded(name, text, null, false, title?.trim() || undefined);
      if (outcome.status === 'imported') this.emit('libraryChanged', null);
      return outcome;
    } catch (error) {
      return { status: 'failed', name, error: toAppError(error) };
    }
  }

  /** Finishes an import that waited for the user to pick an encoding. */
  chooseEncoding(token: string, encoding: TextEncodingName): ImportOutcome {
    const pending = this.pending.get(token);
    if (!pending) throw new AppFailure('expired', 'That import is no longer waiting; please import the file again.');
    this.pending.delete(token);
    const outcome = this.importBytes(pending.name, pending.bytes, encoding);
    if (outcome.status === 'imported') this.emit('libraryChanged', null);
    return outcome;
  }

  /**
   * On first run, imports the sample articles shipped in `dir` (once: a user who deletes them
   * does not get them back).
   */
  ensureSamples(dir: string): ImportOutcome[] {
    if (this.settings.flag('samplesSeeded')) return [];
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const outcomes = files.map((f) => this.importBytes(f, readFileSync(join(dir, f)), undefined, true));
    this.settings.setFlag('samplesSeeded', true);
    return outcomes;
  }

  /**
   * Reads an edited version of an article (a file re-imported over it): decoded, split and
   * detected like an import, but not stored. Refuses what an import would refuse, an encoding it
   * cannot be sure of, and a text that is already another article.
   */
  readReplacement(
    id: number,
    file: { name: string; bytes: Uint8Array },
    encoding?: TextEncodingName,
  ): NewArticle | { status: 'needsEncoding'; name: string; candidates: EncodingCandidate[] } {
    const { bytes } = file;
    if (bytes.byteLength === 0) throw new AppFailure('empty', 'The file is empty.');
    if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppFailure('too_large', 'The file is larger than 50 MB.');
    if (!encoding && looksBinary(bytes)) {
      throw new AppFailure('binary', 'This is not a text file (it looks like binary data).');
    }
    const detection = encoding ? null : detectEncoding(bytes);
    // Unsure which encoding: the reader picks from previews, as on import; nothing changes meanwhile.
    if (detection && !detection.confident) {
      return { status: 'needsEncoding', name: file.name, candidates: this.previews(bytes, detection.candidates) };
    }
    const used = encoding ?? detection?.encoding ?? 'utf-8';
    const normalized = normalizeText(decodeBytes(bytes, used));
    if (normalized.trim() === '') throw new AppFailure('empty', 'The text is empty.');
    const parsed = parsePlainText(normalized, titleFromName(file.name));
    if (parsed.blocks.length === 0) throw new AppFailure('empty', 'The text is empty.');
    const hash = contentHash(parsed.blocks);
    const existing = this.articles.findByHash(hash);
    if (existing && existing.summary.id !== id && !existing.deleted) {
      throw new AppFailure('invalid_argument', `That text is already in the library as “${existing.summary.title}”.`);
    }
    if (existing && existing.summary.id !== id) this.articles.purge(existing.summary.id);
    const detected = this.detector.classify(parsed.blocks.map((b) => b.text).join('\n'));
    return {
      title: parsed.title,
      author: parsed.author,
      source: parsed.source,
      publishedAt: parsed.publishedAt,
      script: detected.script,
      scriptForm: detected.form,
      encoding: used,
      contentHash: hash,
      isSample: false,
      blocks: parsed.blocks,
    };
  }

  delete(id: number): void {
    if (!this.articles.markDeleted(id)) throw new AppFailure('not_found', 'That article is not in the library.');
    this.emit('libraryChanged', null);
  }

  restore(id: number): void {
    if (!this.articles.restore(id)) throw new AppFailure('not_found', 'That article can no longer be restored.');
    this.emit('libraryChanged', null);
  }

  private askForEncoding(name: string, bytes: Uint8Array, candidates: TextEncodingName[]): ImportOutcome {
    const token = randomUUID();
    this.pending.set(token, { name, bytes });
    // Oldest first out: the map keeps insertion order.
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    return { status: 'needsEncoding', name, token, candidates: this.previews(bytes, candidates) };
  }

  /** The first lines of the bytes in each candidate encoding, so that the reader sees which reads right. */
  private previews(bytes: Uint8Array, candidates: TextEncodingName[]): EncodingCandidate[] {
    return candidates.map((encoding) => ({
      encoding,
      preview: normalizeText(decodeBytes(bytes.subarray(0, PREVIEW_CHARS * 4), encoding)).slice(0, PREVIEW_CHARS),
    }));
  }

  private importDecoded(
    name: string,
    text: string,
    encoding: TextEncodingName | null,
    isSample: boolean,
    title?: string,
  ): ImportOutcome {
    const normalized = normalizeText(text);
    if (normalized.trim() === '') throw new AppFailure('empty', 'The text is empty.');
    const parsed = parsePlainText(normalized, title ?? titleFromName(name));
    if (parsed.blocks.length === 0) throw new AppFailure('empty', 'The text is empty.');
    // A title the user typed wins; a first line that differs from it is then just a paragraph.
    const blocks = title
      ? parsed.blocks.map((b) => (b.kind === 'heading' && b.text !== title ? { ...b, kind: 'paragraph' as const } : b))
      : parsed.blocks;
    const hash = contentHash(blocks);
    const existing = this.articles.findByHash(hash);
    if (existing && !existing.deleted) return { status: 'duplicate', name, existing: existing.summary };
    // A deleted copy whose undo window is still open gives way to the new import.
    if (existing) this.articles.purge(existing.summary.id);
    const detected = this.detector.classify(blocks.map((b) => b.text).join('\n'));
    const article: ArticleSummary = this.articles.insert({
      title: title ?? parsed.title,
      author: parsed.author,
      source: parsed.source,
      publishedAt: parsed.publishedAt,
      script: detected.script,
      scriptForm: detected.form,
      encoding,
      contentHash: hash,
      isSample,
      blocks,
    });
    return { status: 'imported', name, article };
  }
}

function toAppError(error: unknown) {
  if (error instanceof AppFailure) return error.toError();
  return { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) };
}
