import type { ScriptForm } from '../../preload/contract/scripts';
import type { Highlight } from '../../preload/contract/types';
import type { Db } from './connection';
import { ArticleStore } from './articles';
import { HighlightStore } from './highlights';

/** An article as an export names it: what it says about itself, and the hash that finds it again. */
export interface ExportableArticle {
  id: number;
  title: string;
  author: string | null;
  source: string | null;
  publishedAt: string | null;
  /** Which Traditional forms the text uses, or null (it leans Simplified). */
  scriptForm: ScriptForm | null;
  contentHash: string;
}

/**
 * What the exporter reads. Only articles in the library are seen: a softly deleted one (still
 * in its undo window) is not exported, and its highlights are not either.
 */
export interface ExportReads {
  /** Every article in the library, in import order. */
  articles(): ExportableArticle[];
  /** One article in the library, or undefined. */
  article(id: number): ExportableArticle | undefined;
  /** An article's source text (blocks joined by one line break), or undefined. */
  sourceText(id: number): string | undefined;
  /** An article's highlights in reading order (orphaned ones last); none for an article not in the library. */
  highlights(articleId: number): Highlight[];
}

interface Row {
  id: number;
  title: string;
  author: string | null;
  source: string | null;
  published_at: string | null;
  script_form: ScriptForm | 'none' | null;
  content_hash: string;
}

const COLUMNS = 'id, title, author, source, published_at, script_form, content_hash';

const toArticle = (r: Row): ExportableArticle => ({
  id: r.id,
  title: r.title,
  author: r.author,
  source: r.source,
  publishedAt: r.published_at,
  scriptForm: r.script_form === 'none' ? null : r.script_form,
  contentHash: r.content_hash,
});

/** {@link ExportReads} over the library database. */
export class ExportReadStore implements ExportReads {
  private readonly highlightRows: HighlightStore;
  private readonly articleRows: ArticleStore;

  constructor(private readonly db: Db) {
    this.highlightRows = new HighlightStore(db);
    this.articleRows = new ArticleStore(db);
  }

  articles(): ExportableArticle[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM articles WHERE deleted_at IS NULL ORDER BY imported_at, id`)
      .all() as Row[];
    return rows.map(toArticle);
  }

  article(id: number): ExportableArticle | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM articles WHERE id = ? AND deleted_at IS NULL`).get(id) as
      Row | undefined;
    return row && toArticle(row);
  }

  sourceText(id: number): string | undefined {
    // The article store's read already leaves soft-deleted articles out.
    return this.articleRows.sourceText(id);
  }

  highlights(articleId: number): Highlight[] {
    return this.article(articleId) ? this.highlightRows.list(articleId) : [];
  }
}
