import type { ImportedImage, RichBlock } from '../../preload/contract/article-model';
import type { DisplayScript, ScriptForm } from '../../preload/contract/scripts';
import type {
  ArticleFormat,
  ArticleMetaPatch,
  ArticleSummary,
  Block,
  Script,
  TextEncodingName,
} from '../../preload/contract/types';
import { ArticleReader, type ArticleReads } from './article-reads';
import {
  type ArticleRow,
  attrsJson,
  countChars,
  joinBlocks,
  layoutBlocks,
  SUMMARY_COLUMNS,
  toSummary,
} from './article-rows';
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

/** The articles table, its blocks and its images: the reads (article-reads.ts) and the writes. */
export class ArticleStore extends ArticleReader implements ArticleReads, ArticleWrites {
  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
    /** Kept in step with every text written, in the same transaction (the library search). */
    private readonly index?: SearchIndexWrites,
    /**
     * `later`: a replaced text leaves the index (the article reads as not indexed) for another
     * thread to index it again after the transaction; building it would hold this one too long.
     */
    private readonly replacedIndex: 'now' | 'later' = 'now',
  ) {
    super(db);
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
    if (this.replacedIndex === 'later') this.index?.remove(id);
    else this.index?.put(id, next.title, joinBlocks(blocks));
    const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRow;
    return toSummary(row);
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
