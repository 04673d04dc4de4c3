import type Database from 'better-sqlite3';

/**
 * What SQLite finds wrong with the database file: nothing when it is whole. `quick` is PRAGMA
 * quick_check (every page read, indexes not compared with their tables: cheap enough for every
 * open); `full` is integrity_check, for after an unclean shutdown. A file too damaged to check at
 * all (not a database, a broken header) is reported as the error SQLite gave.
 */
export function checkIntegrity(db: Database.Database, depth: 'quick' | 'full'): string[] {
  try {
    const rows = db.pragma(depth === 'full' ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    const problems = rows.map((row) => String(Object.values(row)[0]));
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
