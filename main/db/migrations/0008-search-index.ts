import type { Migration } from '../migrate';

/**
 * Library search on SQLite FTS5, over each article's folded text (one script, mainland phrases;
 * see main/script/fold.ts). Two full-text tables share the article id as rowid:
 *
 * - `search_trigram` (trigram tokenizer, case-sensitive because folding already lowered Latin)
 *   answers queries of three characters or more and keeps the folded title and text, which
 *   snippets are cut from;
 * - `search_chars` (contentless) holds every character as one token — its code point in hex, so
 *   punctuation and spaces are tokens too and a phrase match is exactly a substring — for one-
 *   and two-character queries, which a trigram index cannot answer.
 *
 * `search_docs` records, per article, the folding it was indexed with (a change of dictionaries
 * re-indexes it), both rows' token counts (from which a hit count is read back out of bm25, see
 * search-index.ts) and the alignment from the folded text back to the text as written.
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
        article_id     INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        fold_version   TEXT    NOT NULL,
        trigram_tokens INTEGER NOT NULL,
        char_tokens    INTEGER NOT NULL,
        alignment      TEXT    NOT NULL
      );
      CREATE VIRTUAL TABLE search_trigram USING fts5 (title, text, tokenize = 'trigram case_sensitive 1');
      CREATE VIRTUAL TABLE search_chars USING fts5 (
        title, text, tokenize = 'unicode61', content = '', contentless_delete = 1
      );
      CREATE TRIGGER search_forget BEFORE DELETE ON articles
        WHEN EXISTS (SELECT 1 FROM search_docs WHERE article_id = old.id)
      BEGIN
        DELETE FROM search_trigram WHERE rowid = old.id;
        DELETE FROM search_chars WHERE rowid = old.id;
        DELETE FROM search_docs WHERE article_id = old.id;
      END;
    `);
  },
};
