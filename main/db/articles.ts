import type { BlockAttrs, ImportedImage, RichBlock } from '../../preload/contract/article-model';
import type { DisplayScript, ScriptForm } from '../../preload/contract/scripts';
import type {
  Article,
  ArticleFormat,
  ArticleMetaPatch,
  ArticleSummary,
  Block,
  BlockKind,
  Script,
  TextEncodingName,
} from '../../preload/contract/types';
import type { Db } from './connection';
import type { SearchIndexWrites } from './search-index';

/** What the importer hands the store for a new article. */
export interface NewArticle {
  title: string;
  author: string | null;
  source: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  language: string | null;
  tags: string[];
  format: ArticleFormat;
  script: Script;
  /** Which Traditional forms, for text that leans Traditional; null otherwise. */
  scriptForm: ScriptForm | null;
  encoding: TextEncodingName | null;
  contentHash: string;
  isSample: boolean;
  blocks: RichBlock[];
  /** The images the blocks' figures refer to (stored once each, whoever else uses them). */
  images: ImportedImage[];
}

/** A stored image, as the image route serves it. */
export interface StoredImage {
  mime: string;
  bytes: Uint8Array;
}

/** Reading the library. */
export interface ArticleReads {
  /** The articles, newest added first (the library's default order); a page of them when asked. */
  list(page?: { offset?: number; limit?: number }): ArticleSummary[];
  get(id: number): Article | undefined;
  /**
   * The first screen from source offset `offset` on (the reading position when undefined): the
   * block holding it and those after it, until `maxChars` characters or `maxBlocks` blocks.
   */
  window(
    id: number,
    offset: number | undefined,
    maxChars: number,
    maxBlocks: number,
  ): { summary: ArticleSummary; anchor: number; blocks: Block[] } | undefined;
  /** Any article with this content, deleted (not yet purged) or not. */
  findByHash(hash: string): { summary: ArticleSummary; deleted: boolean } | undefined;
  count(): number;
  /** The source text of an article in the library (not deleted): its blocks joined by one line break. */
  sourceText(id: number): string | undefined;
  /** The content hash of an article in the library (not deleted); undefined says it is not there. */
  contentHash(id: number): string | undefined;
  /** Articles whose Traditional forms were never detected (imported before detection existed). */
  withoutScriptForm(): number[];
  /** The script forms the library's articles have (null: Simplified or not yet detected), most articles first. */
  scriptForms(): (ScriptForm | null)[];
  /** An image of the library by its id (SHA-256 hex). */
  image(id: string): StoredImage | undefined;
}

/** Changing the library. Each method is one transaction. */
export interface ArticleWrites {
  insert(article: NewArticle): ArticleSummary;
  /** Soft delete: the article disappears from the list but can be restored until purged. */
  markDeleted(id: number): boolean;
  restore(id: number): boolean;
  /** Removes soft-deleted articles for good (on start, when their undo window has passed). */
  purgeDeleted(): number;
  purge(id: number): void;
  saveReadingPosition(id: number, offset: number, progress: number): boolean;
  /** The script the reader chose for this article; null goes back to the default. */
  setDisplayScript(id: number, script: DisplayScript | null): boolean;
  /** Records detected forms (articles imported before forms were detected). */
  setScriptForm(id: number, form: ScriptForm | null): void;
  /**
   * Puts an edited version's text in place of an article's, keeping its id, reading state and
   * highlights (which the caller re-anchors, in the same transaction). Undefined when the article
   * is not in the library.
   */
  replaceText(id: number, next: NewArticle): ArticleSummary | undefined;
  /** What is known of an article, edited (the fields given; null clears). Undefined when it is not there. */
  updateMeta(id: number, patch: ArticleMetaPatch): ArticleSummary | undefined;
}

interface ArticleRow {
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

const SUMMARY_COLUMNS = `id, title, author, source, source_url, published_at, language, tags, format, script, script_form,
  display_script, encoding, char_count, is_sample, imported_at, updated_at, reading_offset, reading_progress, deleted_at`;

function toSummary(row: ArticleRow): ArticleSummary {
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

interface BlockRow {
  kind: BlockKind;
  text: string;
  start: number;
  attrs: string | null;
}

const toBlock = ({ kind, text, start, attrs }: BlockRow): Block =>
  attrs === null ? { kind, text, start } : { ...(JSON.parse(attrs) as BlockAttrs), kind, text, start };

/** The source text: blocks joined by one line break (what sourceText reads back). */
const joinBlocks = (blocks: readonly { text: string }[]): string => blocks.map((b) => b.text).join('\n');

/** Characters (code points) of the article, line breaks between blocks excluded. */
export function countChars(blocks: readonly { text: string }[]): number {
  let n = 0;
  for (const b of blocks) for (const _ of b.text) n++;
  return n;
}

/** The columns that describe an article, as an import or an edited text gives them. */
function describing(article: NewArticle) {
  return {
    title: article.title,
    author: article.author,
    source: article.source,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt,
    language: article.language,
    tags: JSON.stringify(article.tags),
    format: article.format,
    script: article.script,
    scriptForm: article.scriptForm ?? 'none',
    encoding: article.encoding,
    contentHash: article.contentHash,
  };
}

/** The articles table, its blocks and its images. */
export class ArticleStore implements ArticleReads, ArticleWrites {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    /** Kept in step with every text written, in the same transaction (the library search). */
    private readonly index?: SearchIndexWrites,
  ) {}

  list(page: { offset?: number; limit?: number } = {}): ArticleSummary[] {
    // LIMIT -1 is SQLite's "no limit".
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE deleted_at IS NULL ORDER BY imported_at DESC, id DESC
         LIMIT ? OFFSET ?`,
      )
      .all(page.limit ?? -1, page.offset ?? 0) as ArticleRow[];
    return rows.map(toSummary);
  }

  get(id: number): Article | undefined {
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ? AND deleted_at IS NULL`)
      .get(id) as ArticleRow | undefined;
    if (!row) return undefined;
    const blocks = (
      this.db
        .prepare('SELECT kind, text, start, attrs FROM article_blocks WHERE article_id = ? ORDER BY position')
        .all(id) as BlockRow[]
    ).map(toBlock);
    return { ...toSummary(row), blocks, readingOffset: row.reading_offset, encoding: row.encoding };
  }

