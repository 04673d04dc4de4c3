import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/handlers';
import { BUSY_TIMEOUT_MS } from '../../main/db/connection';
import { asAppFailure } from '../../main/db/sqlite-errors';
import { dispatch } from '../../main/rpc';
import { DATABASE_FILE, openServices } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

const noEdges = {
  appInfo: () => ({ version: 'test', systemLocale: 'en', nativeDialogs: false, imageBase: '/library-images/' }),
  pickImportPaths: () => Promise.resolve(null),
  pickSavePath: () => Promise.resolve(null),
  openExternal: () => Promise.resolve(),
};

/** The error a real SQLite statement throws. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected SQLite to refuse');
}

describe('SQLite errors cross as codes', () => {
  it('a write under another connection’s write lock fails as busy after a short wait, and changes nothing', async () => {
    const dataDir = tempDir();
    const services = openServices({ dataDir, samplesDir: SAMPLES_DIR });
    const handlers = createHandlers(services, noEdges);
    // The default (5 s) would freeze the window; ours is short. A setting, not a measurement.
    expect(services.db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(500);

    const other = new Database(join(dataDir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`INSERT INTO settings (key, value) VALUES ('fromElsewhere', 'true')`).run();
    const result = await dispatch(handlers, 'updateSettings', [{ theme: 'dark' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect((result as { error: { detail: string } }).error.detail).toMatch(/SQLITE_BUSY/);
    // Reads still work meanwhile (WAL).
    expect(await dispatch(handlers, 'getSettings', [])).toMatchObject({ ok: true, value: { theme: 'light' } });
    other.exec('ROLLBACK');
    other.close();
    expect(services.settings.get().theme).toBe('light');
    // With the lock gone, the same call goes through.
    expect(await dispatch(handlers, 'updateSettings', [{ theme: 'dark' }])).toMatchObject({
      ok: true,
      value: { theme: 'dark' },
    });
    services.close();
  });

  it('full, read-only, corrupt and constraint errors get their own codes', () => {
    const dir = tempDir();
    const file = join(dir, 'x.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT UNIQUE)');
    db.prepare(`INSERT INTO t VALUES ('a', 'x')`).run();
    expect(asAppFailure(thrownBy(() => db.prepare(`INSERT INTO t VALUES ('b', 'x')`).run())).code).toBe('constraint');

    // A disk that fills up: the file may not grow past its current pages.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const full = thrownBy(() => {
      for (let i = 0; i < 10_000; i++) insert.run(`k${i}`, 'y'.repeat(500) + i);
    });
    expect(asAppFailure(full).code).toBe('disk_full');
    db.close();

    const readonly = new Database(file, { readonly: true });
    const refused = thrownBy(() => readonly.prepare(`INSERT INTO t VALUES ('c', 'z')`).run());
    expect(asAppFailure(refused).code).toBe('read_only');
    readonly.close();

    const junk = join(dir, 'junk.db');
    writeFileSync(junk, Buffer.alloc(8192, 0x42));
    const notADatabase = new Database(junk);
    expect(asAppFailure(thrownBy(() => notADatabase.pragma('user_version'))).code).toBe('corrupt');
    notADatabase.close();

    expect(asAppFailure(new TypeError('kaput'))).toMatchObject({ code: 'internal', message: 'kaput' });
  });
});
