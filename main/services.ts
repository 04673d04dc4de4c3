import { join } from 'node:path';
import { ArticleStore } from './db/articles';
import { openDatabase, type Db } from './db/connection';
import { SettingsStore } from './db/settings';
import { noEmit, type Emit } from './events';
import { Library } from './library/library';
import { ScriptDetector } from './script/detect';

export interface ServiceOptions {
  /** Folder holding library.db. */
  dataDir: string;
  /** Sample articles imported into an empty library on first run. */
  samplesDir?: string;
  /** OpenCC dictionary folder; defaults to the `opencc` package's data. */
  dictionaryDir?: string;
  emit?: Emit;
}

/** Everything main does, as plain TypeScript over a data folder: no Electron here. */
export interface Services {
  db: Db;
  articles: ArticleStore;
  settings: SettingsStore;
  library: Library;
  close(): void;
}

export const DATABASE_FILE = 'library.db';

export function openServices(options: ServiceOptions): Services {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const articles = new ArticleStore(db);
  const settings = new SettingsStore(db);
  const library = new Library(
    articles,
    settings,
    ScriptDetector.fromOpencc(options.dictionaryDir),
    options.emit ?? noEmit,
  );
  // Deletions not undone before the app closed become final.
  articles.purgeDeleted();
  if (options.samplesDir) library.ensureSamples(options.samplesDir);
  return { db, articles, settings, library, close: () => db.close() };
}
