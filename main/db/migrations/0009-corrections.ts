import type { Migration } from '../migrate';

/**
 * Conversion corrections (issue 15): a source phrase and what it must read as after conversion,
 * for the conversion chains listed (JSON array of chain keys such as "s2twp" or "hk2t+t2tw"), in
 * one article (article_id) or everywhere (NULL). A correction from the built-in set of well-known
 * fixes carries that fix's id in `preset` (one row per fix at most). Deleting an article deletes
 * its corrections.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'corrections',
  up(db) {
    db.exec(`
      CREATE TABLE corrections (
        id         INTEGER PRIMARY KEY,
        source     TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 200 AND instr(source, char(10)) = 0),
        target     TEXT    NOT NULL CHECK (length(target) BETWEEN 1 AND 400 AND instr(target, char(10)) = 0),
        chains     TEXT    NOT NULL CHECK (json_valid(chains) AND json_array_length(chains) > 0),
        article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
        preset     TEXT    UNIQUE,
        created_at TEXT    NOT NULL
      );
      CREATE INDEX corrections_by_article ON corrections (article_id);
    `);
  },
};
