import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/handlers';
import { backupsFolder, createBackup, KEEP_BACKUPS, listBackups, restoreBackup } from '../../main/db/backups';
import { openLibrary } from '../../main/db/connection';
import { MIGRATIONS } from '../../main/db/migrations';
import { migrate, schemaVersion } from '../../main/db/migrate';
import { dispatch } from '../../main/rpc';
import { DATABASE_FILE, openServices, type Services } from '../../main/services';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

const noEdges = {
  appInfo: () => ({ version: 'test', systemLocale: 'en', nativeDialogs: false, imageBase: '/library-images/' }),
  pickImportPaths: () => Promise.resolve(null),
  pickSavePath: () => Promise.resolve(null),
  openExternal: () => Promise.resolve(),
};

/**
 * A library with the samples, opened twice (the second open makes the first daily backup: a new
 * library has nothing to keep) and closed cleanly, its WAL checkpointed into library.db.
 */
function closedLibrary(): { dataDir: string; file: string } {
  const dataDir = tempDir();
  openServices({ dataDir, samplesDir: SAMPLES_DIR }).close();
  openServices({ dataDir }).close();
  return { dataDir, file: join(dataDir, DATABASE_FILE) };
}

/** Page size and the first page of a table or index, read from the file itself. */
function pageOf(file: string, name: string): { pageSize: number; page: number } {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(name) as {
    rootpage: number;
  };
  db.close();
  return { pageSize, page: rootpage };
}

/**
 * Overwrites one page with junk, as a failing disk might: its body after the 8-byte header, or
 * (for a page with no cells, whose body SQLite never reads) the whole page.
 */
function damagePage(file: string, name: string, from: 'body' | 'header' = 'body'): void {
  const { pageSize, page } = pageOf(file, name);
  const bytes = readFileSync(file);
  bytes.fill(0x5a, (page - 1) * pageSize + (from === 'body' ? 8 : 0), page * pageSize);
  writeFileSync(file, bytes);
}

const write = (services: Services) =>
  dispatch(createHandlers(services, noEdges), 'importText', [{ text: '新的一段。' }]);

