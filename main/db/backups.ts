import type Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupInfo } from '../../preload/contract/types';

/** How many rolling copies are kept; the oldest goes when another is made. */
export const KEEP_BACKUPS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^library-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(daily|migration|manual)\.db$/;

/** The folder beside the database that holds its backups. */
export const backupsFolder = (dbFile: string): string => join(dirname(dbFile), 'backups');
/** Beside the database: names the backup to put in its place on the next open. */
const restoreMarker = (dbFile: string): string => `${dbFile}.restore`;

const stampOf = (at: Date): string => at.toISOString().replace(/[-:.]/g, '');

/** The backups in `dir`, newest first. Files that are not ours are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const found: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, y, mo, d, h, mi, s, ms, reason] = m;
    found.push({
      name,
      createdAt: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`,
      reason: reason as BackupInfo['reason'],
      bytes: statSync(join(dir, name)).size,
    });
  }
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/**
 * Copies the database into `dir` with VACUUM INTO (a consistent snapshot, even with WAL, without
 * stopping readers), then keeps only the newest KEEP_BACKUPS. Never inside a transaction.
 */
export function createBackup(db: Database.Database, dir: string, reason: BackupInfo['reason'], at: Date): BackupInfo {
  mkdirSync(dir, { recursive: true });
  const name = `library-${stampOf(at)}-${reason}.db`;
  const path = join(dir, name);
  // VACUUM INTO refuses an existing file; two copies in one millisecond are the same copy.
  if (!existsSync(path)) db.prepare('VACUUM INTO ?').run(path);
  for (const old of listBackups(dir).slice(KEEP_BACKUPS)) rmSync(join(dir, old.name), { force: true });
  return listBackups(dir).find((b) => b.name === name) ?? { name, createdAt: at.toISOString(), reason, bytes: 0 };
}

/** Makes the daily backup when the newest is a day old or there is none. */
export function backupIfDue(db: Database.Database, dir: string, at: Date): BackupInfo | undefined {
  const newest = listBackups(dir)[0];
  if (newest && at.getTime() - Date.parse(newest.createdAt) < DAY_MS) return undefined;
  return createBackup(db, dir, 'daily', at);
}

/** Asks for `name` to replace the database the next time it is opened (the open connection holds it now). */
export function scheduleRestore(dbFile: string, name: string): void {
  if (!NAME.test(name) || !existsSync(join(backupsFolder(dbFile), name))) {
    throw new Error(`no backup named ${name}`);
  }
  writeFileSync(restoreMarker(dbFile), name);
}

/**
 * Puts backup `name` in the place of the database, which must not be open. The file it replaces
 * (and its WAL) is kept aside as library.db.before-restore-<stamp>, never deleted.
 */
export function restoreBackup(dbFile: string, name: string, at: Date): void {
  const backup = join(backupsFolder(dbFile), basename(name));
  if (!NAME.test(name) || !existsSync(backup)) throw new Error(`no backup named ${name}`);
  // Copied beside first, so that a failed copy leaves the library where it was.
  const incoming = `${dbFile}.restoring`;
  copyFileSync(backup, incoming);
  const aside = `${dbFile}.before-restore-${stampOf(at)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, aside + suffix);
  }
  renameSync(incoming, dbFile);
}

/** Carries out a restore asked for with scheduleRestore, before the database is opened. */
export function applyPendingRestore(dbFile: string, at: Date): string | undefined {
  const marker = restoreMarker(dbFile);
  if (!existsSync(marker)) return undefined;
  const name = readFileSync(marker, 'utf8').trim();
  // A request for a backup that has gone since is dropped: the library opens as it is.
  rmSync(marker, { force: true });
  if (!NAME.test(name) || !existsSync(join(backupsFolder(dbFile), name))) return undefined;
  restoreBackup(dbFile, name, at);
  return name;
}
