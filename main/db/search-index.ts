import { Alignment, type AlignmentJSON } from '../../preload/contract/alignment';
import type { Db } from './connection';

/**
 * The library's full-text index (tables from migration 0008): every article's folded title and
 * text in an FTS5 trigram table (queries of 3+ characters) and in a table of one token per
 * character (1–2 characters), with the alignment back to the text as written.
 *
 * Ranking is title hits first, then by how often the text holds the query, and it is paginated
 * in SQL, so the count has to come out of SQL for every match — cheaply: reading 10,000 texts to
 * count would cost more than the search. FTS5's bm25() already counts a phrase's instances per
 * row (its term frequency) from the index; with weight 0 on the title it is
 *   score = idf · f·(k1+1) / (f + k1·(1 − b + b·D/avgdl))      (k1 = 1.2, b = 0.75, fixed in FTS5)
 * where D is the row's token count and avgdl the average. Every quantity but f is known here
 * (rows and tokens are counted in search_docs, in step with the FTS rows), so f is solved for
 * exactly: f = r·K / (k1 + 1 − r) with r = score/idf and K = k1·(1 − b + b·D/avgdl).
 * Counts are of occurrences as FTS5 sees them, overlapping ones included (哈哈 twice in 哈哈哈).
 */

/** A text folded for search, and the alignment from the text as written to it. */
export interface FoldedText {
  text: string;
  alignment: Alignment;
}

export interface SearchIndexOptions {
  fold(text: string): FoldedText;
  /** Names the folding (algorithm and dictionaries); rows indexed under another one are stale. */
  version: string;
}

/** One matching article, in rank order. */
export interface IndexHit {
  articleId: number;
  /** The folded title contains the query. */
  inTitle: boolean;
  /** Occurrences in the folded text. */
  count: number;
}

export interface IndexPage {
  hits: IndexHit[];
  /** Matching articles in the library (not deleted), over all pages. */
  total: number;
}

/** What the article store calls, inside its own transaction, to keep the index in step. */
export interface SearchIndexWrites {
  /** Indexes (or re-indexes) an article's title and text as written. */
  put(articleId: number, title: string, text: string): void;
}

const K1 = 1.2;
const B = 0.75;
/** Queries this long (code points) or longer go to the trigram table. */
export const TRIGRAM_MIN = 3;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** The trigram tokenizer makes one token per position with three characters from it. */
const trigramTokens = (s: string): number => Math.max(0, codePoints(s) - 2);

/** One token per character: its code point in hex, which unicode61 keeps as one word. */
export function charTokens(s: string): string {
  let out = '';
  for (const c of s) out += (out === '' ? '' : ' ') + c.codePointAt(0)!.toString(16);
  return out;
}

const phrase = (s: string): string => `"${s.replace(/"/g, '""')}"`;

type Table = 'search_trigram' | 'search_chars';

