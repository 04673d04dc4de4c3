import type { Migration } from '../migrate';

/**
 * The conversion cache is keyed by the text it converted (the article's content hash), the chain
 * and the dictionary version, no longer by article: an edited text can never be served another
 * text's conversion, whether or not anyone remembered to drop the old entries. Entries are not
 * carried over: an entry keyed by article cannot prove which text it was made from, and the cache
 * refills itself on the next view.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'conversions-by-content',
  up(db) {
    db.exec(`
      DROP TABLE conversions;
      CREATE TABLE conversions (
        content_hash       TEXT NOT NULL,
        chain              TEXT NOT NULL,
        dictionary_version TEXT NOT NULL,
        text               TEXT NOT NULL,
        alignment          TEXT NOT NULL,
        word_changes       TEXT NOT NULL DEFAULT '[]',
        created_at         TEXT NOT NULL,
        PRIMARY KEY (content_hash, chain, dictionary_version)
      ) WITHOUT ROWID;
    `);
  },
};
