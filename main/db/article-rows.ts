/**
 * How an article's rows map to the model: the summary columns, blocks laid end to end with their
 * source offsets, block attributes as stored JSON, character counts.
 */
import type { BlockAttrs } from '../../preload/contract/article-model';
import type { DisplayScript, ScriptForm } from '../../preload/contract/scripts';
import type {
  ArticleFormat,
  ArticleSummary,
  Block,
  BlockKind,
  Script,
  TextEncodingName,
} from '../../preload/contract/types';

export interface ArticleRow {
  id: number;
  title: string;
  author: string | null;
  source: string | null;
  published_at: string | null;
  script: Script;
  script_form: ScriptForm | 'none' | null;
  display_script: DisplayScript | null;
  encoding: TextEncodingName | null;
  source_url: string | null;
  language: string | null;
  tags: string;
  format: ArticleFormat;
  char_count: number;
  is_sample: number;
  imported_at: string;
  updated_at: string;
  reading_offset: number;
  reading_progress: number;
  deleted_at: string | null;
}

export const SUMMARY_COLUMNS = `id, title, author, source, source_url, published_at, language, tags, format, script, script_form,
  display_script, encoding, char_count, is_sample, imported_at, updated_at, reading_offset, reading_progress, deleted_at`;

export function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    source: row.source,
    sourceUrl: row.source_url,
    publishedAt: row.published_at,
    language: row.language,
    tags: parseTags(row.tags),
    format: row.format,
    script: row.script,
    scriptForm: row.script_form === 'none' ? null : row.script_form,
    displayScript: row.display_script,
    charCount: row.char_count,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    readingProgress: row.reading_progress,
    isSample: row.is_sample === 1,
  };
}

function parseTags(json: string): string[] {
  try {
    const tags: unknown = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Lays blocks end to end, joined by one line break, and gives each its source offset. */
export function layoutBlocks(blocks: readonly (BlockAttrs & { kind: BlockKind; text: string })[]): Block[] {
  let start = 0;
  return blocks.map((b) => {
    const block: Block = { ...b, start };
    start += b.text.length + 1;
    return block;
  });
}

const ATTR_KEYS = [
  'level',
  'ordered',
  'cells',
  'header',
  'image',
  'marks',
] as const satisfies readonly (keyof BlockAttrs)[];

/** A block's attributes as stored: JSON of the ones it has, or NULL for a plain block. */
export function attrsJson(block: BlockAttrs): string | null {
  const attrs: Record<string, unknown> = {};
  for (const key of ATTR_KEYS) {
    const value = block[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    attrs[key] = value;
  }
  return Object.keys(attrs).length > 0 ? JSON.stringify(attrs) : null;
}

export interface BlockRow {
  kind: BlockKind;
  text: string;
  start: number;
  attrs: string | null;
}

export const toBlock = ({ kind, text, start, attrs }: BlockRow): Block =>
  attrs === null ? { kind, text, start } : { ...(JSON.parse(attrs) as BlockAttrs), kind, text, start };

/** The source text: blocks joined by one line break (what sourceText reads back). */
export const joinBlocks = (blocks: readonly { text: string }[]): string => blocks.map((b) => b.text).join('\n');

/** Characters (code points) of the article, line breaks between blocks excluded. */
export function countChars(blocks: readonly { text: string }[]): number {
  let n = 0;
  for (const b of blocks) for (const _ of b.text) n++;
  return n;
}
