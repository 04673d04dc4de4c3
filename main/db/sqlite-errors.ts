import Database from 'better-sqlite3';
import { AppFailure } from '../../preload/contract/errors';
import type { ErrorCode } from '../../preload/contract/types';

/** SQLite's primary result codes (the part of an extended code like SQLITE_CONSTRAINT_UNIQUE before the second _) → ours. */
const BY_PRIMARY: Record<string, ErrorCode> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'disk_full',
  SQLITE_READONLY: 'read_only',
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_NOTADB: 'corrupt',
  SQLITE_CONSTRAINT: 'constraint',
  SQLITE_IOERR: 'io',
  SQLITE_CANTOPEN: 'io',
};

/** The code for a SQLite error (better-sqlite3's SqliteError carries SQLite's own `.code`). */
export function sqliteErrorCode(error: unknown): ErrorCode | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  const primary = /^SQLITE_[A-Z]+/.exec(error.code)?.[0] ?? '';
  return BY_PRIMARY[primary] ?? 'database';
}

/** Whether an error is SQLite refusing a second row with the same unique key. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Database.SqliteError &&
  (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');

/** Any failure as an AppFailure: expected ones as they are, SQLite's by their code, the rest internal. */
export function asAppFailure(error: unknown): AppFailure {
  if (error instanceof AppFailure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const sqlite = sqliteErrorCode(error);
  const prefix = error instanceof Database.SqliteError ? `${error.code}: ` : '';
  return new AppFailure(sqlite ?? 'internal', prefix + detail);
}