export class SearchIndexStore implements SearchIndexWrites {
  private prepared: ReturnType<SearchIndexStore['prepare']> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: SearchIndexOptions,
  ) {}

  /** Prepared on first use: a damaged library is opened unmigrated and may not have the tables. */
  private get statements(): ReturnType<SearchIndexStore['prepare']> {
    return (this.prepared ??= this.prepare());
  }

  private prepare() {
    const { db } = this;
    const page = (table: Table, tokens: string) =>
      db.prepare(
        `WITH m AS (
           SELECT rowid AS id, -bm25(${table}, 0.0, 1.0) / @idf AS r FROM ${table} WHERE ${table} MATCH @match
         )
         SELECT m.id AS articleId,
           m.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @titleMatch) AS inTitle,
           CAST(round(m.r * ${K1} * (${1 - B} + ${B} * d.${tokens} / @avgdl) / max(${K1 + 1} - m.r, 1e-9)) AS INTEGER)
             AS count,
           count(*) OVER () AS total
         FROM m JOIN search_docs d ON d.article_id = m.id JOIN articles a ON a.id = m.id
         WHERE a.deleted_at IS NULL
         ORDER BY inTitle DESC, count DESC, a.imported_at DESC, a.id DESC
         LIMIT @limit OFFSET @offset`,
      );
    const rows = (table: Table) => db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`).pluck();
    const live = (table: Table) =>
      db
        .prepare(
          `SELECT count(*) FROM ${table} t JOIN articles a ON a.id = t.rowid
           WHERE ${table} MATCH ? AND a.deleted_at IS NULL`,
        )
        .pluck();
    return {
      trigramPage: page('search_trigram', 'trigram_tokens'),
      charsPage: page('search_chars', 'char_tokens'),
      trigramRows: rows('search_trigram'),
      charsRows: rows('search_chars'),
      trigramLive: live('search_trigram'),
      charsLive: live('search_chars'),
      totals: db.prepare(
        `SELECT count(*) AS n, coalesce(sum(trigram_tokens), 0) AS trigram, coalesce(sum(char_tokens), 0) AS chars
         FROM search_docs`,
      ),
      has: db.prepare('SELECT 1 FROM search_docs WHERE article_id = ?').pluck(),
      insertTrigram: db.prepare('INSERT INTO search_trigram (rowid, title, text) VALUES (?, ?, ?)'),
      insertChars: db.prepare('INSERT INTO search_chars (rowid, title, text) VALUES (?, ?, ?)'),
      insertDoc: db.prepare(
        `INSERT INTO search_docs (article_id, fold_version, trigram_tokens, char_tokens, alignment)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      deleteTrigram: db.prepare('DELETE FROM search_trigram WHERE rowid = ?'),
      deleteChars: db.prepare('DELETE FROM search_chars WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE article_id = ?'),
      folded: db.prepare(
        `SELECT t.text AS text, d.alignment AS alignment FROM search_trigram t JOIN search_docs d ON d.article_id = t.rowid
         WHERE t.rowid = ?`,
      ),
      stale: db
        .prepare(
          `SELECT a.id FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
           WHERE d.article_id IS NULL OR d.fold_version <> ? ORDER BY a.id LIMIT ?`,
        )
        .pluck(),
      staleCount: db
        .prepare(
          `SELECT count(*) FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
           WHERE d.article_id IS NULL OR d.fold_version <> ?`,
        )
        .pluck(),
      text: db
        .prepare(`SELECT group_concat(text, char(10) ORDER BY position) FROM article_blocks WHERE article_id = ?`)
        .pluck(),
      source: db.prepare(
        `SELECT a.title AS title,
           (SELECT group_concat(b.text, char(10) ORDER BY b.position) FROM article_blocks b WHERE b.article_id = a.id)
             AS text
         FROM articles a WHERE a.id = ?`,
      ),
    };
  }

  put(articleId: number, title: string, text: string): void {
    const { fold, version } = this.options;
    const t = fold(title);
    const x = fold(text);
    const s = this.statements;
    this.db.transaction(() => {
      this.remove(articleId);
      s.insertTrigram.run(articleId, t.text, x.text);
      s.insertChars.run(articleId, charTokens(t.text), charTokens(x.text));
      s.insertDoc.run(
        articleId,
        version,
        trigramTokens(t.text) + trigramTokens(x.text),
        codePoints(t.text) + codePoints(x.text),
        JSON.stringify(x.alignment.toJSON()),
      );
    })();
  }

  /** Takes an article out of the index (deleting the article does it too, by trigger). */
  remove(articleId: number): void {
    const s = this.statements;
    // A contentless FTS5 row that is not there must not be deleted: its totals would go wrong.
    if (s.has.get(articleId) === undefined) return;
    s.deleteTrigram.run(articleId);
    s.deleteChars.run(articleId);
    s.deleteDoc.run(articleId);
  }

  /**
   * Articles in the library, by rank, whose folded title or text contains `folded` (a query
   * already folded the way the index is). Deleted articles are left out.
   */
  query(folded: string, page: { offset: number; limit: number }): IndexPage {
    if (folded === '') return { hits: [], total: 0 };
    const s = this.statements;
    const trigram = codePoints(folded) >= TRIGRAM_MIN;
    const terms = trigram ? phrase(folded) : phrase(charTokens(folded));
    const nHit = (trigram ? s.trigramRows : s.charsRows).get(terms) as number;
    if (nHit === 0) return { hits: [], total: 0 };
    const totals = s.totals.get() as { n: number; trigram: number; chars: number };
    // As FTS5 computes them (fts5_aux.c, fts5Bm25GetData): over every row, deleted articles' too.
    const idf = Math.log((totals.n - nHit + 0.5) / (nHit + 0.5));
    const params = {
      match: terms,
      titleMatch: `title : ${terms}`,
      idf: idf <= 0 ? 1e-6 : idf,
      avgdl: Math.max(1, (trigram ? totals.trigram : totals.chars) / Math.max(1, totals.n)),
      limit: page.limit,
      offset: page.offset,
    };
    const rows = (trigram ? s.trigramPage : s.charsPage).all(params) as {
      articleId: number;
      inTitle: number;
      count: number;
      total: number;
    }[];
    const total =
      rows[0]?.total ?? (page.offset > 0 ? ((trigram ? s.trigramLive : s.charsLive).get(terms) as number) : 0);
    return {
      hits: rows.map((r) => ({ articleId: r.articleId, inTitle: r.inTitle === 1, count: r.count })),
      total,
    };
  }

  /** An indexed article's folded text and its alignment with the text as written. */
  folded(articleId: number): FoldedText | undefined {
    const row = this.statements.folded.get(articleId) as { text: string; alignment: string } | undefined;
    return row && { text: row.text, alignment: Alignment.fromJSON(JSON.parse(row.alignment) as AlignmentJSON) };
  }

  /** An article's text as written (its blocks joined by one line break, as ArticleReads.sourceText), deleted or not. */
  sourceText(articleId: number): string | undefined {
    return (this.statements.text.get(articleId) as string | null | undefined) ?? undefined;
  }

  /** Up to `limit` articles (deleted ones too, so that a restore finds them) not indexed under this folding. */
  stale(limit: number): number[] {
    return this.statements.stale.all(this.options.version, limit) as number[];
  }

  staleCount(): number {
    return this.statements.staleCount.get(this.options.version) as number;
  }

  /** Re-indexes one article from what the library holds (its blocks joined by line breaks, as sourceText). */
  reindex(articleId: number): void {
    const row = this.statements.source.get(articleId) as { title: string; text: string | null } | undefined;
    if (row) this.put(articleId, row.title, row.text ?? '');
  }
}
