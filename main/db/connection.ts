import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyPendingRestore, backupIfDue, backupsFolder, createBackup } from './backups';
import { checkIntegrity } from './integrity';
import { MIGRATIONS } from './migrations';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';

export type Db = Database.Database;

/**
 * How long a write waits for another connection's lock before failing as `busy`. better-sqlite3
 * waits 5 s by default, and main's calls are synchronous: the window would freeze that long.
 */
export const BUSY_TIMEOUT_MS = 250;

/** An open library: the connection, and what the integrity check found (empty when whole). */
export interface OpenedLibrary {
  db: Db;
  /** Problems found on open. With any, the connection refuses writes (query_only). */
  problems: string[];
  /** Closes the connection and records a clean shutdown. */
  close(): void;
}

/** Beside the database while it is open: found on open, it means the last run did not close cleanly. */
const openMarker = (file: string): string => `${file}.open`;

/**
 * Opens (creating if needed) the library database: WAL journal, foreign keys on, migrated to the
 * current schema, with a rolling backup before any migration and once a day. A database from a
 * newer Duizhao is closed again untouched and refused. Each open runs PRAGMA quick_check (the
 * full integrity_check after an unclean shutdown); a damaged library is opened read-only, not
 * migrated and not backed up, so that it is never written blindly and never pushes good backups out.
 */
export function openLibrary(file: string, now: () => Date = () => new Date()): OpenedLibrary {
  const onDisk = file !== ':memory:';
  if (onDisk) {
    mkdirSync(dirname(file), { recursive: true });
    applyPendingRestore(file, now());
  }
  const unclean = onDisk && existsSync(openMarker(file));
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  const close = (): void => {
    db.close();
    if (onDisk) rmSync(openMarker(file), { force: true });
  };
  try {
    // Check before anything writes: even switching the journal mode changes the file.
    const version = schemaVersion(db);
    if (version > MIGRATIONS.length) throw new DatabaseTooNewError(version, MIGRATIONS.length);
    const problems = checkIntegrity(db, unclean ? 'full' : 'quick');
    if (onDisk) writeFileSync(openMarker(file), String(process.pid));
    if (problems.length > 0) {
      db.pragma('query_only = ON');
      return { db, problems, close };
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (onDisk && version > 0 && version < MIGRATIONS.length) {
      createBackup(db, backupsFolder(file), 'migration', now());
    }
    migrate(db, MIGRATIONS);
    // A library created just now has nothing to keep yet.
    if (onDisk && version > 0) backupIfDue(db, backupsFolder(file), now());
    return { db, problems, close };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A worker's writes wait longer than main's: nothing freezes while a worker waits. */
export const WORKER_BUSY_TIMEOUT_MS = 10_000;

/**
 * A second connection to a library main has opened (checked and migrated): a worker thread's,
 * for writes that would hold main's thread too long. WAL lets main read meanwhile; SQLite lets
 * one connection write at a time, so each side keeps its transactions whole and the other waits
 * (main at most BUSY_TIMEOUT_MS, then its call fails as `busy`).
 */
export function openWorkerConnection(file: string, readOnly: boolean): Db {
  const db = new Database(file, { timeout: WORKER_BUSY_TIMEOUT_MS, fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  if (readOnly) db.pragma('query_only = ON');
  return db;
}

/** Opens the library database (see openLibrary) when only the connection is wanted. */
export function openDatabase(file: string): Db {
  return openLibrary(file).db;
}

/** Runs work in one transaction: all of it or none. The work is synchronous (never await inside one). */
export type Transact = <T>(work: () => T) => T;

export const transactor =
  (db: Db): Transact =>
  (work) =>
    db.transaction(work)();
