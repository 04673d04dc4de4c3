import type { Migration } from '../migrate';

/**
 * Rich articles (issue 12): blocks of every kind of the article model, each with its attributes
 * (heading level, list nesting, marks, figure image, table cells) as JSON beside the plain text;
 * what an import knows of an article (source address, language, tags, the kind of file); and the
 * images found in imported files, stored once by content hash and linked to the articles using
 * them. Existing articles are carried over unchanged: their blocks keep kind, text and offset,
 * with no attributes; they were plain text.
 *
 * SQLite cannot change a CHECK constraint in place, so article_blocks is rebuilt (create, copy,
 * drop, rename) inside this migration's transaction.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'rich-articles',
  up(db) {
    db.exec(`
      CREATE TABLE article_blocks_rich (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        kind       TEXT    NOT NULL CHECK (kind IN
                     ('heading', 'paragraph', 'quote', 'listItem', 'preformatted', 'figure', 'rule', 'tableRow')),
        text       TEXT    NOT NULL,
        start      INTEGER NOT NULL,
        attrs      TEXT    CHECK (attrs IS NULL OR json_valid(attrs)),
        PRIMARY KEY (article_id, position)
      ) WITHOUT ROWID;
      INSERT INTO article_blocks_rich (article_id, position, kind, text, start)
        SELECT article_id, position, kind, text, start FROM article_blocks;
      DROP TABLE article_blocks;
      ALTER TABLE article_blocks_rich RENAME TO article_blocks;

      ALTER TABLE articles ADD COLUMN source_url TEXT;
      ALTER TABLE articles ADD COLUMN language TEXT;
      ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags));
      ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'text'
        CHECK (format IN ('text', 'markdown', 'html', 'mhtml', 'epub'));

      -- Images are large: an ordinary rowid table, so that their bytes live in overflow pages
      -- and not in the primary key's b-tree.
      CREATE TABLE images (
        id         TEXT    NOT NULL UNIQUE CHECK (length(id) = 64),
        mime       TEXT    NOT NULL,
        bytes      BLOB    NOT NULL,
        byte_count INTEGER NOT NULL,
        created_at TEXT    NOT NULL
      );
      CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        image_id   TEXT    NOT NULL REFERENCES images (id),
        PRIMARY KEY (article_id, image_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_images_image ON article_images (image_id);
    `);
  },
};
