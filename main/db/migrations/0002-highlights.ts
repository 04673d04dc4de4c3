import type { Migration } from '../migrate';

/**
 * Highlights, stored in the article's source-text coordinates (UTF-16 offsets) with a quote
 * selector (exact text plus prefix and suffix) to re-anchor them if the text changes.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'highlights',
  up(db) {
    db.exec(`
      CREATE TABLE highlights (
        id         TEXT    PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        start      INTEGER NOT NULL CHECK (start >= 0),
        end        INTEGER NOT NULL CHECK (end > start),
        exact      TEXT    NOT NULL,
        prefix     TEXT    NOT NULL DEFAULT '',
        suffix     TEXT    NOT NULL DEFAULT '',
        color      TEXT    NOT NULL DEFAULT 'yellow',
        note       TEXT    NOT NULL DEFAULT '',
        orphaned   INTEGER NOT NULL DEFAULT 0,
        created_at TEXT    NOT NULL,
        updated_at TEXT    NOT NULL
      );
      CREATE INDEX highlights_article ON highlights (article_id, start);
    `);
  },
};
