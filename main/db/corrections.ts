import type { ChainKey, Correction } from '../../preload/contract/corrections';
import type { ScriptForm } from '../../preload/contract/scripts';
import type { Db } from './connection';

/** A correction to store: everything but its id, title and date. */
export interface NewCorrection {
  source: string;
  target: string;
  chains: ChainKey[];
  articleId: number | null;
  preset: string | null;
}

/** A block of some article holding a phrase, with what conversion needs to know of the article. */
export interface BlockWithPhrase {
  articleId: number;
  scriptForm: ScriptForm | null;
  text: string;
}

/** Reading corrections. */
export interface CorrectionReads {
  /** Every correction: the article's own first (newest first), then those everywhere. */
  list(): Correction[];
  get(id: number): Correction | undefined;
  /** The blocks of articles in the library (not deleted) that contain `phrase`. */
  blocksContaining(phrase: string): BlockWithPhrase[];
}

/** Changing corrections. Each method is one statement, except replace (run it in a transaction). */
export interface CorrectionWrites {
  /** Adds a correction, replacing one with the same phrase, scope and chains. */
  add(correction: NewCorrection): Correction;
  delete(id: number): boolean;
  /** Removes the corrections of the built-in set. */
  deletePresets(): number;
}

interface Row {
  id: number;
  source: string;
  target: string;
  chains: string;
  article_id: number | null;
  title: string | null;
  preset: string | null;
  created_at: string;
}

const SELECT = `SELECT c.id, c.source, c.target, c.chains, c.article_id, a.title, c.preset, c.created_at
  FROM corrections c LEFT JOIN articles a ON a.id = c.article_id`;

function toCorrection(row: Row): Correction {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    chains: JSON.parse(row.chains) as ChainKey[],
    articleId: row.article_id,
    articleTitle: row.title,
    preset: row.preset,
    createdAt: row.created_at,
  };
}

/** The corrections table. */
export class CorrectionStore implements CorrectionReads, CorrectionWrites {
  constructor(private readonly db: Db) {}

  list(): Correction[] {
    return (this.db.prepare(`${SELECT} ORDER BY c.article_id IS NULL, c.id DESC`).all() as Row[]).map(toCorrection);
  }

  get(id: number): Correction | undefined {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
    return row && toCorrection(row);
  }

  blocksContaining(phrase: string): BlockWithPhrase[] {
    const rows = this.db
      .prepare(
        `SELECT b.article_id, a.script_form, b.text FROM article_blocks b JOIN articles a ON a.id = b.article_id
         WHERE a.deleted_at IS NULL AND instr(b.text, ?) > 0 ORDER BY b.article_id, b.position`,
      )
      .all(phrase) as { article_id: number; script_form: ScriptForm | 'none' | null; text: string }[];
    return rows.map((r) => ({
      articleId: r.article_id,
      scriptForm: r.script_form === 'none' ? null : r.script_form,
      text: r.text,
    }));
  }

  add(c: NewCorrection): Correction {
    const chains = JSON.stringify([...c.chains].sort());
    // Same phrase, same scope, same chains: the newer replaces the older (one statement).
    const row = this.db
      .prepare(
        `INSERT INTO corrections (id, source, target, chains, article_id, preset, created_at)
         VALUES ((SELECT id FROM corrections WHERE source = @source AND chains = @chains
                    AND article_id IS @articleId AND preset IS @preset), @source, @target, @chains, @articleId, @preset, @stamp)
         ON CONFLICT (id) DO UPDATE SET target = excluded.target, created_at = excluded.created_at
         RETURNING id`,
      )
      .get({ ...c, chains, stamp: new Date().toISOString() }) as { id: number };
    return this.get(row.id)!;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM corrections WHERE id = ?').run(id).changes > 0;
  }

  deletePresets(): number {
    return this.db.prepare('DELETE FROM corrections WHERE preset IS NOT NULL').run().changes;
  }
}
