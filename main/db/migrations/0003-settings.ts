import type { Migration } from '../migrate';

/** Key/value settings (JSON values), and a record that the sample articles were seeded once. */
export const migration0003: Migration = {
  version: 3,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
    // Libraries created before this migration already had their chance at the samples.
    const hasArticles = db.prepare('SELECT 1 FROM articles LIMIT 1').get() !== undefined;
    if (hasArticles) {
      db.prepare(`INSERT INTO settings (key, value) VALUES ('samplesSeeded', 'true')`).run();
    }
  },
};
