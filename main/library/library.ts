import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppFailure } from '../../preload/contract/errors';
import type {
  ArticleMetaPatch,
  ArticleSummary,
  ImportFile,
  EncodingChoice,
  ImportOutcome,
  ImportReport,
  ReplaceOutcome,
  TextEncodingName,
} from '../../preload/contract/types';
import type { ReanchorCounts, ReanchorPlan } from '../annotations/annotations';
import type { ArticleReads } from '../db/article-reads';
import type { ArticleWrites } from '../db/articles';
import type { Transact } from '../db/connection';
import type { SettingsReads, SettingsWrites } from '../db/settings';
import type { Emit } from '../events';
import type { ScriptDetection, ScriptDetector } from '../script/detect';
import { Batches } from './batches';
import { EncodingQuestions } from './encoding-questions';
import { type BatchItem, failed, runBatch } from './import-batch';
import { isPage } from './resources';
import { fromText, type ReadArticle } from './read-file';
import { previews, readPath, toNewArticle } from './reading';
import { storeArticle } from './store-article';
import type { ResourceSpec, WorkReadOptions } from './work';
import { InlineWork, type WorkRunner } from './work-runner';

export { contentHash } from './reading';

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
  /** Finds an article's highlights in a text about to replace its own, off the main thread. */
  plan(articleId: number, text: string): Promise<ReanchorPlan>;
  /** Puts a plan in place (in the replacing transaction); highlights changed since are placed anew. */
  apply(articleId: number, plan: ReanchorPlan): ReanchorCounts;
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
  /** Where files are read (a worker in the app); in this thread when absent. */
  work?: WorkRunner;
  /** The running imports, shared with the notes import so that one call cancels either. */
  batches?: Batches;
  /** How much may wait for an encoding choice; MAX_PENDING_FILES and MAX_PENDING_BYTES unless given. */
  pendingLimit?: { files: number; bytes: number };
  /**
   * Where a replaced text is indexed for search again, after its transaction (the import worker,
   * when the articles store leaves that for later); absent when the store indexes it in place.
   */
  reindexLater?: (articleId: number) => Promise<unknown>;
}

/** What reading and storing one file gave: its outcomes, and which of its batch's files it used as images. */
interface FileImport {
  outcomes: ImportOutcome[];
  usedResources: number[];
}

/**
 * The articles in the library: importing them (decoding, splitting, script detection, duplicate
 * checks), replacing one's text with an edited version, deleting and restoring. Every file gets
 * its own outcome; one bad file never stops a batch.
 */
export class Library {
  private readonly questions: EncodingQuestions;
  private readonly articles: LibraryArticles;
  private readonly work: WorkRunner;
  private readonly batches: Batches;

  constructor(private readonly deps: LibraryDeps) {
    this.articles = deps.articles;
    this.work =
      deps.work ??
      new InlineWork({ detector: deps.detector, store: { articles: deps.articles, transact: deps.transact } });
    this.batches = deps.batches ?? new Batches();
    this.questions = new EncodingQuestions(deps.pendingLimit);
  }

  /**
   * Stops a running batch after the file being read now: what was stored stays, the files not
   * reached are reported `cancelled`. False when no such batch is running (it may have just ended).
   */
  cancel(batchId: string): boolean {
    return this.batches.cancel(batchId);
  }

  /** Imports a batch, one file at a time, yielding between files so progress events get out. */
  importFiles(files: readonly ImportFile[]): Promise<ImportReport> {
    // A saved page's images picked or dropped along with it are its resources, not articles:
    // pages go first, and the files they used are skipped after.
    const others = files.filter((f) => !isPage(f.name));
    const pages = new Set(others.length > 0 ? files.filter((f) => isPage(f.name)) : []);
    const used = new Set<ImportFile>();
    const pagesFirst = [...files.filter((f) => pages.has(f)), ...files.filter((f) => !pages.has(f))];
    return this.importBatch(
      pagesFirst.map((f) => {
        const resources: ResourceSpec | undefined = pages.has(f)
          ? { kind: 'batch', pageName: f.name, files: others }
          : undefined;
        return {
          name: basename(f.name),
          run: async () => {
            const read = await this.readAndStore(basename(f.name), f.bytes, resources ? { resources } : {});
            for (const i of read.usedResources) if (others[i]) used.add(others[i]);
            return read.outcomes;
          },
          skip: () => used.has(f),
        };
      }),
    );
  }

  /**
   * Imports files from disk (the native dialog); a path that is gone or not a file fails alone. A
   * web page finds its images beside it (a "Web page, complete" `_files` folder), never above its folder.
   */
  importPaths(paths: readonly string[]): Promise<ImportReport> {
    return this.importBatch(
      paths.map((path) => {
        const name = basename(path);
        const resources: ResourceSpec | undefined = isPage(path) ? { kind: 'disk', pagePath: path } : undefined;
        return { name, run: () => this.importFile(name, readPath(path), resources ? { resources } : {}) };
      }),
    );
  }

