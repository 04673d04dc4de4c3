import { Alignment, type AlignmentJSON, type Range } from '../../preload/contract/alignment';
import { charTokens } from './char-tokens';
import type { Db } from './connection';

/**
 * The library's full-text index (tables from migration 0008): every article's folded title and
 * text in an FTS5 table of one token per character, which answers queries of any length (one
 * token, or a phrase of them), and the folded text with its alignment back to the text as written.
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

/** A stretch of an article's text as written: `text` starts at offset `start` of a text `length` long. */
export interface SourceWindow {
  start: number;
  text: string;
  length: number;
}

/** Where a query first occurs in an article's text as written, and the text around it. */
export interface FirstHit {
  hit: Range;
  /** Covers at least `context` UTF-16 units on each side of the hit (as far as the text goes). */
  window: SourceWindow;
}

/** What the article store calls, inside its own transaction, to keep the index in step. */
export interface SearchIndexWrites {
  /** Indexes (or re-indexes) an article's title and text as written. */
  put(articleId: number, title: string, text: string): void;
  /** Takes an article out of the index: it reads as not indexed (stale) until put again. */
  remove(articleId: number): void;
}

const K1 = 1.2;
const B = 0.75;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const phrase = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Folded text is stored in chunks of this many UTF-16 units… */
const CHUNK = 1024;
/** …each running on this far into the next, so a query up to one longer is whole in one chunk. */
export const CHUNK_OVERLAP = 256;

