import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Prepared statements kept by their SQL, each prepared on its first use: preparing costs more
 * than running a short statement, and an import runs the same few a hundred thousand times.
 * Lazily, because a damaged library is opened unmigrated and may not have the tables.
 */
export function statementCache(db: Db): (sql: string) => Statement {
  const prepared = new Map<string, Statement>();
  return (sql) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
}