describe('a damaged library', () => {
  it('is detected on open, reported with its backups, and never written', async () => {
    const { dataDir, file } = closedLibrary();
    damagePage(file, 'article_blocks');
    const before = readFileSync(file);
    const backupsBefore = listBackups(backupsFolder(file));

    const services = openServices({ dataDir, samplesDir: SAMPLES_DIR });
    expect(services.health.status).toBe('damaged');
    if (services.health.status !== 'damaged') return;
    expect(services.health.problems.length).toBeGreaterThan(0);
    expect(services.health.backups.map((b) => b.name)).toEqual(backupsBefore.map((b) => b.name));
    const handlers = createHandlers(services, noEdges);
    expect(await dispatch(handlers, 'getLibraryHealth', [])).toMatchObject({ ok: true, value: { status: 'damaged' } });
    // Writes are refused with a code, and nothing reaches the file.
    expect(await write(services)).toMatchObject({
      ok: true,
      value: { status: 'failed', error: { code: 'read_only' } },
    });
    expect(await dispatch(handlers, 'updateSettings', [{ theme: 'dark' }])).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    services.close();
    expect(readFileSync(file).equals(before)).toBe(true);
    // A damaged copy never joins (or pushes out) the backups.
    expect(listBackups(backupsFolder(file))).toEqual(backupsBefore);
  });

  it('can still be read: articles open and convert, though nothing is cached', async () => {
    const { dataDir, file } = closedLibrary();
    // The damage is in an index the reader does not need.
    damagePage(file, 'highlights_article', 'header');
    const before = readFileSync(file);
    const services = openServices({ dataDir });
    expect(services.health.status).toBe('damaged');
    const handlers = createHandlers(services, noEdges);
    const list = await dispatch(handlers, 'listArticles', []);
    expect(list.ok).toBe(true);
    const id = (list as { value: { id: number; script: string }[] }).value.find((a) => a.script === 'simplified')!.id;
    const view = await dispatch(handlers, 'getConvertedText', [id, 'traditional']);
    expect(view).toMatchObject({ ok: true, value: { script: 'traditional', cached: false } });
    services.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('after an unclean shutdown gets the full integrity check, which finds what quick_check does not', () => {
    const { file } = closedLibrary();
    // Change one character of a content hash in the unique index only: every page still reads
    // fine, but the index no longer matches its table.
    const { pageSize, page } = pageOf(file, 'articles_content_hash');
    const bytes = readFileSync(file);
    const body = bytes.subarray((page - 1) * pageSize, page * pageSize);
    const hash = /[0-9a-f]{64}/.exec(body.toString('latin1'))![0];
    const at = (page - 1) * pageSize + body.toString('latin1').indexOf(hash) + 63;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    writeFileSync(file, bytes);

    const clean = openLibrary(file);
    expect(clean.problems).toEqual([]);
    clean.close();
    // The app died without closing: the marker it leaves while open is still there.
    writeFileSync(`${file}.open`, '12345');
    const unclean = openLibrary(file);
    expect(unclean.problems.join('\n')).toMatch(/articles_content_hash|index/);
    unclean.close();
    expect(existsSync(`${file}.open`)).toBe(false);
  });

  it('a whole library opens as ok, and a clean close leaves no unclean-shutdown marker', () => {
    const { dataDir, file } = closedLibrary();
    const services = openServices({ dataDir });
    expect(services.health).toEqual({ status: 'ok' });
    expect(existsSync(`${file}.open`)).toBe(true);
    services.close();
    expect(existsSync(`${file}.open`)).toBe(false);
  });
});

describe('backups', () => {
  it('are made daily and before a migration, the last few kept', () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    // A library from before the last migration.
    const old = new Database(file);
    migrate(old, MIGRATIONS, MIGRATIONS.length - 1);
    old.close();
    const opened = openLibrary(file, () => new Date('2026-12-01T08:00:00Z'));
    expect(schemaVersion(opened.db)).toBe(MIGRATIONS.length);
    const made = listBackups(backupsFolder(file));
    // The copy just made before migrating counts as the day's.
    expect(made.map((b) => b.reason)).toEqual(['migration']);
    // The pre-migration copy is at the old version.
    const copy = new Database(join(backupsFolder(file), made.find((b) => b.reason === 'migration')!.name));
    expect(schemaVersion(copy)).toBe(MIGRATIONS.length - 1);
    copy.close();
    opened.close();
    // Within the day: no new copy; a day later: one more.
    openLibrary(file, () => new Date('2026-12-01T20:00:00Z')).close();
    expect(listBackups(backupsFolder(file))).toHaveLength(1);
    openLibrary(file, () => new Date('2026-12-02T09:00:00Z')).close();
    expect(listBackups(backupsFolder(file)).map((b) => b.reason)).toEqual(['daily', 'migration']);

    const db = new Database(file);
    for (let day = 3; day < 3 + KEEP_BACKUPS + 2; day++) {
      createBackup(db, backupsFolder(file), 'manual', new Date(Date.UTC(2026, 11, day, 9)));
    }
    db.close();
    const kept = listBackups(backupsFolder(file));
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]!.createdAt).toBe(new Date(Date.UTC(2026, 11, 2 + KEEP_BACKUPS + 2, 9)).toISOString());
    expect(kept.every((b) => b.reason === 'manual')).toBe(true);
  });

  it('restores one: the article deleted since comes back, and the replaced file is kept aside', () => {
    const { dataDir, file } = closedLibrary();
    const services = openServices({ dataDir });
    const [backup] = services.backups.list();
    const titles = services.articles.list().map((a) => a.title);
    const gone = services.articles.list()[0]!;
    services.library.delete(gone.id);
    services.close();
    // Reopening purges the deletion for good.
    const purged = openServices({ dataDir });
    expect(purged.articles.list().map((a) => a.title)).not.toContain(gone.title);
    purged.close();

    restoreBackup(file, backup!.name, new Date('2026-12-03T10:00:00Z'));
    const restored = openServices({ dataDir });
    expect(restored.articles.list().map((a) => a.title)).toEqual(titles);
    restored.close();
    expect(readdirSync(dataDir).some((f) => f.startsWith(`${DATABASE_FILE}.before-restore-`))).toBe(true);
  });

  it('restoreBackup through the contract takes effect on the next open; unknown names are refused', async () => {
    const { dataDir } = closedLibrary();
    const services = openServices({ dataDir });
    const handlers = createHandlers(services, noEdges);
    const list = await dispatch(handlers, 'listBackups', []);
    expect(list.ok).toBe(true);
    const [backup] = (list as { value: { name: string }[] }).value;
    expect(await dispatch(handlers, 'restoreBackup', ['../../etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(handlers, 'restoreBackup', ['library-20000101T000000000Z-daily.db'])).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const count = services.articles.count();
    services.library.delete(services.articles.list()[0]!.id);
    expect(await dispatch(handlers, 'restoreBackup', [backup!.name])).toEqual({
      ok: true,
      value: { restartRequired: true },
    });
    services.close();
    const next = openServices({ dataDir });
    expect(next.articles.count()).toBe(count);
    next.close();
  });
});