/** The chunks of `text` and where each starts; none starts inside a surrogate pair. */
function* chunks(text: string): Generator<[number, string]> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length && (text.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    let tail = Math.min(text.length, end + CHUNK_OVERLAP);
    if (tail < text.length && (text.charCodeAt(tail) & 0xfc00) === 0xdc00) tail++;
    yield [start, text.slice(start, tail)];
    start = end;
  }
}

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
    // Each statement is prepared when first run: a search needs only a few of them.
    const lazy = <T>(make: () => T): (() => T) => {
      let made: T | undefined;
      return () => (made ??= make());
    };
    return {
      // The total is counted apart (`matching`): a count(*) OVER () here would make SQLite keep and
      // sort every match rather than only the best `limit + offset` (twice as slow for 的).
      page: lazy(() =>
        db.prepare(
          `WITH m AS (
             SELECT rowid AS id, -bm25(search_chars, 0.0, 1.0) / @idf AS r FROM search_chars WHERE search_chars MATCH @match
           )
           SELECT m.id AS articleId,
             m.id IN (SELECT rowid FROM search_chars WHERE search_chars MATCH @titleMatch) AS inTitle,
             CAST(round(m.r * ${K1} * (${1 - B} + ${B} * d.tokens / @avgdl) / max(${K1 + 1} - m.r, 1e-9)) AS INTEGER)
               AS count
           FROM m JOIN search_docs d ON d.article_id = m.id JOIN articles a ON a.id = m.id
           WHERE a.deleted_at IS NULL
           ORDER BY inTitle DESC, count DESC, a.imported_at DESC, a.id DESC
           LIMIT @limit OFFSET @offset`,
        ),
      ),
      // Rows matching (deleted articles' too, as FTS5's statistics count them) and, of those, deleted ones.
      matching: lazy(() =>
        db.prepare(
          `SELECT count(*) AS rows,
             (SELECT count(*) FROM search_chars
              WHERE search_chars MATCH @match AND rowid IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL))
               AS deleted
           FROM search_chars WHERE search_chars MATCH @match`,
        ),
      ),
      totals: lazy(() => db.prepare(`SELECT count(*) AS n, coalesce(sum(tokens), 0) AS tokens FROM search_docs`)),
      has: lazy(() => db.prepare('SELECT 1 FROM search_docs WHERE article_id = ?').pluck()),
      insertChars: lazy(() => db.prepare('INSERT INTO search_chars (rowid, title, text) VALUES (?, ?, ?)')),
      insertDoc: lazy(() =>
        db.prepare('INSERT INTO search_docs (article_id, fold_version, tokens, length, astral) VALUES (?, ?, ?, ?, ?)'),
      ),
      insertText: lazy(() => db.prepare('INSERT INTO search_texts (article_id, start, text) VALUES (?, ?, ?)')),
      insertAlignment: lazy(() => db.prepare('INSERT INTO search_alignments (article_id, alignment) VALUES (?, ?)')),
      deleteChars: lazy(() => db.prepare('DELETE FROM search_chars WHERE rowid = ?')),
      deleteDoc: lazy(() => db.prepare('DELETE FROM search_docs WHERE article_id = ?')),
      deleteTexts: lazy(() => db.prepare('DELETE FROM search_texts WHERE article_id = ?')),
      deleteAlignment: lazy(() => db.prepare('DELETE FROM search_alignments WHERE article_id = ?')),
      // The first chunk holding the query: SQLite reads the chunks in order and stops there.
      firstChunk: lazy(() =>
        db.prepare(
          `SELECT c.start AS start, c.text AS text, d.length AS length, d.astral AS astral, a.alignment AS alignment
           FROM search_docs d
             JOIN search_texts c ON c.article_id = d.article_id
             LEFT JOIN search_alignments a ON a.article_id = d.article_id
           WHERE d.article_id = @id AND instr(c.text, @q) > 0
           ORDER BY c.start LIMIT 1`,
        ),
      ),
      chunks: lazy(() => db.prepare('SELECT start, text FROM search_texts WHERE article_id = ? ORDER BY start')),
      version: lazy(() => db.prepare('SELECT fold_version FROM search_docs WHERE article_id = ?').pluck()),
      meta: lazy(() =>
        db.prepare(
          `SELECT d.length AS length, d.astral AS astral, a.alignment AS alignment FROM search_docs d
           LEFT JOIN search_alignments a ON a.article_id = d.article_id WHERE d.article_id = ?`,
        ),
      ),
      // From the block holding offset @from to the one holding @to (a block starts one line break
      // after the previous one ends), each cut to [@from, @to) — in characters, which are UTF-16
      // units only where the text has none outside the BMP (`whole` reads the blocks whole).
      window: lazy(() =>
        db.prepare(
          `SELECT start,
             CASE WHEN @whole THEN text ELSE substr(text, max(0, @from - start) + 1, @to - max(start, @from)) END
               AS text
           FROM article_blocks
           WHERE article_id = @id AND start <= @to AND position >=
             (SELECT coalesce(max(position), 0) FROM article_blocks WHERE article_id = @id AND start <= @from)
           ORDER BY position`,
        ),
      ),
      stale: lazy(() =>
        db
          .prepare(
            `SELECT a.id FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
             WHERE a.id > ? AND (d.article_id IS NULL OR d.fold_version <> ?) ORDER BY a.id LIMIT ?`,
          )
          .pluck(),
      ),
      staleCount: lazy(() =>
        db
          .prepare(
            `SELECT count(*) FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
             WHERE d.article_id IS NULL OR d.fold_version <> ?`,
          )
          .pluck(),
      ),
      text: lazy(() =>
        db
          .prepare(`SELECT group_concat(text, char(10) ORDER BY position) FROM article_blocks WHERE article_id = ?`)
          .pluck(),
      ),
      source: lazy(() =>
        db.prepare(
          `SELECT a.title AS title,
             (SELECT group_concat(b.text, char(10) ORDER BY b.position) FROM article_blocks b WHERE b.article_id = a.id)
               AS text
           FROM articles a WHERE a.id = ?`,
        ),
      ),
      merge: lazy(() =>
        db.prepare(`INSERT INTO search_chars (search_chars, rank) VALUES ('merge', CAST(? AS INTEGER))`),
      ),
      changes: lazy(() => db.prepare('SELECT total_changes()').pluck()),
      warm: lazy(() =>
        db.prepare(
          `SELECT (SELECT sum(tokens) FROM search_docs) + (SELECT count(*) FROM articles WHERE deleted_at IS NULL)
             + (SELECT count(*) FROM search_chars WHERE search_chars MATCH '"0"')`,
        ),
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
      s.insertChars().run(articleId, charTokens(t.text), charTokens(x.text));
      const astral = /[\ud800-\udfff]/.test(text) ? 1 : 0;
      s.insertDoc().run(articleId, version, codePoints(t.text) + codePoints(x.text), text.length, astral);
      for (const [start, chunk] of chunks(x.text)) s.insertText().run(articleId, start, chunk);
      // Where folding kept every length, offsets are the same in both texts.
      if (x.alignment.size > 0) s.insertAlignment().run(articleId, JSON.stringify(x.alignment.toJSON()));
    })();
  }

  /** Takes an article out of the index (deleting the article does it too, by trigger). */
  remove(articleId: number): void {
    const s = this.statements;
    // A contentless FTS5 row that is not there must not be deleted: its totals would go wrong.
    if (s.has().get(articleId) === undefined) return;
    s.deleteChars().run(articleId);
    s.deleteDoc().run(articleId);
    s.deleteTexts().run(articleId);
    s.deleteAlignment().run(articleId);
  }

  /**
   * Articles in the library, by rank, whose folded title or text contains `folded` (a query
   * already folded the way the index is). Deleted articles are left out.
   */
  query(folded: string, page: { offset: number; limit: number }): IndexPage {
    if (folded === '') return { hits: [], total: 0 };
    const s = this.statements;
    const terms = phrase(charTokens(folded));
    const matching = s.matching().get({ match: terms }) as { rows: number; deleted: number };
    if (matching.rows === 0) return { hits: [], total: 0 };
    const totals = s.totals().get() as { n: number; tokens: number };
    // As FTS5 computes them (fts5_aux.c, fts5Bm25GetData): over every row, deleted articles' too.
    const idf = Math.log((totals.n - matching.rows + 0.5) / (matching.rows + 0.5));
    const total = matching.rows - matching.deleted;
    if (page.offset >= total) return { hits: [], total };
    const rows = s.page().all({
      match: terms,
      titleMatch: `title : ${terms}`,
      idf: idf <= 0 ? 1e-6 : idf,
      avgdl: Math.max(1, totals.tokens / Math.max(1, totals.n)),
      limit: page.limit,
      offset: page.offset,
    }) as { articleId: number; inTitle: number; count: number }[];
    return {
      hits: rows.map((r) => ({ articleId: r.articleId, inTitle: r.inTitle === 1, count: r.count })),
      total,
    };
  }

  /**
   * Where `folded` (a folded query) first occurs in an indexed article's text, as written, with
   * the text `context` UTF-16 units around it. Reads the folded text up to the first chunk that
   * holds the query, and of the text as written only the stretch around the hit.
   */
  firstHit(articleId: number, folded: string, context: number): FirstHit | undefined {
    const s = this.statements;
    let found: { start: number; text: string; length: number; astral: number; alignment: string | null } | undefined;
    if (folded.length <= CHUNK_OVERLAP + 1) {
      found = s.firstChunk().get({ id: articleId, q: folded }) as typeof found;
    } else {
      // Longer than the chunks overlap: the whole folded text, put back together.
      const meta = s.meta().get(articleId) as Omit<NonNullable<typeof found>, 'start' | 'text'> | undefined;
      const rows = s.chunks().all(articleId) as { start: number; text: string }[];
      const text = rows.map((r, i) => r.text.slice(0, (rows[i + 1]?.start ?? Infinity) - r.start)).join('');
      if (meta) found = { ...meta, start: 0, text };
    }
    const at = found ? found.text.indexOf(folded) : -1;
    if (!found || at < 0) return undefined;
    const alignment = found.alignment
      ? Alignment.fromJSON(JSON.parse(found.alignment) as AlignmentJSON)
      : Alignment.identity(found.length);
    const hit = alignment.rangeToSource({ start: found.start + at, end: found.start + at + folded.length });
    const { length } = found;
    const from = Math.max(0, hit.start - context);
    const to = Math.min(length, hit.end + context);
    const whole = found.astral === 1;
    const blocks = s.window().all({ id: articleId, from, to, whole: whole ? 1 : 0 }) as {
      start: number;
      text: string;
    }[];
    const start = whole ? (blocks[0]?.start ?? 0) : Math.max(from, blocks[0]?.start ?? 0);
    const text = blocks.map((b) => b.text).join('\n');
    if (start <= from && start + text.length >= to) return { hit, window: { start, text, length } };
    // Blocks whose offsets do not add up (never written so): the whole text as written.
    const source = this.sourceText(articleId) ?? '';
    return { hit, window: { start: 0, text: source, length: source.length } };
  }

  /**
   * An article's whole text folded, with its alignment from the text as written, as the index
   * holds it; undefined when it is not indexed under this folding (fold it then).
   */
  folded(articleId: number): FoldedText | undefined {
    const s = this.statements;
    if (s.version().get(articleId) !== this.options.version) return undefined;
    const meta = s.meta().get(articleId) as { length: number; alignment: string | null } | undefined;
    if (!meta) return undefined;
    const rows = s.chunks().all(articleId) as { start: number; text: string }[];
    // Each chunk runs on into the next (CHUNK_OVERLAP): cut it where the next starts.
    const text = rows.map((r, i) => r.text.slice(0, (rows[i + 1]?.start ?? Infinity) - r.start)).join('');
    const alignment = meta.alignment
      ? Alignment.fromJSON(JSON.parse(meta.alignment) as AlignmentJSON)
      : Alignment.identity(meta.length);
    return { text, alignment };
  }

  /** An article's text as written (its blocks joined by one line break, as ArticleReads.sourceText), deleted or not. */
  sourceText(articleId: number): string | undefined {
    return (this.statements.text().get(articleId) as string | null | undefined) ?? undefined;
  }

  /**
   * Up to `limit` articles after `afterId`, in id order (deleted ones too, so that a restore
   * finds them), not indexed under this folding.
   */
  stale(limit: number, afterId = 0): number[] {
    return this.statements.stale().all(afterId, this.options.version, limit) as number[];
  }

  staleCount(): number {
    return this.statements.staleCount().get(this.options.version) as number;
  }

  /**
   * Re-indexes one article from what the library holds (its blocks joined by line breaks, as
   * sourceText); returns how many UTF-16 units it indexed (0 for an article that is not there).
   */
  reindex(articleId: number): number {
    const row = this.statements.source().get(articleId) as { title: string; text: string | null } | undefined;
    if (!row) return 0;
    this.put(articleId, row.title, row.text ?? '');
    return row.title.length + (row.text?.length ?? 0);
  }

  /**
   * Reads what ranking reads for every query whatever it is (each article's token count, whether
   * it is deleted, FTS5's own structure — U+0000 is in no text), so that the first search after
   * start finds it in SQLite's cache (on 10,000 articles here, a first query of about 20 ms, not 20–60).
   */
  warm(): void {
    this.statements.warm().get();
  }

  /**
   * Merges up to about `pages` pages of the index's segments; false once there is nothing left
   * to merge. A build of many small transactions leaves many segments, which every query reads.
   */
  merge(pages: number): boolean {
    const s = this.statements;
    const before = s.changes().get() as number;
    s.merge().run(pages);
    // FTS5's own signal: fewer than two changes means the merge found no work.
    return (s.changes().get() as number) - before >= 2;
  }
}
