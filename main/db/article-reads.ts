import type { ScriptForm } from '../../preload/contract/scripts';
import type { Article, ArticleSummary, Block } from '../../preload/contract/types';
import { type ArticleRow, type BlockRow, SUMMARY_COLUMNS, toBlock, toSummary } from './article-rows';
import type { Db } from './connection';

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

/** Reading the articles table, its blocks and its images. */
export class ArticleReader implements ArticleReads {
  constructor(protected readonly db: Db) {}

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

  contentHash(id: number): string | undefined {
    const row = this.db.prepare('SELECT content_hash FROM articles WHERE id = ? AND deleted_at IS NULL').get(id) as
      { content_hash: string } | undefined;
    return row?.content_hash;
  }

  image(id: string): StoredImage | undefined {
    const row = this.db.prepare('SELECT mime, bytes FROM images WHERE id = ?').get(id) as
      { mime: string; bytes: Buffer } | undefined;
    return (
      row && { mime: row.mime, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) }
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

  withoutScriptForm(): number[] {
    return (this.db.prepare('SELECT id FROM articles WHERE script_form IS NULL').all() as { id: number }[]).map(
      (r) => r.id,
    );
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
}
