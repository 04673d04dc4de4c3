import type { Migration } from '../migrate';

/** Articles and their body as ordered blocks holding the exact source text. */
export const migration0001: Migration = {
  version: 1,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id               INTEGER PRIMARY KEY,
        title            TEXT    NOT NULL,
        author           TEXT,
        source           TEXT,
        published_at     TEXT,
        script           TEXT    NOT NULL CHECK (script IN ('simplified', 'traditional', 'mixed', 'unknown')),
        encoding         TEXT,
        content_hash     TEXT    NOT NULL,
        char_count       INTEGER NOT NULL,
        is_sample        INTEGER NOT NULL DEFAULT 0,
        imported_at      TEXT    NOT NULL,
        updated_at       TEXT    NOT NULL,
        reading_offset   INTEGER NOT NULL DEFAULT 0,
        reading_progress REAL    NOT NULL DEFAULT 0,
        deleted_at       TEXT
      );
      CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);

      CREATE TABLE article_blocks (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        kind       TEXT    NOT NULL CHECK (kind IN ('heading', 'paragraph')),
        text       TEXT    NOT NULL,
        start      INTEGER NOT NULL,
        PRIMARY KEY (article_id, position)
      ) WITHOUT ROWID;
    `);
  },
};
