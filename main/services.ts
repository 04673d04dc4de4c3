import { join } from 'node:path';
import type { BackupInfo, LibraryHealth } from '../preload/contract/types';
import { Annotations } from './annotations/annotations';
import { ArticleStore } from './db/articles';
import { backupsFolder, listBackups, scheduleRestore } from './db/backups';
import { openLibrary, transactor, type Db } from './db/connection';
import { ConversionStore } from './db/conversions';
import { CorrectionStore } from './db/corrections';
import { HighlightStore } from './db/highlights';
import { SearchIndexStore } from './db/search-index';
import { ExportReadStore } from './db/export-reads';
import { SettingsStore } from './db/settings';
import { VocabularyStore } from './db/vocabulary';
import { InlineReading, type ReadingRunner, splitReading, WorkerReading } from './reading/runner';
import { noEmit, type Emit } from './events';
import { Exporter } from './export/exporter';
import { Batches } from './library/batches';
import { Library } from './library/library';
import { InlineWork, WorkerWork } from './library/work-runner';
import { ConversionService } from './script/conversions';
import { Corrections } from './script/corrections/corrections';
import { dictionaryVersion } from './script/convert';
import { ScriptDetector } from './script/detect';
import { fold, foldVersion } from './script/fold';
import { InlineRunner, WorkerRunner } from './script/runner';
import { LibrarySearch } from './script/search';
import { ArticleFind } from './script/find';

export interface ServiceOptions {
  /** Folder holding library.db. */
  dataDir: string;
  /** Sample articles imported into an empty library on first run. */
  samplesDir?: string | undefined;
  /** OpenCC dictionary folder; defaults to the `opencc` package's data. */
  dictionaryDir?: string | undefined;
  /** The bundled conversion worker (out/main/convert-worker.js); without it, conversion runs inline. */
  conversionWorker?: string | undefined;
  /**
   * The bundled import worker (out/main/import-worker.js): reading files, parsing notes and
   * re-anchoring run there, off the main thread; without it they run inline.
   */
  importWorker?: string | undefined;
  /** The bundled reading worker (out/main/reading-worker.js): dictionary, ruby, words; without it they run inline. */
  readingWorker?: string | undefined;
  /** Where the packed dictionary is kept between starts; the data folder's cache/ by default. */
  cacheDir?: string | undefined;
  emit?: Emit | undefined;
  /**
   * How long after opening the conversion worker starts loading the dictionaries the library needs
   * (ConversionService.warm): after the window's first paint, long before a first switch of script.
   */
  warmAfterMs?: number | undefined;
}

/** The default of ServiceOptions.warmAfterMs. */
export const WARM_AFTER_MS = 1000;

/** The library's backups: what there is, and asking for one to be restored on the next start. */
export interface Backups {
  list(): BackupInfo[];
  /** Restores `name` when the app next opens the library (the current file is kept aside). */
  restoreOnNextOpen(name: string): void;
}

/** Everything main does, as plain TypeScript over a data folder: no Electron here. */
export interface Services {
  db: Db;
  /** Whether the library opened whole; a damaged one refuses writes (read_only) until a backup is restored. */
  health: LibraryHealth;
  articles: ArticleStore;
  settings: SettingsStore;
  library: Library;
  conversions: ConversionService;
  corrections: Corrections;
  annotations: Annotations;
  exporter: Exporter;
  search: LibrarySearch;
  /** Find in an article (the reader's Ctrl+F), folded as search folds. */
  find: ArticleFind;
  /** Settles when articles stored before the search index existed are indexed (first start after the update). */
  indexed: Promise<number>;
  /** Settles with the conversion chains the worker has loaded in the background (none without a worker). */
  warmed: Promise<string[]>;
  backups: Backups;
  /** Dictionary lookups, ruby readings and word boundaries (issue 15). */
  reading: ReadingRunner;
  vocabulary: VocabularyStore;
  close(): void;
}

export const DATABASE_FILE = 'library.db';

