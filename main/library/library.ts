import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppFailure } from '../../preload/contract/errors';
import type {
  ArticleMetaPatch,
  ArticleSummary,
  ImportFile,
  ImportOutcome,
  ImportReport,
  ReplaceOutcome,
  TextEncodingName,
} from '../../preload/contract/types';
import type { ReanchorCounts } from '../annotations/annotations';
import type { ArticleReads, ArticleWrites } from '../db/articles';
import type { Transact } from '../db/connection';
import type { SettingsReads, SettingsWrites } from '../db/settings';
import { asAppFailure, isUniqueViolation } from '../db/sqlite-errors';
import type { Emit } from '../events';
import type { ScriptDetector } from '../script/detect';
import { checkBytes, decode, previews, readPath, readText, toNewArticle } from './reading';

export { contentHash } from './reading';

/** Bytes waiting for the user to say which encoding they are in. */
interface PendingImport {
  name: string;
  bytes: Uint8Array;
}
const MAX_PENDING = 50;

/** What the library needs of the articles table. */
export type LibraryArticles = Pick<
  ArticleReads,
  'findByHash' | 'contentHash' | 'get' | 'sourceText' | 'withoutScriptForm'
> &
  Pick<
    ArticleWrites,
    'insert' | 'purge' | 'purgeDeleted' | 'markDeleted' | 'restore' | 'replaceText' | 'setScriptForm'
  > &
  Pick<ArticleWrites, 'updateMeta'>;

/** What the library needs of the highlights when an article's text changes. */
export interface Reanchoring {
  /** Places an article's highlights on its (new) text. */
  reanchor(articleId: number): ReanchorCounts;
  /** How they stand, nothing moved. */
  tally(articleId: number): ReanchorCounts;
}

export interface LibraryDeps {
  articles: LibraryArticles;
  settings: Pick<SettingsReads, 'flag'> & Pick<SettingsWrites, 'setFlag'>;
  detector: ScriptDetector;
  highlights: Reanchoring;
  transact: Transact;
  emit: Emit;
}

/** One file to import: its name, and how to get its bytes (read only when its turn comes). */
interface BatchItem {
  name: string;
  read(): Uint8Array;
}

const failed = (name: string, error: unknown): ImportOutcome => ({
  status: 'failed',
  name,
  error: asAppFailure(error).toError(),
});

/**
 * The articles in the library: importing them (decoding, splitting, script detection, duplicate
 * checks), replacing one's text with an edited version, deleting and restoring. Every file gets
 * its own outcome; one bad file never stops a batch.
 */
export class Library {
  private readonly pending = new Map<string, PendingImport>();
  private readonly articles: LibraryArticles;

  constructor(private readonly deps: LibraryDeps) {
    this.articles = deps.articles;
  }

  /** Imports a batch, one file at a time, yielding between files so progress events get out. */
  importFiles(files: readonly ImportFile[]): Promise<ImportReport> {
    return this.importBatch(files.map((f) => ({ name: f.name, read: () => f.bytes })));
  }

  /** Imports files from disk (the native dialog); a path that is gone or not a file fails alone. */
  importPaths(paths: readonly string[]): Promise<ImportReport> {
    return this.importBatch(paths.map((path) => ({ name: basename(path), read: () => readPath(path) })));
  }

  private async importBatch(items: readonly BatchItem[]): Promise<ImportReport> {
    const { emit } = this.deps;
    const batchId = randomUUID();
    const outcomes: ImportOutcome[] = [];
    for (const [i, item] of items.entries()) {
      emit('importProgress', { batchId, done: i, total: items.length, name: item.name });
      let outcome: ImportOutcome;
      try {
        outcome = this.importBytes(item.name, item.read());
      } catch (error) {
        outcome = failed(item.name, error);
      }
      outcomes.push(outcome);
      await new Promise((resolve) => setImmediate(resolve));
    }
    emit('importProgress', { batchId, done: items.length, total: items.length, name: '' });
    if (outcomes.some((o) => o.status === 'imported')) emit('libraryChanged', null);
    return { batchId, outcomes };
  }

  /** Imports one file's bytes; with `encoding`, skips detection. */
  importBytes(name: string, bytes: Uint8Array, encoding?: TextEncodingName, isSample = false): ImportOutcome {
    try {
      checkBytes(bytes, encoding);
      const decoded = decode(bytes, encoding);
      if ('uncertain' in decoded) return this.askForEncoding(name, bytes, decoded.candidates);
      return this.importDecoded(name, decoded.text, decoded.encoding, isSample);
    } catch (error) {
      return failed(name, error);
    }
  }

  /** Imports pasted text as a new article. */
  importText(text: string, title?: string): ImportOutcome {
    const name = title?.trim() || 'Pasted text';
    try {
      const outcome = this.importDecoded(name, text, null, false, title?.trim() || undefined);
      if (outcome.status === 'imported') this.deps.emit('libraryChanged', null);
      return outcome;
    } catch (error) {
      return failed(name, error);
    }
  }

  /** Finishes an import that waited for the user to pick an encoding. */
  chooseEncoding(token: string, encoding: TextEncodingName): ImportOutcome {
    const pending = this.pending.get(token);
    if (!pending) throw new AppFailure('expired', 'That import is no longer waiting; please import the file again.');
    this.pending.delete(token);
    const outcome = this.importBytes(pending.name, pending.bytes, encoding);
    if (outcome.status === 'imported') this.deps.emit('libraryChanged', null);
    return outcome;
  }

