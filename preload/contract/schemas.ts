import { z } from 'zod';
import { correctionSchemas } from './corrections';
import { FIND_MAX_QUERY, readingSettingsPatch, WRITING_MODES } from './reading-settings';
import { DISPLAY_SCRIPTS } from './scripts';
import {
  EXPORT_FORMATS,
  EXPORT_SCRIPTS,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  HIGHLIGHT_COLORS,
  MAX_IMPORT_BATCH_BYTES,
  MAX_IMPORT_BYTES,
  MAX_META_CHARS,
  MAX_TITLE_CHARS,
} from './types';
import { LOOKUP_MAX_CHARS, READING_MAX_CHARS } from './reading';

/**
 * Argument schemas, one tuple per call. Optional fields are exact: a field sent as `undefined` is
 * refused, not taken to mean "clear it" (structured clone keeps such keys over IPC). Main validates every call's arguments with these;
 * their keys are the call names of the contract (see api.ts).
 */
const articleId = z.number().int().positive();
const displayScript = z.enum(DISPLAY_SCRIPTS);
const color = z.enum(HIGHLIGHT_COLORS);
const highlightId = z.uuid();
/** Notes are text a person types: generous, but bounded. */
const note = z.string().max(20_000);
const offset = z.number().int().nonnegative();
const highlight = z.object({
  id: highlightId,
  articleId,
  start: offset,
  end: offset,
  exact: z.string().max(MAX_IMPORT_BYTES),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
  color,
  note,
  orphaned: z.boolean(),
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
});
const encoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5']);
/** The token main gave a file that waits for an encoding choice. */
const pendingToken = z.string().min(1).max(100);
/**
 * A file as bytes. Over MAX_IMPORT_BYTES is not refused here: the importer gives that file its
 * own too_large outcome. The call as a whole is bounded instead (MAX_IMPORT_BATCH_BYTES).
 */
const importFile = z.object({
  name: z.string().min(1).max(1024),
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes')
    .refine((b) => b.byteLength <= MAX_IMPORT_BATCH_BYTES, 'file over the per-call limit'),
});
const importBatch = z
  .array(importFile)
  .min(1)
  .max(500)
  .refine(
    (files) => files.reduce((n, f) => n + f.bytes.byteLength, 0) <= MAX_IMPORT_BATCH_BYTES,
    'files over the per-call limit together; send them in smaller batches',
  );
/** A calendar date, checked to exist (no 2026-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
  }, 'not a calendar date');
const metaText = (max: number) => z.string().max(max);
/** Backup file names as listBackups gives them; nothing that could leave the backups folder. */
const backupName = z.string().regex(/^library-[0-9TZ-]+-(daily|migration|manual)\.db$/);