/** Opens the library in `dataDir` and wires the services over it. Wiring only: the logic is in the modules. */
export function openServices(options: ServiceOptions): Services {
  const file = join(options.dataDir, DATABASE_FILE);
  const opened = openLibrary(file);
  const { db } = opened;
  const emit = options.emit ?? noEmit;
  const searchIndex = new SearchIndexStore(db, { fold, version: foldVersion() });
  // With the import worker, a replaced text is indexed again there, after its transaction.
  const articles = new ArticleStore(db, undefined, searchIndex, options.importWorker ? 'later' : 'now');
  const settings = new SettingsStore(db);
  const highlights = new HighlightStore(db);
  const detector = ScriptDetector.fromOpencc(options.dictionaryDir);
  const transact = transactor(db);
  // The worker stores imported articles through its own connection (a damaged library: read-only there too).
  const work = options.importWorker
    ? new WorkerWork(options.importWorker, {
        dictionaryDir: options.dictionaryDir,
        databaseFile: file,
        readOnly: opened.problems.length > 0,
      })
    : new InlineWork({ detector, store: { articles, transact } });
  const batches = new Batches();
  const annotations = new Annotations(articles, highlights, undefined, (text, selectors) =>
    work.run('anchor', { text, selectors }),
  );
  const library = new Library({
    articles,
    settings,
    detector,
    highlights: annotations,
    transact,
    emit,
    work,
    batches,
    ...(options.importWorker ? { reindexLater: (articleId: number) => work.run('reindex', { articleId }) } : {}),
  });
  const runner = options.conversionWorker ? new WorkerRunner(options.conversionWorker) : new InlineRunner();
  const corrections = new Corrections(new CorrectionStore(db), articles, runner, transact);
  const conversions = new ConversionService(
    new ConversionStore(db),
    articles,
    settings,
    runner,
    dictionaryVersion(),
    (articleId, chain, text) => corrections.lookup(articleId, chain, text),
  );
  const exporter = new Exporter(db, new ExportReadStore(db), highlights, conversions, undefined, {
    work,
    emit,
    batches,
    corrections,
  });
  const search = new LibrarySearch(searchIndex, transact);
  // The packed dictionary is kept beside the library, so that only the first start parses the package.
  const readingSetup = { cacheDir: options.cacheDir ?? join(options.dataDir, 'cache') };
  // Two workers: loading the dictionary (up to seconds on a first start) never holds up ruby or words.
  const reading: ReadingRunner = options.readingWorker
    ? splitReading(
        new WorkerReading(options.readingWorker, readingSetup),
        new WorkerReading(options.readingWorker, readingSetup),
      )
    : new InlineReading(readingSetup);
  const vocabulary = new VocabularyStore(db);
  const backups: Backups = {
    list: () => listBackups(backupsFolder(file)),
    restoreOnNextOpen: (name) => scheduleRestore(file, name),
  };
  const health: LibraryHealth =
    opened.problems.length === 0
      ? { status: 'ok' }
      : { status: 'damaged', problems: opened.problems, backups: backups.list() };
  // A damaged library is only read: no start-up housekeeping writes to it.
  let indexed: Promise<number> = Promise.resolve(0);
  if (options.importWorker) {
    // The worker loads its detection tables on its first file: do that now, not on the user's first import.
    void work
      .run('read', { name: 'warm-up.txt', bytes: new TextEncoder().encode('预热。'), options: {} })
      .catch(() => {});
  }
  if (health.status === 'ok') {
    library.startUp(options.samplesDir);
    conversions.pruneStale();
    // After the window has had a chance to open: a large library takes seconds to fold.
    indexed = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => search.indexPending(emit))
      .catch((error: unknown) => {
        // Search still finds what is indexed; the rest is tried again on the next start.
        console.error('Duizhao: building the search index stopped:', error);
        return 0;
      });
  }
  // The conversion worker loads its dictionaries in the background, off this thread, so that the
  // first switch of script converts at once.
  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let wake = () => {};
  const warmed: Promise<string[]> =
    options.conversionWorker && health.status === 'ok'
      ? new Promise<void>((resolve) => {
          wake = resolve;
          warmTimer = setTimeout(resolve, options.warmAfterMs ?? WARM_AFTER_MS);
          warmTimer.unref();
        })
          .then(() => conversions.warm(() => closed))
          .catch((error: unknown) => {
            // Only time is lost: the dictionaries load on first use instead.
            if (!closed)
              console.warn(
                'Duizhao: warming the conversion worker stopped:',
                error instanceof Error ? error.message : error,
              );
            return [];
          })
      : Promise.resolve([]);
  return {
    db,
    health,
    articles,
    settings,
    library,
    conversions,
    corrections,
    annotations,
    exporter,
    search,
    find: new ArticleFind(searchIndex),
    indexed,
    warmed,
    backups,
    reading,
    vocabulary,
    close: () => {
      closed = true;
      clearTimeout(warmTimer);
      wake();
      search.stop();
      void reading.close();
      void runner.close();
      void work.close();
      opened.close();
    },
  };
}