  /**
   * What happens each time the library opens: deletions not undone before the app closed become
   * final, articles imported before forms were detected get theirs, and on first run the
   * samples in `samplesDir` are imported.
   */
  startUp(samplesDir?: string): void {
    this.articles.purgeDeleted();
    for (const id of this.articles.withoutScriptForm()) {
      this.articles.setScriptForm(id, this.deps.detector.classify(this.articles.sourceText(id) ?? '').form);
    }
    if (samplesDir) this.ensureSamples(samplesDir);
  }

  /**
   * On first run, imports the sample articles shipped in `dir` (once: a user who deletes them
   * does not get them back).
   */
  ensureSamples(dir: string): ImportOutcome[] {
    const { settings } = this.deps;
    if (settings.flag('samplesSeeded')) return [];
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const outcomes = files.map((f) => this.importBytes(f, readFileSync(join(dir, f)), undefined, true));
    settings.setFlag('samplesSeeded', true);
    return outcomes;
  }

  /**
   * Puts an edited version of an article (a file re-imported over it) in its place, re-anchoring
   * its highlights, in one transaction. It is read like an import and refused where an import
   * would be; an encoding it cannot be sure of is asked about first; a text that is another
   * article is refused. A call that fails changes nothing; the article's own text again changes
   * nothing either (highlights, dates and reading state stay as they are).
   */
  replaceText(id: number, file: ImportFile, encoding?: TextEncodingName): ReplaceOutcome {
    const currentHash = this.articles.contentHash(id);
    if (currentHash === undefined) throw new AppFailure('not_found', 'That article is not in the library.');
    checkBytes(file.bytes, encoding);
    const decoded = decode(file.bytes, encoding);
    // Unsure which encoding: the reader picks from previews, as on import; nothing changes meanwhile.
    if ('uncertain' in decoded) {
      return { status: 'needsEncoding', name: file.name, candidates: previews(file.bytes, decoded.candidates) };
    }
    const read = readText(decoded.text, file.name);
    if (read.contentHash === currentHash) {
      const article = this.articles.get(id);
      if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
      const { blocks: _blocks, readingOffset: _offset, encoding: _encoding, ...summary } = article;
      return { status: 'replaced', article: summary, ...this.deps.highlights.tally(id) };
    }
    const next = toNewArticle(read, this.deps.detector, decoded.encoding, false);
    const report = this.deps.transact(() => {
      const existing = this.articles.findByHash(read.contentHash);
      if (existing && !existing.deleted) {
        throw new AppFailure(
          'already_in_library',
          `That text is already in the library (article ${existing.summary.id}).`,
          {
            title: existing.summary.title,
          },
        );
      }
      // A deleted copy whose undo window is still open gives way, as on import; inside the
      // transaction, so that a replacement that fails after this brings it back.
      if (existing) this.articles.purge(existing.summary.id);
      const article = this.articles.replaceText(id, next);
      if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
      return { status: 'replaced' as const, article, ...this.deps.highlights.reanchor(id) };
    });
    this.deps.emit('libraryChanged', null);
    return report;
  }

  delete(id: number): void {
    if (!this.articles.markDeleted(id)) throw new AppFailure('not_found', 'That article is not in the library.');
    this.deps.emit('libraryChanged', null);
  }

  restore(id: number): void {
    if (!this.articles.restore(id)) throw new AppFailure('not_found', 'That article can no longer be restored.');
    this.deps.emit('libraryChanged', null);
  }

  private askForEncoding(name: string, bytes: Uint8Array, candidates: TextEncodingName[]): ImportOutcome {
    const token = randomUUID();
    this.pending.set(token, { name, bytes });
    // Oldest first out: the map keeps insertion order.
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    return { status: 'needsEncoding', name, token, candidates: previews(bytes, candidates) };
  }

  private importDecoded(
    name: string,
    text: string,
    encoding: TextEncodingName | null,
    isSample: boolean,
    title?: string,
  ): ImportOutcome {
    const read = readText(text, name, title);
    const existing = this.articles.findByHash(read.contentHash);
    if (existing && !existing.deleted) return { status: 'duplicate', name, existing: existing.summary };
    const article = this.deps.transact(() => {
      // A deleted copy whose undo window is still open gives way to the new import.
      if (existing) this.articles.purge(existing.summary.id);
      try {
        return this.articles.insert(toNewArticle(read, this.deps.detector, encoding, isSample));
      } catch (error) {
        // Another Duizhao (or a second window's import) stored the same text since the check.
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    });
    if (article) return { status: 'imported', name, article };
    const winner = this.articles.findByHash(read.contentHash);
    if (!winner) throw new AppFailure('constraint', 'The article could not be stored (content hash conflict).');
    return { status: 'duplicate', name, existing: winner.summary };
  }

  /**
   * Edits an article's title, author, source, address or published date (its text stays, and so
   * do its highlights). Text left blank clears the field, except the title, which the contract
   * requires.
   */
  updateMeta(id: number, patch: ArticleMetaPatch): ArticleSummary {
    const blankIsNull = (value: string | null | undefined) =>
      value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();
    const clean: ArticleMetaPatch = {};
    if (patch.title !== undefined) clean.title = patch.title.trim();
    for (const key of ['author', 'source', 'sourceUrl', 'publishedAt'] as const) {
      const value = blankIsNull(patch[key]);
      if (value !== undefined) clean[key] = value;
    }
    if (clean.title === '') throw new AppFailure('invalid_argument', 'An article needs a title.');
    const article = this.articles.updateMeta(id, clean);
    if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
    this.deps.emit('libraryChanged', null);
    return article;
  }
}
