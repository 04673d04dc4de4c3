import type { Migration } from '../migrate';

/**
 * Cached conversions also keep where the conversion changed words rather than characters
 * (软件 → 軟體), for the side-by-side view. Entries cached before are dropped: the cache refills
 * itself on the next view.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'word-changes',
  up(db) {
    db.exec(`
      DELETE FROM conversions;
      ALTER TABLE conversions ADD COLUMN word_changes TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