  window(
    id: number,
    offset: number | undefined,
    maxChars: number,
    maxBlocks: number,
  ): { summary: ArticleSummary; anchor: number; blocks: Block[] } | undefined {
    const row = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ? AND deleted_at IS NULL`)
      .get(id) as ArticleRow | undefined;
    if (!row) return undefined;
    const anchor = Math.max(0, offset ?? row.reading_offset);
    const rows = this.db
      .prepare(
        `SELECT kind, text, start, attrs FROM article_blocks
         WHERE article_id = @id AND position >=
           (SELECT coalesce(max(position), 0) FROM article_blocks WHERE article_id = @id AND start <= @anchor)
         ORDER BY position LIMIT @blocks`,
      )
      .all({ id, anchor, blocks: maxBlocks }) as BlockRow[];
    const blocks: Block[] = [];
    let chars = 0;
    for (const r of rows) {
      if (blocks.length > 0 && chars >= maxChars) break;
      blocks.push(toBlock(r));
      chars += r.text.length + 1;
    }
    return { summary: toSummary(row), anchor, blocks };
  }

  findByHash(hash: string): { summary: ArticleSummary; deleted: boolean } | undefined {
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE content_hash = ?`).get(hash) as
      ArticleRow | undefined;
    return row && { summary: toSummary(row), deleted: row.deleted_at !== null };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL').get() as { n: number }).n;
  }

  insert(article: NewArticle): ArticleSummary {
    const stamp = this.now().toISOString();
    const blocks = layoutBlocks(article.blocks);
    const id = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO articles (title, author, source, source_url, published_at, language, tags, format, script,
             script_form, encoding, content_hash, char_count, is_sample, imported_at, updated_at)
           VALUES (@title, @author, @source, @sourceUrl, @publishedAt, @language, @tags, @format, @script,
             @scriptForm, @encoding, @contentHash, @charCount, @isSample, @stamp, @stamp)`,
        )
        .run({
          ...describing(article),
          isSample: article.isSample ? 1 : 0,
          charCount: countChars(blocks),
          stamp,
        });
      const id = Number(lastInsertRowid);
      this.writeBody(id, blocks, article.images, stamp);
      this.index?.put(id, article.title, joinBlocks(blocks));
      return id;
    })();
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow;
    return toSummary(row);
  }

  markDeleted(id: number): boolean {
    const stamp = this.now().toISOString();
    return (
      this.db.prepare('UPDATE articles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(stamp, id)
        .changes === 1
    );
  }

  restore(id: number): boolean {
    return (
      this.db.prepare('UPDATE articles SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id)
        .changes === 1
    );
  }

  purgeDeleted(): number {
    return this.db.transaction(() => {
      const purged = this.db.prepare('DELETE FROM articles WHERE deleted_at IS NOT NULL').run().changes;
      this.dropUnusedImages();
      return purged;
    })();
  }

  purge(id: number): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM articles WHERE id = ?').run(id);
      this.dropUnusedImages();
    })();
  }

  image(id: string): StoredImage | undefined {
    const row = this.db.prepare('SELECT mime, bytes FROM images WHERE id = ?').get(id) as
      { mime: string; bytes: Buffer } | undefined;
    return (
      row && { mime: row.mime, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) }
    );
  }

  saveReadingPosition(id: number, offset: number, progress: number): boolean {
    return (
      this.db
        .prepare('UPDATE articles SET reading_offset = ?, reading_progress = ? WHERE id = ? AND deleted_at IS NULL')
        .run(offset, progress, id).changes === 1
    );
  }

  setDisplayScript(id: number, script: DisplayScript | null): boolean {
    return (
      this.db.prepare('UPDATE articles SET display_script = ? WHERE id = ? AND deleted_at IS NULL').run(script, id)
        .changes === 1
    );
  }

  setScriptForm(id: number, form: ScriptForm | null): void {
    this.db.prepare('UPDATE articles SET script_form = ? WHERE id = ?').run(form ?? 'none', id);
  }

  withoutScriptForm(): number[] {
    return (this.db.prepare('SELECT id FROM articles WHERE script_form IS NULL').all() as { id: number }[]).map(
      (r) => r.id,
    );
  }

  scriptForms(): (ScriptForm | null)[] {
    const rows = this.db
      .prepare(
        `SELECT script_form AS form FROM articles WHERE deleted_at IS NULL
         GROUP BY script_form ORDER BY count(*) DESC`,
      )
      .all() as { form: ScriptForm | 'none' | null }[];
    return [...new Set(rows.map((r) => (r.form === 'none' ? null : r.form)))];
  }

  sourceText(id: number): string | undefined {
    const rows = this.db
      .prepare(
        `SELECT b.text FROM article_blocks b JOIN articles a ON a.id = b.article_id
         WHERE b.article_id = ? AND a.deleted_at IS NULL ORDER BY b.position`,
      )
      .all(id) as { text: string }[];
    return rows.length > 0 ? rows.map((r) => r.text).join('\n') : undefined;
  }

  replaceText(id: number, next: NewArticle): ArticleSummary | undefined {
    const blocks = layoutBlocks(next.blocks);
    const stamp = this.now().toISOString();
    const changed = this.db
      .prepare(
        `UPDATE articles SET title = @title, author = @author, source = @source, source_url = @sourceUrl,
           published_at = @publishedAt, language = @language, tags = @tags, format = @format,
           script = @script, script_form = @scriptForm, encoding = @encoding, content_hash = @contentHash,
           char_count = @charCount, updated_at = @stamp,
           reading_offset = min(reading_offset, @length)
         WHERE id = @id AND deleted_at IS NULL`,
      )
      .run({
        ...describing(next),
        id,
        charCount: countChars(blocks),
        stamp,
        length: blocks.reduce((n, b) => n + b.text.length + 1, 0),
      }).changes;
    if (changed !== 1) return undefined;
    this.db.prepare('DELETE FROM article_blocks WHERE article_id = ?').run(id);
    this.db.prepare('DELETE FROM article_images WHERE article_id = ?').run(id);
    this.writeBody(id, blocks, next.images, stamp);
    this.dropUnusedImages();
    this.index?.put(id, next.title, joinBlocks(blocks));
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow;
    return toSummary(row);
  }

  contentHash(id: number): string | undefined {
    const row = this.db.prepare('SELECT content_hash FROM articles WHERE id = ? AND deleted_at IS NULL').get(id) as
      { content_hash: string } | undefined;
    return row?.content_hash;
  }
  updateMeta(id: number, patch: ArticleMetaPatch): ArticleSummary | undefined {
    const columns = {
      title: 'title',
      author: 'author',
      source: 'source',
      sourceUrl: 'source_url',
      publishedAt: 'published_at',
    } as const satisfies Record<keyof ArticleMetaPatch, string>;
    const given = (Object.keys(columns) as (keyof ArticleMetaPatch)[]).filter((key) => patch[key] !== undefined);
    const sets = given.map((key) => `${columns[key]} = @${key}`);
    const changed = this.db.transaction(() => {
      const n = this.db
        .prepare(
          `UPDATE articles SET ${[...sets, 'updated_at = @stamp'].join(', ')} WHERE id = @id AND deleted_at IS NULL`,
        )
        .run({
          ...Object.fromEntries(given.map((key) => [key, patch[key] ?? null])),
          id,
          stamp: this.now().toISOString(),
        }).changes;
      // Search ranks title hits first: a new title is searched for at once.
      if (n === 1 && patch.title !== undefined) this.index?.put(id, patch.title, this.sourceText(id) ?? '');
      return n;
    })();
    if (changed !== 1) return undefined;
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow;
    return toSummary(row);
  }

  /** An article's blocks, and its images (each stored once, whichever article brought it first). */
  private writeBody(id: number, blocks: readonly Block[], images: readonly ImportedImage[], stamp: string): void {
    const insertBlock = this.db.prepare(
      'INSERT INTO article_blocks (article_id, position, kind, text, start, attrs) VALUES (?, ?, ?, ?, ?, ?)',
    );
    blocks.forEach((b, i) => insertBlock.run(id, i, b.kind, b.text, b.start, attrsJson(b)));
    const insertImage = this.db.prepare(
      `INSERT INTO images (id, mime, bytes, byte_count, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    const link = this.db.prepare(
      'INSERT INTO article_images (article_id, image_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    for (const image of images) {
      insertImage.run(image.id, image.mime, image.bytes, image.bytes.byteLength, stamp);
      link.run(id, image.id);
    }
  }

  /** Images no article uses any more (their last article was purged or re-imported without them). */
  private dropUnusedImages(): void {
    this.db
      .prepare('DELETE FROM images WHERE NOT EXISTS (SELECT 1 FROM article_images l WHERE l.image_id = images.id)')
      .run();
  }
}
