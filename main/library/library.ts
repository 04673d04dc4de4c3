import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportNotice } from '../../preload/contract/article-model';
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
import { batchResources, diskResources } from './resources';
import { fromText, readFile, type ReadArticle, type ReadOptions } from './read-file';
import { previews, readPath, toNewArticle } from './reading';
import type { ResourceResolver } from './html/index';

export { contentHash } from './reading';

/** Bytes waiting for the user to say which encoding they are in. */
interface PendingImport {
  name: string;
  bytes: Uint8Array;
  resources?: ResourceResolver;
}
const MAX_PENDING = 50;

/** What the library needs of the articles table. */
export type LibraryArticles = Pick<
  ArticleReads,
  'findByHash' | 'contentHash' | 'get' | 'sourceText' | 'withoutScriptForm'
> &
  Pick<
    ArticleWrites,
    'insert' | 'purge' | 'purgeDeleted' | 'markDeleted' | 'restore' | 'replaceText' | 'setScriptForm' | 'updateMeta'
  >;

/** What the library needs of the highlights when an article's text changes. */
export interface Reanchoring {
  /** Places an article's highlights on its (new) text. */
  reanchor(articleId: number): ReanchorCounts;
  /** How they stand, nothing moved. */
  tally(articleId: number): ReanchorCounts;
}

export interface LibraryDeps {
  articles: LibraryArticles;
  settings: Pick<SettingsReads, 'flag' | 'get'> & Pick<SettingsWrites, 'setFlag'>;
  detector: ScriptDetector;
  highlights: Reanchoring;
  transact: Transact;
  emit: Emit;
}

