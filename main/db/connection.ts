import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the library database: WAL journal, foreign keys on, migrated to
 * the current schema. A database from a newer Duizhao is closed again untouched and refused.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Check before anything writes: even switching the journal mode changes the file.
    const version = schemaVersion(db);
    if (version > MIGRATIONS.length) throw new DatabaseTooNewError(version, MIGRATIONS.length);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
