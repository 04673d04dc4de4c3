import { AppFailure } from '../preload/contract/errors';
import type { Handlers } from '../preload/contract/api';
import { safeHref } from '../preload/contract/article-model';
import type { AppInfo } from '../preload/contract/types';
import { writeFileAtomic } from './export/exporter';
import { FORMAT_FILES } from './export/formats';
import { toAnkiVocabularyTsv } from './reading/vocabulary';
import { foldForSearch } from './script/search';
import type { Services } from './services';

/** What only the shell around the services can do (native dialogs, app facts). */
export interface Edges {
  appInfo(): AppInfo;
  /** Asks the user for files to import: their paths, or null when they cancel. */
  pickImportPaths(): Promise<string[] | null>;
  /** Asks where to save a file (confirming before replacing one): its path, or null when they cancel. */
  pickSavePath(defaultName: string): Promise<string | null>;
  /** Starts the app again (after a restore is scheduled); absent where a person restarts it (the test host). */
  restart?: () => void;
  /** Opens an http(s) or mailto address in the system's browser or mail app (already checked). */
  openExternal(url: string): Promise<void>;
}

/** One handler per contract call. The same object serves Electron's IPC and the e2e test host. */
export function createHandlers(services: Services, edges: Edges) {
  const { library, articles, settings, conversions, annotations, exporter } = services;
  return {
    getAppInfo: () => edges.appInfo(),
    listArticles: (page) => articles.list(page),
    getArticle: (id) => {
      const article = articles.get(id);
      if (!article) throw new AppFailure('not_found', 'That article is not in the library.');
      return article;
    },
    importFiles: (files) => library.importFiles(files),
    importFromDialog: async () => {
      const paths = await edges.pickImportPaths();
      if (!paths) throw new AppFailure('cancelled', 'No file was chosen.');
      return library.importPaths(paths);
    },
    importText: ({ text, title }) => library.importText(text, title),
    chooseEncoding: ({ token, encoding }) => library.chooseEncoding(token, encoding),
    chooseEncodings: (choices) => library.chooseEncodings(choices),
    deleteArticle: (id) => {
      library.delete(id);
      return null;
    },
    restoreArticle: (id) => {
      library.restore(id);
      return null;
    },
    updateArticleMeta: (id, patch) => library.updateMeta(id, patch),
    openExternal: async (url) => {
      const href = safeHref(url);
      if (!href) throw new AppFailure('invalid_argument', 'Only web and mail links open outside the app.');
      await edges.openExternal(href);
      return null;
    },
    saveReadingPosition: ({ id, offset, progress }) => {
      if (!articles.saveReadingPosition(id, offset, progress)) {
        throw new AppFailure('not_found', 'That article is not in the library.');
      }
      return null;
    },
    getConvertedText: (id, script) => conversions.view(id, script),
    getTextWindow: (id, script, around) => conversions.window(id, script, around),
    setDisplayScript: (id, script) => {
      conversions.choose(id, script);
      return null;
    },
    listHighlights: (articleId) => annotations.list(articleId),
    createHighlight: (input) => annotations.create(input),
    updateHighlight: (input) => annotations.update(input),
    deleteHighlight: (id) => annotations.delete(id),
    restoreHighlight: (highlight) => annotations.restore(highlight),
    replaceArticleText: ({ id, file, encoding }) => library.replaceText(id, file, encoding),
    exportAnnotations: async (request) => {
      const file = await exporter.build(request);
      // In the app the file goes where the user says; elsewhere (the test host) it is a download.
      if (!edges.appInfo().nativeDialogs) return { saved: false, ...file };
      const path = await edges.pickSavePath(file.fileName);
      if (!path) throw new AppFailure('cancelled', 'The export was cancelled.');
      writeFileAtomic(path, file.content);
      return { saved: true, path, count: file.count };
    },
    importAnnotations: ({ file }) => exporter.importJson(file.bytes, file.name),
    // One registry serves file and notes imports: the library's cancel reaches either.
    cancelImport: (batchId) => ({ cancelled: library.cancel(batchId) }),
    searchArticles: (query, page) => services.search.search(query, page),
    foldForSearch: (texts) => texts.map(foldForSearch),
    findInArticle: (id, query) => services.find.find(id, query),
    getWritingMode: (id) => settings.writingMode(id),
    setWritingMode: (id, mode) => {
      settings.setWritingMode(id, mode);
      return null;
    },
    getLibraryHealth: () => services.health,
    listBackups: () => services.backups.list(),
    restoreBackup: (name) => {
      try {
        services.backups.restoreOnNextOpen(name);
      } catch (error) {
        throw new AppFailure('not_found', error instanceof Error ? error.message : String(error));
      }
      // The reply goes out first; then the app opens again on the restored library.
      edges.restart?.();
      return { restartRequired: true as const };
    },
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    getCorrections: () => services.corrections.list(),
    previewCorrection: (draft) => services.corrections.preview(draft),
    addCorrection: (draft) => services.corrections.add(draft),
    deleteCorrection: (id) => services.corrections.delete(id),
    setPresetCorrections: (enabled) => services.corrections.setPresets(enabled),
    ...readingHandlers(services, edges),
  } satisfies Handlers;
}

/** The reading aids (issue 15): dictionary, ruby, words, and the vocabulary list. */
function readingHandlers({ reading, vocabulary }: Services, edges: Edges) {
  return {
    prepareReading: () => {
      // Loads in the worker while the reader reads; a failure shows at the first real call.
      reading.run('prepare', null).catch(() => {});
      return null;
    },
    lookupWord: (text) => reading.run('lookup', { text }),
    getReadings: (texts, options) => reading.run('readings', { texts, options }),
    getWordAt: (text, offset) => {
      if (offset > text.length) throw new AppFailure('invalid_argument', 'The offset is past the end of the text.');
      return reading.run('wordAt', { text, offset });
    },
    getWordBoundaries: (text) => reading.run('boundaries', { text }),
    saveVocabulary: (entry) => vocabulary.add(entry),
    listVocabulary: () => vocabulary.list(),
    deleteVocabulary: (id) => {
      if (!vocabulary.delete(id)) throw new AppFailure('not_found', 'That word is not in the vocabulary list.');
      return null;
    },
    exportVocabulary: async () => {
      const items = vocabulary.list().reverse();
      const file = {
        fileName: 'duizhao-vocabulary.tsv',
        mimeType: FORMAT_FILES.anki.mimeType,
        content: toAnkiVocabularyTsv(items),
        count: items.length,
      };
      if (!edges.appInfo().nativeDialogs) return { saved: false as const, ...file };
      const path = await edges.pickSavePath(file.fileName);
      if (!path) throw new AppFailure('cancelled', 'The export was cancelled.');
      writeFileAtomic(path, file.content);
      return { saved: true as const, path, count: file.count };
    },
  } satisfies Partial<Handlers>;
}
