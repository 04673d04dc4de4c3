import type Database from 'better-sqlite3';

/** One schema step. `up` runs inside a transaction together with the user_version bump. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** The database was written by a newer Duizhao. It is left untouched. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This library was created by a newer version of Duizhao (schema ${found}; this version understands up to ${supported}). ` +
        'Please update Duizhao to open it. The library has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the last migration (or to `target`), one transaction per step so
 * a failing step leaves the database at the previous version. Refuses a database newer than the code.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], target?: number): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  const goal = target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const m of migrations) {
    if (m.version <= current || m.version > goal) continue;
    db.transaction(() => {
      m.up(db);
      // PRAGMA takes no bound parameters; the version is an integer we control.
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