export const argSchemas = {
  getAppInfo: z.tuple([]),
  listArticles: z.tuple([
    z
      .object({
        offset: z.number().int().min(0).max(1_000_000).exactOptional(),
        limit: z.number().int().min(1).max(1_000_000).exactOptional(),
      })
      .strict()
      .optional(),
  ]),
  getArticle: z.tuple([articleId]),
  importFiles: z.tuple([importBatch]),
  importFromDialog: z.tuple([]),
  importText: z.tuple([
    z.object({ text: z.string().max(MAX_IMPORT_BYTES), title: z.string().max(200).exactOptional() }),
  ]),
  chooseEncoding: z.tuple([z.object({ token: pendingToken, encoding })]),
  chooseEncodings: z.tuple([
    z
      .array(z.object({ token: pendingToken, encoding: encoding.nullable() }))
      .min(1)
      .max(500),
  ]),
  deleteArticle: z.tuple([articleId]),
  restoreArticle: z.tuple([articleId]),
  updateArticleMeta: z.tuple([
    articleId,
    z
      .object({
        title: z.string().trim().min(1).max(MAX_TITLE_CHARS).exactOptional(),
        author: metaText(MAX_META_CHARS.author).nullable().exactOptional(),
        source: metaText(MAX_META_CHARS.source).nullable().exactOptional(),
        sourceUrl: metaText(MAX_META_CHARS.sourceUrl).nullable().exactOptional(),
        publishedAt: isoDate.nullable().exactOptional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 0, 'nothing to update'),
  ]),
  openExternal: z.tuple([z.string().max(4096)]),
  saveReadingPosition: z.tuple([
    z.object({
      id: articleId,
      offset: z.number().int().nonnegative(),
      progress: z.number().min(0).max(1),
    }),
  ]),
  getConvertedText: z.tuple([articleId, displayScript.optional()]),
  getTextWindow: z.tuple([articleId, displayScript.optional(), z.number().int().nonnegative().optional()]),
  setDisplayScript: z.tuple([articleId, displayScript.nullable()]),
  listHighlights: z.tuple([articleId]),
  createHighlight: z.tuple([
    z
      .object({ articleId, start: offset, end: offset, color, note: note.exactOptional() })
      .refine((h) => h.end > h.start, 'a highlight covers at least one character'),
  ]),
  updateHighlight: z.tuple([
    z
      .object({ id: highlightId, color: color.exactOptional(), note: note.exactOptional() })
      .refine((h) => h.color !== undefined || h.note !== undefined, 'nothing to update'),
  ]),
  deleteHighlight: z.tuple([highlightId]),
  restoreHighlight: z.tuple([highlight]),
  replaceArticleText: z.tuple([z.object({ id: articleId, file: importFile, encoding: encoding.exactOptional() })]),
  exportAnnotations: z.tuple([
    z
      .object({ articleId: articleId.exactOptional(), format: z.enum(EXPORT_FORMATS), script: z.enum(EXPORT_SCRIPTS) })
      .strict(),
  ]),
  importAnnotations: z.tuple([z.object({ file: importFile })]),
  /** The batchId of a running import (from its importProgress events). */
  cancelImport: z.tuple([z.string().min(1).max(100)]),
  searchArticles: z.tuple([
    z.string().max(200),
    z
      .object({
        offset: z.number().int().min(0).max(1_000_000).exactOptional(),
        limit: z.number().int().min(1).max(500).exactOptional(),
      })
      .strict()
      .optional(),
  ]),
  foldForSearch: z.tuple([z.array(z.string().max(1_000_000)).max(10_000)]),
  findInArticle: z.tuple([articleId, z.string().max(FIND_MAX_QUERY)]),
  getWritingMode: z.tuple([articleId]),
  setWritingMode: z.tuple([articleId, z.enum(WRITING_MODES).nullable()]),
  getLibraryHealth: z.tuple([]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([backupName]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([
    z
      .object({
        locale: z.enum(['system', 'zh-Hans', 'zh-Hant', 'en']).exactOptional(),
        theme: z.enum(['light', 'sepia', 'dark', 'custom']).exactOptional(),
        fontSize: z.number().int().min(FONT_SIZE_MIN).max(FONT_SIZE_MAX).exactOptional(),
        defaultScript: displayScript.exactOptional(),
        epubSplit: z.enum(['book', 'chapters']).exactOptional(),
        ...readingSettingsPatch,
      })
      .strict(),
  ]),
  ...correctionSchemas,
  prepareReading: z.tuple([]),
  lookupWord: z.tuple([z.string().min(1).max(LOOKUP_MAX_CHARS)]),
  getReadings: z.tuple([
    z.array(z.string().max(READING_MAX_CHARS)).max(500),
    z.object({ system: z.enum(['pinyin', 'zhuyin']), sandhi: z.boolean() }).strict(),
  ]),
  getWordAt: z.tuple([z.string().min(1).max(READING_MAX_CHARS), offset]),
  getWordBoundaries: z.tuple([z.string().max(READING_MAX_CHARS)]),
  saveVocabulary: z.tuple([
    z
      .object({
        articleId: articleId.nullable(),
        word: z.string().trim().min(1).max(100),
        reading: z.string().max(500),
        meaning: z.string().max(5000),
        sentence: z.string().max(2000),
      })
      .strict(),
  ]),
  listVocabulary: z.tuple([]),
  deleteVocabulary: z.tuple([z.number().int().positive()]),
  exportVocabulary: z.tuple([]),
} satisfies Record<string, z.ZodTuple>;