  /**
   * Answers a batch of encoding questions, in order, as one batch with progress: a choice imports
   * the file in that encoding, null skips it and forgets its bytes, and a token that is no longer
   * waiting fails alone (code `expired`, with an empty name: main no longer knows the file).
   */
  chooseEncodings(choices: readonly EncodingChoice[]): Promise<ImportReport> {
    return this.importBatch(
      choices.map(({ token, encoding }) => {
        const name = this.questions.nameOf(token);
        return {
          name,
          run: async (): Promise<ImportOutcome[]> => {
            const pending = this.questions.take(token);
            if (encoding === null) return [{ status: 'skipped', name: pending.name }];
            return this.importFile(pending.name, pending.bytes, {
              encoding,
              ...(pending.resources ? { resources: pending.resources } : {}),
            });
          },
        };
      }),
    );
  }

  /**
   * Imports one file of any format (a book split by chapter gives several articles); with
   * `encoding`, skips detection. Never throws: a refusal is the file's outcome.
   */
  async importFile(
    name: string,
    bytes: Uint8Array,
    options: Omit<WorkReadOptions, 'epubSplit'> = {},
    isSample = false,
  ): Promise<ImportOutcome[]> {
    return (await this.readAndStore(name, bytes, options, isSample)).outcomes;
  }

  /** Reads a file (decode, parse, detect) and stores what it gave, one transaction an article, where the work runs. */
  private async readAndStore(
    name: string,
    bytes: Uint8Array,
    options: Omit<WorkReadOptions, 'epubSplit'>,
    isSample = false,
  ): Promise<FileImport> {
    try {
      // Read and stored where the work runs (the import worker's own connection in the app): a
      // long text never crosses back to the main thread, nor is its search index built there.
      const read = await this.work.run('import', {
        name,
        bytes,
        options: { ...options, epubSplit: this.deps.settings.get().epubSplit },
        isSample,
      });
      if (read.status === 'needsEncoding') {
        return { outcomes: [this.questions.ask(name, bytes, read.candidates, options.resources)], usedResources: [] };
      }
      return { outcomes: read.outcomes, usedResources: read.usedResources };
    } catch (error) {
      return { outcomes: [failed(name, error)], usedResources: [] };
    }
  }

  /** Imports pasted text as a new article. */
  importText(text: string, title?: string): ImportOutcome {
    const name = title?.trim() || 'Pasted text';
    try {
      const read = fromText(text, name, title?.trim() || undefined);
      const outcome = this.store(name, read, this.detect(read), null, false);
      if (outcome.status === 'imported') this.deps.emit('libraryChanged', null);
      return outcome;
    } catch (error) {
      return failed(name, error);
    }
  }

  /** Finishes an import that waited for the user to pick an encoding. */
  async chooseEncoding(token: string, encoding: TextEncodingName): Promise<ImportOutcome> {
    const pending = this.questions.take(token);
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
        const read = fromText(text, f);
        return this.store(f, read, this.detect(read), 'utf-8', true);
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
    // Any format an import reads (in the worker); a book is always read whole here (it replaces one article).
    const result = await this.work.run('read', {
      name: file.name,
      bytes: file.bytes,
      options: { ...(encoding ? { encoding } : {}), epubSplit: 'book' },
    });
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
    const next = toNewArticle(read, read.detected, result.encoding, false);
    // The highlights are found again in the new text off the main thread; the transaction only writes.
    const plan = await this.deps.highlights.plan(id, next.blocks.map((b) => b.text).join('\n'));
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
      return { status: 'replaced' as const, article, ...this.deps.highlights.apply(id, plan) };
    });
    // The text is in place; should indexing it fail, the next start indexes it (it reads as not indexed).
    await this.deps.reindexLater?.(id).catch((error: unknown) => {
      console.error('Duizhao: indexing a replaced text for search failed:', error);
    });
    this.deps.emit('libraryChanged', null);
    return report;
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

  delete(id: number): void {
    if (!this.articles.markDeleted(id)) throw new AppFailure('not_found', 'That article is not in the library.');
    this.deps.emit('libraryChanged', null);
  }

  restore(id: number): void {
    if (!this.articles.restore(id)) throw new AppFailure('not_found', 'That article can no longer be restored.');
    this.deps.emit('libraryChanged', null);
  }

  /** The script of a text read in this thread (pasted text, the samples: short). */
  private detect(read: ReadArticle): ScriptDetection {
    return this.deps.detector.classify(read.blocks.map((b) => b.text).join('\n'));
  }

  private importBatch(items: readonly BatchItem[]): Promise<ImportReport> {
    return runBatch(items, this.batches, this.deps.emit);
  }

  /** Stores one article read from a file, unless the library already has its text. */
  private store(
    name: string,
    read: ReadArticle,
    detected: ScriptDetection,
    encoding: TextEncodingName | null,
    isSample: boolean,
  ): ImportOutcome {
    return storeArticle(this.articles, this.deps.transact, name, read, detected, encoding, isSample);
  }
}
