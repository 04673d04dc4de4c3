import type { z } from 'zod';
import type { CorrectionResults } from './corrections';
import type { FindResult, WritingMode } from './reading-settings';
import type { argSchemas } from './schemas';
import type {
  AnnotationImportReport,
  AppInfo,
  Article,
  BackupInfo,
  ArticleSummary,
  ConvertedText,
  TextWindow,
  ExportResult,
  Highlight,
  ImportOutcome,
  ImportReport,
  LibraryHealth,
  ReplaceOutcome,
  Result,
  SearchPage,
  Settings,
} from './types';
import type { CharacterReading, LookupResult, VocabularyItem, WordRange } from './reading';

/**
 * The one contract between renderer and main: every call with its arguments (from the zod
 * schemas in schemas.ts) and its result, and every event main sends. Main's handlers, the
 * preload bridge and the e2e test host's bridge are all derived from these types.
 */
export type CallName = keyof typeof argSchemas;

export type CallArgs<K extends CallName> = z.infer<(typeof argSchemas)[K]>;

/** What each call returns when it succeeds. */
export interface CallResults extends CorrectionResults {
  getAppInfo: AppInfo;
  /** The articles, newest added first; a page of them when `offset`/`limit` are given. */
  listArticles: ArticleSummary[];
  getArticle: Article;
  importFiles: ImportReport;
  importFromDialog: ImportReport;
  importText: ImportOutcome;
  chooseEncoding: ImportOutcome;
  /**
   * Answers many encoding questions at once (the batch dialog): one outcome per choice, in order,
   * with progress events and a single libraryChanged, like importFiles.
   */
  chooseEncodings: ImportReport;
  deleteArticle: null;
  restoreArticle: null;
  /** Title, author, source or date edited; returns the article as it now stands. */
  updateArticleMeta: ArticleSummary;
  /** Opens a link of an article (http, https or mailto only) in the system's browser or mail app. */
  openExternal: null;
  saveReadingPosition: null;
  getConvertedText: ConvertedText;
  /**
   * The first screen of an article in a script (by default the one it is shown in), from a source
   * offset (by default the reading position): painted while the whole text loads or converts.
   */
  getTextWindow: TextWindow;
  setDisplayScript: null;
  listHighlights: Highlight[];
  createHighlight: Highlight;
  updateHighlight: Highlight;
  /** Returns what was deleted, so that it can be restored (undo). */
  deleteHighlight: Highlight;
  restoreHighlight: Highlight;
  replaceArticleText: ReplaceOutcome;
  exportAnnotations: ExportResult;
  importAnnotations: AnnotationImportReport;
  /**
   * Stops a running import (files, encoding answers or notes) after the file or chunk being
   * stored now: what was stored stays, the rest is reported cancelled. `cancelled` is false when
   * the batch is not running (it may have just ended).
   */
  cancelImport: { cancelled: boolean };
  /** Articles containing the text in any script (腾讯 finds 騰訊, 软件 finds 軟體), ranked, one page. */
  searchArticles: SearchPage;
  /** Texts folded to one script and mainland wording for matching (the notes panel's search). */
  foldForSearch: string[];
  /** Every occurrence of a query in an article, in any script (folded as search folds). */
  findInArticle: FindResult;
  /** The writing mode chosen for an article, or null (the default from settings). */
  getWritingMode: WritingMode | null;
  setWritingMode: null;
  /** Whether the library opened whole; a damaged one is read-only until a backup is restored. */
  getLibraryHealth: LibraryHealth;
  /** The rolling backups of the library, newest first. */
  listBackups: BackupInfo[];
  /** Puts a backup in the library's place the next time the app starts (the current file is kept aside). */
  restoreBackup: { restartRequired: true };
  getSettings: Settings;
  updateSettings: Settings;
  /** Loads the dictionary, readings and word segmentation ahead of their first use (a reader opened). */
  prepareReading: null;
  /** The longest CC-CEDICT word at the start of the text (in either script); null if none starts there. */
  lookupWord: LookupResult | null;
  /** Ruby readings for the Han characters of each text, in order, as offsets into that text. */
  getReadings: CharacterReading[][];
  /** The word around an offset of a text (double-click). */
  getWordAt: WordRange;
  /** Every word boundary of a text, from 0 to its length (word-wise caret steps). */
  getWordBoundaries: number[];
  saveVocabulary: VocabularyItem;
  /** The vocabulary list, newest first. */
  listVocabulary: VocabularyItem[];
  deleteVocabulary: null;
  /** The vocabulary list as an Anki TSV: saved through the save dialog, or a download in the test host. */
  exportVocabulary: ExportResult;
}

/** Events main sends to the renderer. */
export interface EventPayloads {
  /**
   * Progress of a running import: `done` of `total` files, the one being read now (for an import
   * of notes: annotations, and the file's name). Its batchId is what cancelImport stops.
   */
  importProgress: { batchId: string; done: number; total: number; name: string };
  /** The article list changed (import, delete, restore). */
  libraryChanged: null;
  /** Building the search index of articles stored before it (first start after the update): `done` of `total`. */
  searchIndexProgress: { done: number; total: number };
}
export type EventName = keyof EventPayloads;

/** Every call name, at run time. The check below keeps it equal to the schema keys. */
export const CALL_NAMES = [
  'getAppInfo',
  'listArticles',
  'getArticle',
  'importFiles',
  'importFromDialog',
  'importText',
  'chooseEncoding',
  'chooseEncodings',
  'deleteArticle',
  'restoreArticle',
  'updateArticleMeta',
  'openExternal',
  'saveReadingPosition',
  'getConvertedText',
  'getTextWindow',
  'setDisplayScript',
  'listHighlights',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'replaceArticleText',
  'exportAnnotations',
  'importAnnotations',
  'cancelImport',
  'searchArticles',
  'foldForSearch',
  'findInArticle',
  'getWritingMode',
  'setWritingMode',
  'getLibraryHealth',
  'listBackups',
  'restoreBackup',
  'getSettings',
  'updateSettings',
  'getCorrections',
  'previewCorrection',
  'addCorrection',
  'deleteCorrection',
  'setPresetCorrections',
  'prepareReading',
  'lookupWord',
  'getReadings',
  'getWordAt',
  'getWordBoundaries',
  'saveVocabulary',
  'listVocabulary',
  'deleteVocabulary',
  'exportVocabulary',
] as const satisfies readonly CallName[];
export const EVENT_NAMES = [
  'importProgress',
  'libraryChanged',
  'searchIndexProgress',
] as const satisfies readonly EventName[];

type Missing<All, Listed> = Exclude<All, Listed>;
// Fails to compile when a call or event is declared but not listed above.
const allCallsListed: Missing<CallName, (typeof CALL_NAMES)[number]> extends never ? true : never = true;
const allEventsListed: Missing<EventName, (typeof EVENT_NAMES)[number]> extends never ? true : never = true;
void allCallsListed;
void allEventsListed;

/** The API the renderer sees as `window.duizhao`. */
export type DuizhaoApi = {
  [K in CallName]: (...args: CallArgs<K>) => Promise<Result<CallResults[K]>>;
} & {
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** Handlers main registers, one per call. They may throw AppFailure; anything else is internal. */
export type Handlers = {
  [K in CallName]: (...args: CallArgs<K>) => CallResults[K] | Promise<CallResults[K]>;
};

/** IPC channel names carry this prefix; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'duizhao:';
export const callChannel = (name: CallName): string => `${CHANNEL_PREFIX}call:${name}`;
export const eventChannel = (name: EventName): string => `${CHANNEL_PREFIX}event:${name}`;
