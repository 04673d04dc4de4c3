import type { ReadingSettings } from './reading-settings';
/**
 * Domain types shared by main, preload and renderer.
 * This folder imports nothing environment-specific: no electron, node or DOM APIs.
 */
import type { AlignmentJSON } from './alignment';
import type { BlockAttrs, ImportNotice, RichBlockKind } from './article-model';
import type { ConversionVariant, DisplayScript, ScriptForm } from './scripts';

/** The script a text is written in, as detected at import. */
export type Script = 'simplified' | 'traditional' | 'mixed' | 'unknown';

/** What a block is (see article-model.ts): headings, paragraphs, quotes, list items, figures… */
export type BlockKind = RichBlockKind;

/** The kind of file an article was imported from. */
export type ArticleFormat = 'text' | 'markdown' | 'html' | 'mhtml' | 'epub';

/** Encodings the importer can read. GBK and GB2312 are read as their superset GB18030. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/**
 * One block of an article's body. `start` is its UTF-16 offset in the article's source text; the
 * attributes (level, marks, image…) are absent when they take their defaults. Marks and table
 * cells are offsets within the block's own text (in a converted text, within the converted block).
 */
export interface Block extends BlockAttrs {
  kind: BlockKind;
  text: string;
  start: number;
}

/** What the library list shows of an article. */
export interface ArticleSummary {
  id: number;
  title: string;
  author: string | null;
  /** Where it is from, as shown: the site or publication, or what the user typed. */
  source: string | null;
  /** The address it was saved from (canonical link, SingleFile or MHTML header), when known. */
  sourceUrl: string | null;
  /** ISO date (YYYY-MM-DD) when the article says when it was published. */
  publishedAt: string | null;
  /** BCP 47 tag the document declared (zh-CN, zh-TW), when it did. */
  language: string | null;
  tags: string[];
  format: ArticleFormat;
  script: Script;
  /** Which Traditional forms the text uses, when it leans Traditional; null otherwise. */
  scriptForm: ScriptForm | null;
  /** The script the reader last chose to show this article in; null: the default from settings. */
  displayScript: DisplayScript | null;
  /** Length in characters (code points), line breaks excluded. */
  charCount: number;
  /** ISO timestamps. */
  importedAt: string;
  updatedAt: string;
  /** Share of the article read, 0..1. */
  readingProgress: number;
  isSample: boolean;
}

/** A whole article. Its source text is `blocks.map(b => b.text).join('\n')`. */
export interface Article extends ArticleSummary {
  blocks: Block[];
  /** Source-text offset of the first character the reader had on screen. */
  readingOffset: number;
  /** The encoding the file was decoded from, or null for pasted text. */
  encoding: TextEncodingName | null;
}

/** A file handed to the importer as bytes (drag and drop, the file input). */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What is wrong with a file read in some encoding, beyond bytes it cannot decode: it ends in the
 * middle of a character, or it holds lone surrogates (half a UTF-16 pair; in UTF-8, an encoded
 * surrogate, which UTF-8 forbids).
 */
export type DecodeWarning = 'truncated' | 'lone_surrogate';

export interface EncodingCandidate {
  encoding: TextEncodingName;
  /** The first lines decoded with this encoding, so the user can see which one reads right. */
  preview: string;
  /** Bytes of the file this encoding cannot decode, shown as U+FFFD; absent when none. */
  replacements?: number;
  /** What else is wrong with the file in this encoding; absent when nothing. */
  warnings?: DecodeWarning[];
}

/** How one file of an import went. */
export type ImportOutcome =
  | { status: 'imported'; name: string; article: ArticleSummary; notices?: ImportNotice[] }
  | { status: 'duplicate'; name: string; existing: ArticleSummary }
  | { status: 'needsEncoding'; name: string; token: string; candidates: EncodingCandidate[] }
  /** The user answered an encoding question with "skip": nothing was stored. */
  | { status: 'skipped'; name: string }
  /** The import was cancelled before this file's turn: nothing of it was stored. */
  | { status: 'cancelled'; name: string }
  | { status: 'failed'; name: string; error: AppError };

/** One answer to an encoding question: the encoding to read the file in, or null to skip it. */
export interface EncodingChoice {
  token: string;
  encoding: TextEncodingName | null;
}

export interface ImportReport {
  batchId: string;
  outcomes: ImportOutcome[];
}

/** The five highlight colours, in the order of their shortcuts 1–5. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * A highlight, with its note. It lives in the article's source-text coordinates (UTF-16 offsets,
 * end exclusive, blocks joined by one line break) with a quote selector to find it again if the
 * text changes; where it shows in a converted script is derived through the alignment.
 */
