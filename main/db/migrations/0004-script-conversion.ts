import type { Migration } from '../migrate';

/**
 * Script conversion: which Traditional forms an article uses (detected; NULL until detected, and
 * 'none' for text that does not lean Traditional), the script the reader chose to show it in
 * (NULL: the default from settings), and a cache of converted texts with their alignments, keyed
 * by article and conversion chain and stamped with the dictionary version that made them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'script-conversion',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN script_form TEXT
        CHECK (script_form IN ('none', 'standard', 'taiwan', 'hongkong'));
      ALTER TABLE articles ADD COLUMN display_script TEXT
        CHECK (display_script IN ('original', 'simplified', 'traditional', 'taiwan', 'taiwanPhrases', 'hongkong'));

      CREATE TABLE conversions (
        article_id         INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        chain              TEXT    NOT NULL,
        dictionary_version TEXT    NOT NULL,
        text               TEXT    NOT NULL,
        alignment          TEXT    NOT NULL,
        created_at         TEXT    NOT NULL,
        PRIMARY KEY (article_id, chain)
      ) WITHOUT ROWID;
    `);
  },
};
