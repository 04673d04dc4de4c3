import type { Migration } from '../migrate';

/**
 * Library search on SQLite FTS5, over each article's folded text (one script, mainland phrases;
 * see main/script/fold.ts).
 *
 * - `search_chars` (contentless, deletable) holds every character of the folded title and text as
 *   one token — its code point in hex, so punctuation and spaces are tokens too and a phrase match
 *   is exactly a substring. It answers queries of every length: one token for one character, a
 *   phrase of tokens for more. The `ascii` tokenizer is enough for hex and the fastest to build.
 *   A trigram table would answer 3+ characters faster (its MATCH takes a fraction of a
 *   millisecond where a phrase here takes a few, of a search's ~10), but it fills 4–5× slower
 *   than this table and adds ~95 MB for 10,000 articles (bench/search.ts measures both), so there
 *   is none.
 * - `search_docs` records, per article, the folding it was indexed with (a change of dictionaries
 *   re-indexes it), its row's token count (from which a hit count is read back out of bm25, see
 *   search-index.ts), the length of its text as written and whether that text has characters
 *   outside the BMP (where SQL's character offsets are not JavaScript's). Rows are small, so
 *   ranking reads them all cheaply.
 * - `search_texts` keeps the folded text in chunks that overlap by more than a query is long, so
 *   the first hit is found (and cut out) by reading the text up to it, not the whole text: the
 *   articles that hold a common character most often are the longest ones.
 * - `search_alignments` maps folded offsets back to the text as written, for articles whose
 *   folding changed lengths (U盘 → 隨身碟); elsewhere offsets are the same.
 *
 * Merging: the index is written in many small transactions (imports, and the first-start build
 * in batches that keep the window responsive), each of which leaves FTS5 a new segment. With
 * FTS5's defaults (merge every 4 segments) the index is rewritten so often that FTS5's share of a
 * 10,000-article build is 2.7× as long as with 8; and the all-at-once merge of a level must wait
 * well past 8 segments (64 here), or a commit stops for 0.7 s. The build then finishes merging
 * in small steps of its own (SearchIndexStore.merge).
 *
 * Folding needs the converter, and a library of thousands of articles takes seconds to fold:
 * this migration only creates the tables. The index of an existing library is built on first
 * start, in batches with progress events (LibrarySearch.indexPending), not inside the migration.
 * Articles deleted for good leave the index through the trigger, whoever deletes them.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'search-index',
  up(db) {
    db.exec(`
      CREATE TABLE search_docs (
        article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        fold_version TEXT    NOT NULL,
        tokens       INTEGER NOT NULL,
        length       INTEGER NOT NULL,
        astral       INTEGER NOT NULL CHECK (astral IN (0, 1))
      );
      CREATE TABLE search_texts (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        text       TEXT    NOT NULL,
        PRIMARY KEY (article_id, start)
      );
      CREATE TABLE search_alignments (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        alignment  TEXT    NOT NULL
      );
      CREATE VIRTUAL TABLE search_chars USING fts5 (
        title, text, tokenize = 'ascii', content = '', contentless_delete = 1
      );
      INSERT INTO search_chars (search_chars, rank) VALUES ('automerge', 8);
      INSERT INTO search_chars (search_chars, rank) VALUES ('crisismerge', 64);
      CREATE TRIGGER search_forget BEFORE DELETE ON articles
        WHEN EXISTS (SELECT 1 FROM search_docs WHERE article_id = old.id)
      BEGIN
        DELETE FROM search_chars WHERE rowid = old.id;
        DELETE FROM search_docs WHERE article_id = old.id;
        DELETE FROM search_texts WHERE article_id = old.id;
        DELETE FROM search_alignments WHERE article_id = old.id;
      END;
    `);
  },
};