export interface Highlight {
  id: string;
  articleId: number;
  start: number;
  end: number;
  /** The source text of the highlight, and up to 32 characters before and after it. */
  exact: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  /** The margin note; empty when there is none. */
  note: string;
  /** The text changed and the quote could not be found again: kept, listed, not shown in the text. */
  orphaned: boolean;
  createdAt: string;
  updatedAt: string;
}

/** How the highlights fared when an article's text was replaced by an edited version. */
export interface ReanchorReport {
  status: 'replaced';
  article: ArticleSummary;
  /** Still on the same offsets. */
  exact: number;
  /** Found again elsewhere (text moved or the quote was edited slightly). */
  moved: number;
  /** Not found: kept and listed as orphaned. */
  orphaned: number;
}

/** Export formats: Markdown (Obsidian), W3C Web Annotation JSON, Readwise CSV, Anki TSV. */
export const EXPORT_FORMATS = ['markdown', 'json', 'csv', 'anki'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The script exported quotes are in: as written, converted, or the original and its conversion. */
export const EXPORT_SCRIPTS = ['original', 'simplified', 'traditional', 'taiwan', 'hongkong', 'both'] as const;
export type ExportScript = (typeof EXPORT_SCRIPTS)[number];

export interface ExportRequest {
  /** One article's highlights; without it, the whole library's. */
  articleId?: number;
  format: ExportFormat;
  script: ExportScript;
}

/** An export: written to the file the user chose (in the app), or handed over for a download. */
export type ExportResult =
  | { saved: true; path: string; count: number }
  | { saved: false; fileName: string; mimeType: string; content: string; count: number };

/** How importing our JSON went. */
export interface AnnotationImportReport {
  /** Annotations in the file. */
  total: number;
  /** Placed on their words in a matching article. */
  matched: number;
  /** Their article was found but not their words: kept as orphaned highlights. */
  orphaned: number;
  /** No article in the library matches: not imported. */
  noArticle: number;
  /** Already in the library (same id): left as they are. */
  alreadyThere: number;
  /** Not reached: the import was cancelled (what came before it is stored). Absent when it ran to the end. */
  cancelled?: number;
  /** Conversion corrections in the file that were added (absent when it had none). */
  corrections?: number;
}

/** An article that contains what was searched for, in whatever script it is written. */
export interface SearchHit {
  articleId: number;
  /** The title holds it too (title hits rank first). */
  inTitle: boolean;
  /** Occurrences in the text (overlapping ones included). */
  count: number;
  /** The first occurrence in context, as written ('' when only the title holds it). */
  snippet: string;
  /** The first occurrence in the article's source text (UTF-16 offsets, blocks joined by one line break). */
  hit: { start: number; end: number } | null;
  /** The first occurrence inside `snippet`. */
  mark: { start: number; end: number } | null;
}

/** One page of library search results, best first. */
export interface SearchPage {
  hits: SearchHit[];
  /** Matching articles over all pages. */
  total: number;
  offset: number;
  limit: number;
}

/** Replacing an article's text: done, or the file's encoding has to be chosen first. */
export type ReplaceOutcome =
  ReanchorReport | { status: 'needsEncoding'; name: string; candidates: EncodingCandidate[] };

export type Theme = 'light' | 'sepia' | 'dark' | 'custom';
export type LocaleSetting = 'system' | 'zh-Hans' | 'zh-Hant' | 'en';

export interface Settings extends ReadingSettings {
  locale: LocaleSetting;
  theme: Theme;
  /** Reading font size in CSS pixels. */
  fontSize: number;
  /** The script articles open in unless the reader chose another for that article. */
  defaultScript: DisplayScript;
  /** An EPUB imports as one article with its chapters as sections, or as one article per chapter. */
  epubSplit: 'book' | 'chapters';
}

/**
 * An article's text as shown in a script: its blocks converted, and the alignment between source
 * offsets (blocks joined by one line break) and offsets in the converted text (the same layout).
 */
export interface ConvertedText {
  articleId: number;
  script: DisplayScript;
  /** The OpenCC configurations applied, in order; empty for the original. */
  chain: ConversionVariant[];
  /** The converted blocks; `start` is in converted-text offsets. */
  blocks: Block[];
  alignment: AlignmentJSON;
  /**
   * Where the conversion changed words rather than characters (软件 → 軟體): flat quads of source
   * start, source end, converted start, converted end. Empty without regional phrases.
   */
  wordChanges: number[];
  /** The dictionary version that produced it. */
  dictionaryVersion: string;
  /** Whether it came from the cache. */
  cached: boolean;
}

/**
 * The first screen of an article: its blocks from the one holding a place in the text on, in the
 * script it is shown in, for the reader to paint at once while the whole text is loaded or
 * converted. Never the basis of an anchor: highlights and positions wait for the whole text.
 */
export interface TextWindow {
  articleId: number;
  script: DisplayScript;
  /** The source offset the window starts at: the reading position, unless another was asked for. */
  anchor: number;
  /** The blocks, in the script shown; `start` counts from the window's first block. */
  blocks: Block[];
  /** Where `anchor` falls in the first block's text as shown. */
  firstOffset: number;
  /** The whole article's length, in characters of the source. */
  charCount: number;
  /** The article's Traditional forms, if any (for the language the window is tagged with). */
  scriptForm: ScriptForm | null;
}

/** The most characters and blocks a TextWindow holds: a full screen at any window size, and more. */
export const TEXT_WINDOW_CHARS = 6000;
export const TEXT_WINDOW_BLOCKS = 80;

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 32;
/** The largest file the importer accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/**
 * The most bytes one importFiles call may carry, all files together, so that one IPC message
 * stays bounded. A single file over MAX_IMPORT_BYTES but under this gets its own too_large outcome.
 */
export const MAX_IMPORT_BATCH_BYTES = 2 * MAX_IMPORT_BYTES;

export interface AppInfo {
  version: string;
  /** The system locale, e.g. "zh-TW". */
  systemLocale: string;
  /** True in Electron, where imports open a native file dialog. */
  nativeDialogs: boolean;
  /** Where the library's images are served: an image's URL is this followed by its id. */
  imageBase: string;
}

/** A change to what is known of an article (the text itself changes through "Update text…"). */
export interface ArticleMetaPatch {
  title?: string;
  author?: string | null;
  source?: string | null;
  sourceUrl?: string | null;
  /** YYYY-MM-DD, or null to clear. */
  publishedAt?: string | null;
}

export const MAX_TITLE_CHARS = 500;
/** The longest author, source and source address an article's details take (checked in main, offered by the form). */
export const MAX_META_CHARS = { author: 200, source: 500, sourceUrl: 4096 } as const;

/**
 * Why a call failed, as a code the renderer translates (error.<code> in renderer/i18n/messages.ts).
 * Every failure a reader can meet has its own code; main's wording never reaches the screen as
 * the explanation.
 */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'unsupported'
  | 'cancelled'
  | 'too_large'
  | 'empty'
  | 'binary'
  | 'expired'
  /** The text of an edited version is already another article (params.title). */
  | 'already_in_library'
  /** A path chosen for import does not exist (any more) (params.name). */
  | 'file_missing'
  /** A path chosen for import is a folder or something else that is not a file (params.name). */
  | 'not_a_file'
  /** Another program (or a second Duizhao) holds the library locked; try again. */
  | 'busy'
  /** The disk is full; nothing was saved. */
  | 'disk_full'
  /** The library can only be read (it is damaged, or its disk is read-only); nothing was saved. */
  | 'read_only'
  /** The library file is damaged. */
  | 'corrupt'
  /** A file offered as notes to import is not a Duizhao JSON export (or is damaged). */
  | 'not_an_export'
  /** The change contradicts what is stored (e.g. a second copy of a unique row). */
  | 'constraint'
  | 'database'
  | 'io'
  | 'internal'
  /** A file that could not be imported as its format (see main/library/formats/format-error.ts). */
  | 'zip_invalid'
  | 'zip_bomb'
  | 'zip_unsafe_path'
  | 'nested_archive'
  | 'zip_encrypted'
  | 'epub_invalid'
  | 'drm'
  | 'mhtml_invalid';

/** Values a translated error message may mention, carried as fields rather than inside a sentence. */
export interface ErrorParams {
  /** A file name. */
  name?: string;
  /** An article title. */
  title?: string;
}

/**
 * Errors cross the bridge as values. `detail` is main's technical account (for logs and a
 * "Details" disclosure), in English; the UI explains the failure from `code` and `params`.
 */
export interface AppError {
  code: ErrorCode;
  detail: string;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Whether the library opened whole. A damaged one is open read-only: it is never written blindly. */
export type LibraryHealth =
  | { status: 'ok' }
  | {
      status: 'damaged';
      /** What SQLite's integrity check reported (technical, English). */
      problems: string[];
      /** Backups that can be restored instead, newest first. */
      backups: BackupInfo[];
    };

/** A rolling copy of the library (VACUUM INTO), kept in the data folder's backups/. */
export interface BackupInfo {
  /** The file name, which is also how restoreBackup names it. */
  name: string;
  /** ISO timestamp of when it was made. */
  createdAt: string;
  /** Why it was made. */
  reason: 'daily' | 'migration' | 'manual';
  bytes: number;
}
