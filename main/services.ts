import { join } from 'node:path';
import { Annotations } from './annotations/annotations';
import { ArticleStore } from './db/articles';
import { openDatabase, type Db } from './db/connection';
import { HighlightStore } from './db/highlights';
import { ExportReadStore } from './db/export-reads';
import { Exporter } from './export/exporter';
import { SettingsStore } from './db/settings';
import type { ImportFile, ReplaceOutcome, TextEncodingName } from '../preload/contract/types';
import { noEmit, type Emit } from './events';
import { Library } from './library/library';
import { ConversionService } from './script/conversions';
import { dictionaryVersion } from './script/convert';
import { ScriptDetector } from './script/detect';
import { LibrarySearch } from './script/search';
import { InlineRunner, WorkerRunner } from './script/runner';

export interface ServiceOptions {
  /** Folder holding library.db. */
  dataDir: string;
  /** Sample articles imported into an empty library on first run. */
  samplesDir?: string | undefined;
  /** OpenCC dictionary folder; defaults to the `opencc` package's data. */
  dictionaryDir?: string | undefined;
  /** The bundled conversion worker (out/main/convert-worker.js); without it, conversion runs inline. */
  conversionWorker?: string | undefined;
  emit?: Emit | undefined;
}

/** Everything main does, as plain TypeScript over a data folder: no Electron here. */
export interface Services {
  db: Db;
  articles: ArticleStore;
  settings: SettingsStore;
  library: Library;
  conversions: ConversionService;
  annotations: Annotations;
  exporter: Exporter;
  search: LibrarySearch;
  /** Puts an edited version of an article in its place, re-anchoring its highlights, in one transaction. */
  replaceArticleText(id: number, file: ImportFile, encoding?: TextEncodingName): ReplaceOutcome;
  close(): void;
}

export const DATABASE_FILE = 'library.db';

export function openServices(options: ServiceOptions): Services {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const articles = new ArticleStore(db);
  const settings = new SettingsStore(db);
  const detector = ScriptDetector.fromOpencc(options.dictionaryDir);
  const library = new Library(articles, settings, detector, options.emit ?? noEmit);
  const runner = options.conversionWorker ? new WorkerRunner(options.conversionWorker) : new InlineRunner();
  const conversions = new ConversionService(db, articles, settings, runner, dictionaryVersion());
  const highlights = new HighlightStore(db);
  const annotations = new Annotations(articles, highlights);
  const exporter = new Exporter(db, new ExportReadStore(db), highlights, conversions);
  const search = new LibrarySearch(articles);
  // Deletions not undone before the app closed become final.
  articles.purgeDeleted();
  // Articles imported before forms were detected get theirs now; conversions of old dictionaries go.
  for (const id of articles.withoutScriptForm()) {
    articles.setScriptForm(id, detector.classify(articles.sourceText(id) ?? '').form);
  }
  conversions.pruneStale();
  if (options.samplesDir) library.ensureSamples(options.samplesDir);
  return {
    db,
    articles,
    settings,
    library,
    conversions,
    annotations,
    exporter,
    search,
    replaceArticleText: (id, file, encoding) => {
      const next = library.readReplacement(id, file, encoding);
      if ('candidates' in next) return next;
      const report = db.transaction(() => {
        const article = articles.replaceText(id, next);
        conversions.forget(id);
        return { status: 'replaced' as const, article, ...annotations.reanchor(id) };
      })();
      options.emit?.('libraryChanged', null);
      return report;
    },
    close: () => {
      void runner.close();
      db.close();
    },
  };
}
