import type { Migration } from '../migrate';

/**
 * The vocabulary list: words saved from the reader's dictionary popup, with the reading and meaning
 * shown, the sentence they were met in and the article's title (kept when the article is deleted,
 * whose id then goes to null).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'vocabulary',
  up(db) {
    db.exec(`
      CREATE TABLE vocabulary (
        id            INTEGER PRIMARY KEY,
        article_id    INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        word          TEXT NOT NULL CHECK (length(word) > 0),
        reading       TEXT NOT NULL,
        meaning       TEXT NOT NULL,
        sentence      TEXT NOT NULL,
        article_title TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );
      CREATE INDEX vocabulary_by_article ON vocabulary (article_id);
    `);
  },
};