/** One file to import: its name, and how to get its bytes (read only when its turn comes). */
interface BatchItem {
  name: string;
  read(): Uint8Array;
  /** The files a web page refers to (its `_files` folder), when it came with them. */
  resources?: ResourceResolver | undefined;
  /** True when the file turned out to be a page's image: then it is no article of its own. */
  skip?: () => boolean;
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
    // A saved page's images picked or dropped along with it are its resources, not articles.
    const { pages, used } = batchResources(files);
    const pagesFirst = [...files.filter((f) => pages.has(f)), ...files.filter((f) => !pages.has(f))];
    return this.importBatch(
      pagesFirst.map((f) => ({
        name: basename(f.name),
        read: () => f.bytes,
        resources: pages.get(f),
        skip: () => used.has(f),
      })),
    );
  }

  /**
   * Imports files from disk (the native dialog); a path that is gone or not a file fails alone. A
   * web page finds its images beside it (a "Web page, complete" `_files` folder), never above its folder.
   */
  importPaths(paths: readonly string[]): Promise<ImportReport> {
    return this.importBatch(
      paths.map((path) => ({ name: basename(path), read: () => readPath(path), resources: diskResources(path) })),
    );
  }

  private async importBatch(items: readonly BatchItem[]): Promise<ImportReport> {
    const { emit } = this.deps;
    const batchId = randomUUID();
    const outcomes: ImportOutcome[] = [];
    for (const [i, item] of items.entries()) {
      if (item.skip?.()) continue;
      emit('importProgress', { batchId, done: i, total: items.length, name: item.name });
      try {
        const options = item.resources ? { resources: item.resources } : {};
        outcomes.push(...(await this.importFile(item.name, item.read(), options)));
      } catch (error) {
        outcomes.push(failed(item.name, error));
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    emit('importProgress', { batchId, done: items.length, total: items.length, name: '' });
    if (outcomes.some((o) => o.status === 'imported')) emit('libraryChanged', null);
    return { batchId, outcomes };
  }

  /**
   * Imports one file of any format (a book split by chapter gives several articles); with
   * `encoding`, skips detection. Never throws: a refusal is the file's outcome.
   */
  async importFile(
    name: string,
    bytes: Uint8Array,
    options: Omit<ReadOptions, 'epubSplit'> = {},
    isSample = false,
  ): Promise<ImportOutcome[]> {
    try {
      const read = await readFile(name, bytes, { ...options, epubSplit: this.deps.settings.get().epubSplit });
      if (read.status === 'needsEncoding') {
        return [this.askForEncoding(name, bytes, read.candidates, options.resources)];
      }
      return read.articles.map((article) => this.store(name, article, read.encoding, isSample));
    } catch (error) {
      return [failed(name, error)];
    }
  }

  /** Imports pasted text as a new article. */
  importText(text: string, title?: string): ImportOutcome {
    const name = title?.trim() || 'Pasted text';
    try {
      const outcome = this.store(name, fromText(text, name, title?.trim() || undefined), null, false);
      if (outcome.status === 'imported') this.deps.emit('libraryChanged', null);
      return outcome;
    } catch (error) {
      return failed(name, error);
    }
  }

  /** Finishes an import that waited for the user to pick an encoding. */
  async chooseEncoding(token: string, encoding: TextEncodingName): Promise<ImportOutcome> {
    const pending = this.pending.get(token);
    if (!pending) throw new AppFailure('expired', 'That import is no longer waiting; please import the file again.');
    this.pending.delete(token);
    const [outcome] = await this.importFile(pending.name, pending.bytes, {
      encoding,
      ...(pending.resources ? { resources: pending.resources } : {}),
    });
    if (!outcome) throw new AppFailure('internal', 'The import gave no outcome.');
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
    // The samples are plain UTF-8 text: read the plain-text way, synchronously, before the window opens.
    const outcomes = files.map((f) => {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(dir, f)));
        return this.store(f, fromText(text, f), 'utf-8', true);
      } catch (error) {
        return failed(f, error);
      }
    });
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
  async replaceText(id: number, file: ImportFile, encoding?: TextEncodingName): Promise<ReplaceOutcome> {
    if (this.articles.contentHash(id) === undefined) {
      throw new AppFailure('not_found', 'That article is not in the library.');
    }
    // Any format an import reads; a book is always read whole here (it replaces one article).
    const result = await readFile(file.name, file.bytes, { ...(encoding ? { encoding } : {}), epubSplit: 'book' });
    // Unsure which encoding: the reader picks from previews, as on import; nothing changes meanwhile.
    if (result.status === 'needsEncoding') {
      return { status: 'needsEncoding', name: file.name, candidates: previews(file.bytes, result.candidates) };
    }
    const read = result.articles[0];
    if (!read) throw new AppFailure('empty', 'The file has no text to read.');
    // Read again after the await: the article may have changed or gone meanwhile.
    const currentHash = this.articles.contentHash(id);
    if (currentHash === undefined) throw new AppFailure('not_found', 'That article is not in the library.');
    if (read.contentHash === currentHash) {
      const article = this.articles.get(id);
      if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
      const { blocks: _blocks, readingOffset: _offset, encoding: _encoding, ...summary } = article;
      return { status: 'replaced', article: summary, ...this.deps.highlights.tally(id) };
    }
    const next = toNewArticle(read, this.deps.detector, result.encoding, false);
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

  /** Title, author, source or date edited by the reader. */
  updateMeta(id: number, patch: ArticleMetaPatch): ArticleSummary {
    const article = this.articles.updateMeta(id, patch);
    if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
    this.deps.emit('libraryChanged', null);
    return article;
  }

  delete(id: number): void {
    if (!this.articles.markDeleted(id)) throw new AppFailure('not_found', 'That article is not in the library.');
    this.deps.emit('libraryChanged', null);
  }

  restore(id: number): void {
    if (!this.articles.restore(id)) throw new AppFailure('not_found', 'That article can no longer be restored.');
    this.deps.emit('libraryChanged', null);
  }

  private askForEncoding(
    name: string,
    bytes: Uint8Array,
    candidates: TextEncodingName[],
    resources?: ResourceResolver,
  ): ImportOutcome {
    const token = randomUUID();
    this.pending.set(token, { name, bytes, ...(resources ? { resources } : {}) });
    // Oldest first out: the map keeps insertion order.
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    return { status: 'needsEncoding', name, token, candidates: previews(bytes, candidates) };
  }

  /** Stores one article read from a file, unless the library already has its text. */
  private store(name: string, read: ReadArticle, encoding: TextEncodingName | null, isSample: boolean): ImportOutcome {
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
    if (article) return { status: 'imported', name, article, ...noticesOf(read.notices) };
    const winner = this.articles.findByHash(read.contentHash);
    if (!winner) throw new AppFailure('constraint', 'The article could not be stored (content hash conflict).');
    return { status: 'duplicate', name, existing: winner.summary };
  }
}

const noticesOf = (notices: readonly ImportNotice[]): { notices?: ImportNotice[] } =>
  notices.length > 0 ? { notices: [...notices] } : {};
