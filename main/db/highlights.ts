import type { Statement } from 'better-sqlite3';
import type { CallArgs } from '../../preload/contract/api';
import type { Highlight, HighlightColor } from '../../preload/contract/types';
import type { Db } from './connection';
import { statementCache } from './statements';

/** A change to a highlight's colour or note, as the contract's updateHighlight call carries it. */
export type HighlightPatch = Omit<CallArgs<'updateHighlight'>[0], 'id'>;

/** Where a highlight is: its offsets, quote selector and whether it was lost. */
export type HighlightPlace = Pick<Highlight, 'id' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'orphaned'>;

/** Reading highlights. */
export interface HighlightReads {
  list(articleId: number): Highlight[];
  get(id: string): Highlight | undefined;
}

/** Changing highlights. Each method is one statement. */
export interface HighlightWrites {
  insert(h: Highlight): Highlight;
  update(id: string, patch: HighlightPatch, updatedAt: string): Highlight | undefined;
  reposition(h: HighlightPlace): void;
  delete(id: string): boolean;
}

interface HighlightRow {
  id: string;
  article_id: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  note: string;
  orphaned: number;
  created_at: string;
  updated_at: string;
}

const toHighlight = (r: HighlightRow): Highlight => ({
  id: r.id,
  articleId: r.article_id,
  start: r.start,
  end: r.end,
  exact: r.exact,
  prefix: r.prefix,
  suffix: r.suffix,
  color: r.color,
  note: r.note,
  orphaned: r.orphaned === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The highlights table: rows in source-text coordinates, one statement per change. */
export class HighlightStore implements HighlightReads, HighlightWrites {
  private readonly prepare: (sql: string) => Statement;

  constructor(db: Db) {
    this.prepare = statementCache(db);
  }

  /** An article's highlights in reading order (orphaned ones last, by creation). */
  list(articleId: number): Highlight[] {
    const rows = this.prepare(
      'SELECT * FROM highlights WHERE article_id = ? ORDER BY orphaned, start, end DESC, created_at',
    ).all(articleId) as HighlightRow[];
    return rows.map(toHighlight);
  }

  get(id: string): Highlight | undefined {
    const row = this.prepare('SELECT * FROM highlights WHERE id = ?').get(id) as HighlightRow | undefined;
    return row && toHighlight(row);
  }

  /** Inserts a highlight as given (a new one, or one brought back by undo). */
  insert(h: Highlight): Highlight {
    this.prepare(
      `INSERT INTO highlights (id, article_id, start, end, exact, prefix, suffix, color, note, orphaned, created_at, updated_at)
         VALUES (@id, @articleId, @start, @end, @exact, @prefix, @suffix, @color, @note, @orphaned, @createdAt, @updatedAt)`,
    ).run({ ...h, orphaned: h.orphaned ? 1 : 0 });
    return h;
  }

  update(id: string, patch: HighlightPatch, updatedAt: string): Highlight | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    // Only what the patch names changes: a colour left out (or sent as undefined) is kept.
    const next: Highlight = {
      ...current,
      color: patch.color ?? current.color,
      note: patch.note ?? current.note,
      updatedAt,
    };
    this.prepare('UPDATE highlights SET color = ?, note = ?, updated_at = ? WHERE id = ?').run(
      next.color,
      next.note,
      updatedAt,
      id,
    );
    return next;
  }

  /** Moves a highlight onto new offsets and quote (re-anchoring), or marks it orphaned. */
  reposition(h: HighlightPlace): void {
    this.prepare(
      'UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?, orphaned = ? WHERE id = ?',
    ).run(h.start, h.end, h.exact, h.prefix, h.suffix, h.orphaned ? 1 : 0, h.id);
  }

  delete(id: string): boolean {
    return this.prepare('DELETE FROM highlights WHERE id = ?').run(id).changes === 1;
  }
}
