import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { MIGRATIONS } from '../../main/db/migrations';
import { DatabaseTooNewError, migrate, schemaVersion, type Migration } from '../../main/db/migrate';
import { tempDir } from '../helpers/data';

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

const insertArticle = (db: Database.Database, hash = 'h1') =>
  db
    .prepare(
      `INSERT INTO articles (title, script, content_hash, char_count, imported_at, updated_at)
       VALUES ('标题', 'simplified', ?, 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
    .run(hash).lastInsertRowid;

describe('migrations', () => {
  it('are numbered 1..n with names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z-]+$/);
  });

  it('0001 creates articles and their blocks, with unique content hashes and cascading blocks', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(migrate(db, MIGRATIONS, 1)).toBe(1);
    expect(columns(db, 'articles')).toEqual(
      expect.arrayContaining([
        'title',
        'author',
        'source',
        'published_at',
        'script',
        'content_hash',
        'reading_offset',
        'reading_progress',
      ]),
    );
    const id = insertArticle(db);
    db.prepare(`INSERT INTO article_blocks VALUES (?, 0, 'heading', '标题', 0)`).run(id);
    expect(() => insertArticle(db)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO article_blocks VALUES (?, 1, 'list', 'x', 3)`).run(id)).toThrow(/CHECK/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM article_blocks').get()).toEqual({ n: 0 });
  });

  it('0002 adds highlights in source coordinates, keeping existing articles', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 1);
    const id = insertArticle(db);
    expect(migrate(db, MIGRATIONS, 2)).toBe(2);
    expect(db.prepare('SELECT title FROM articles WHERE id = ?').get(id)).toEqual({ title: '标题' });
    expect(columns(db, 'highlights')).toEqual(
      expect.arrayContaining([
        'article_id',
        'start',
        'end',
        'exact',
        'prefix',
        'suffix',
        'color',
        'note',
        'created_at',
        'updated_at',
      ]),
    );
    const add = db.prepare(
      `INSERT INTO highlights (id, article_id, start, end, exact, created_at, updated_at) VALUES (?, ?, ?, ?, '标题', 't', 't')`,
    );
    add.run('a', id, 0, 2);
    expect(() => add.run('b', id, 2, 2)).toThrow(/CHECK/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM highlights').get()).toEqual({ n: 0 });
  });

  it('0003 adds settings, and marks an existing library as already seeded with samples', () => {
    const fresh = new Database(':memory:');
    migrate(fresh, MIGRATIONS, 3);
    expect(fresh.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });

    const old = new Database(':memory:');
    migrate(old, MIGRATIONS, 2);
    insertArticle(old);
    migrate(old, MIGRATIONS, 3);
    expect(old.prepare(`SELECT value FROM settings WHERE key = 'samplesSeeded'`).get()).toEqual({ value: 'true' });
  });

  it('0004 adds script forms, the chosen display script and a conversion cache that follows its article', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    const id = insertArticle(db);
    expect(migrate(db, MIGRATIONS, 4)).toBe(4);
    // Existing articles are left for detection (NULL) and open in the default script.
    expect(db.prepare('SELECT script_form, display_script FROM articles WHERE id = ?').get(id)).toEqual({
      script_form: null,
      display_script: null,
    });
    db.prepare(`UPDATE articles SET script_form = 'taiwan', display_script = 'simplified' WHERE id = ?`).run(id);
    expect(() => db.prepare(`UPDATE articles SET script_form = 'macau' WHERE id = ?`).run(id)).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE articles SET display_script = 'klingon' WHERE id = ?`).run(id)).toThrow(/CHECK/);
    const cache = db.prepare(
      `INSERT INTO conversions (article_id, chain, dictionary_version, text, alignment, created_at) VALUES (?, ?, 'v1', '標題', '{}', 't')`,
    );
    cache.run(id, 's2t');
    expect(() => cache.run(id, 's2t')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM conversions').get()).toEqual({ n: 0 });
  });

  it('0005 empties the conversion cache and gives entries their word changes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 4);
    const id = insertArticle(db);
    db.prepare(
      `INSERT INTO conversions (article_id, chain, dictionary_version, text, alignment, created_at) VALUES (?, 's2twp', 'v1', '軟體', '{}', 't')`,
    ).run(id);
    expect(migrate(db, MIGRATIONS, 5)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM conversions').get()).toEqual({ n: 0 });
    db.prepare(
      `INSERT INTO conversions (article_id, chain, dictionary_version, text, alignment, created_at) VALUES (?, 's2t', 'v1', '標題', '{}', 't')`,
    ).run(id);
    expect(db.prepare('SELECT word_changes FROM conversions').get()).toEqual({ word_changes: '[]' });
    // The article itself is untouched.
    expect(db.prepare('SELECT title FROM articles WHERE id = ?').get(id)).toEqual({ title: '标题' });
  });

  it('0006 keys the conversion cache by content, keeping articles and highlights', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 5);
    const id = insertArticle(db, 'hash-of-the-text');
    db.prepare(
      `INSERT INTO highlights (id, article_id, start, end, exact, created_at, updated_at) VALUES ('h', ?, 0, 2, '标题', 't', 't')`,
    ).run(id);
    db.prepare(
      `INSERT INTO conversions (article_id, chain, dictionary_version, text, alignment, word_changes, created_at)
       VALUES (?, 's2t', 'v1', '標題', '{}', '[]', 't')`,
    ).run(id);
    const articlesBefore = db.prepare('SELECT * FROM articles').all();
    const highlightsBefore = db.prepare('SELECT * FROM highlights').all();

    expect(migrate(db, MIGRATIONS, 6)).toBe(6);
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(articlesBefore);
    expect(db.prepare('SELECT * FROM highlights').all()).toEqual(highlightsBefore);
    // Entries keyed by article cannot prove which text they were made from: gone.
    expect(db.prepare('SELECT count(*) AS n FROM conversions').get()).toEqual({ n: 0 });
    expect(columns(db, 'conversions')).toEqual([
      'content_hash',
      'chain',
      'dictionary_version',
      'text',
      'alignment',
      'word_changes',
      'created_at',
    ]);
    const cache = db.prepare(
      `INSERT INTO conversions (content_hash, chain, dictionary_version, text, alignment, created_at)
       VALUES (?, 's2t', ?, '標題', '{}', 't')`,
    );
    cache.run('hash-of-the-text', 'v1');
    // Another dictionary version of the same text is another entry; the same key twice is refused.
    cache.run('hash-of-the-text', 'v2');
    expect(() => cache.run('hash-of-the-text', 'v1')).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare('SELECT word_changes FROM conversions LIMIT 1').get()).toEqual({ word_changes: '[]' });
  });

  it('0007 carries blocks over unchanged with room for rich kinds and attributes, and adds images', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 6);
    const id = insertArticle(db, 'hash-of-the-text');
    const block = db.prepare(
      'INSERT INTO article_blocks (article_id, position, kind, text, start) VALUES (?, ?, ?, ?, ?)',
    );
    block.run(id, 0, 'heading', '标题', 0);
    block.run(id, 1, 'paragraph', '第一段。', 3);
    db.prepare(
      `INSERT INTO highlights (id, article_id, start, end, exact, created_at, updated_at) VALUES ('h', ?, 3, 5, '第一', 't', 't')`,
    ).run(id);
    // Before: only headings and paragraphs.
    expect(() => block.run(id, 2, 'quote', '引文', 8)).toThrow(/CHECK/);
    const blocksBefore = db.prepare('SELECT article_id, position, kind, text, start FROM article_blocks').all();
    const articlesBefore = db.prepare('SELECT * FROM articles').all() as Record<string, unknown>[];
    const highlightsBefore = db.prepare('SELECT * FROM highlights').all();

    expect(migrate(db, MIGRATIONS, 7)).toBe(7);
    expect(db.prepare('SELECT article_id, position, kind, text, start FROM article_blocks').all()).toEqual(
      blocksBefore,
    );
    expect(db.prepare('SELECT attrs FROM article_blocks').all()).toEqual([{ attrs: null }, { attrs: null }]);
    expect(db.prepare('SELECT * FROM highlights').all()).toEqual(highlightsBefore);
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(
      articlesBefore.map((a) => ({ ...a, source_url: null, language: null, tags: '[]', format: 'text' })),
    );
    // The rebuilt table still belongs to its article, and now takes every kind with JSON attributes.
    const rich = db.prepare(
      'INSERT INTO article_blocks (article_id, position, kind, text, start, attrs) VALUES (?, ?, ?, ?, ?, ?)',
    );
    rich.run(id, 2, 'quote', '引文', 8, '{"level":1}');
    expect(() => rich.run(id, 3, 'quote', '引文', 11, '{not json')).toThrow(/CHECK/);
    expect(() => rich.run(id, 3, 'marquee', '引文', 11, null)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE articles SET format = 'pdf'").run()).toThrow(/CHECK/);
    // Images: stored once by hash, linked to articles; a link to a missing image is refused.
    db.prepare(
      "INSERT INTO images (id, mime, bytes, byte_count, created_at) VALUES (?, 'image/png', x'89504e47', 4, 't')",
    ).run('a'.repeat(64));
    db.prepare('INSERT INTO article_images (article_id, image_id) VALUES (?, ?)').run(id, 'a'.repeat(64));
    expect(() =>
      db.prepare('INSERT INTO article_images (article_id, image_id) VALUES (?, ?)').run(id, 'b'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM article_blocks').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM article_images').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('a step that fails after doing work leaves user_version and the schema at the previous version', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 4);
    const tablesBefore = db.prepare(`SELECT name, sql FROM sqlite_master ORDER BY name`).all();
    const failingFive: Migration = {
      ...MIGRATIONS[4]!,
      up(d) {
        MIGRATIONS[4]!.up(d);
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('step five broke');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS.slice(0, 4), failingFive])).toThrow('step five broke');
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare(`SELECT name, sql FROM sqlite_master ORDER BY name`).all()).toEqual(tablesBefore);
    expect(columns(db, 'conversions')).not.toContain('word_changes');
  });

  it('each step and its user_version bump commit together, in one transaction', () => {
    const file = join(tempDir(), 'library.db');
    const db = new Database(file);
    // Watches the real connection: whether a transaction is open when user_version is set.
    const bumps: { version: string; inTransaction: boolean }[] = [];
    const watched = new Proxy(db, {
      get(target, key) {
        if (key === 'pragma') {
          return (source: string, options?: Database.PragmaOptions) => {
            const bump = /^user_version\s*=\s*(\d+)/.exec(source);
            if (bump) bumps.push({ version: bump[1]!, inTransaction: target.inTransaction });
            return target.pragma(source, options);
          };
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    migrate(watched, MIGRATIONS);
    expect(bumps.map((b) => b.version)).toEqual(MIGRATIONS.map((m) => String(m.version)));
    expect(bumps.every((b) => b.inTransaction)).toBe(true);
    // And nothing was left uncommitted: another connection sees the last version.
    const other = new Database(file, { readonly: true });
    expect(schemaVersion(other)).toBe(MIGRATIONS.length);
    other.close();
    db.close();
  });

  it('a failing migration rolls back whole and leaves the previous version', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
  });

  it('openDatabase turns on WAL and foreign keys and migrates a real file', () => {
    const file = join(tempDir(), 'library.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
    // Reopening an up-to-date database changes nothing.
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('0008 adds the search index (empty: it is filled on first start) and forgets an article deleted for good', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 7);
    const id = insertArticle(db);
    const articlesBefore = db.prepare('SELECT * FROM articles').all();
    expect(migrate(db, MIGRATIONS, 8)).toBe(8);
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(articlesBefore);
    expect(db.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: 0 });
    // Merging tuned for many small transactions.
    expect(db.prepare(`SELECT k, v FROM search_chars_config WHERE k LIKE '%merge' ORDER BY k`).all()).toEqual([
      { k: 'automerge', v: 8 },
      { k: 'crisismerge', v: 64 },
    ]);
    // 标题 / 正文的文字, one hex code point per token.
    db.prepare(`INSERT INTO search_chars (rowid, title, text) VALUES (?, '6807 9898', '6b63 6587 7684 6587 5b57')`).run(
      id,
    );
    db.prepare(`INSERT INTO search_docs VALUES (?, 'v', 7, 5, 0)`).run(id);
    db.prepare(`INSERT INTO search_texts VALUES (?, 0, '正文的文字')`).run(id);
    db.prepare(`INSERT INTO search_alignments VALUES (?, '{}')`).run(id);
    // A text is flagged as having characters outside the BMP or not.
    expect(() => db.prepare(`UPDATE search_docs SET astral = 2`).run()).toThrow(/CHECK/);
    expect(db.prepare(`SELECT rowid FROM search_chars WHERE search_chars MATCH '"7684 6587 5b57"'`).all()).toEqual([
      { rowid: id },
    ]);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    for (const table of ['search_docs', 'search_texts', 'search_alignments']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    expect(db.prepare(`SELECT count(*) AS n FROM search_chars WHERE search_chars MATCH '6807'`).get()).toEqual({
      n: 0,
    });
  });

  it('refuses a database newer than the code, with a clear message, and leaves it untouched', () => {
    const file = join(tempDir(), 'library.db');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x); INSERT INTO from_the_future VALUES (42)');
    future.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    future.close();
    const before = readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/newer version of Duizhao/);
    expect((error as Error).message).toMatch(/has not been changed/);
    expect(readFileSync(file).equals(before)).toBe(true);

    const check = new Database(file, { readonly: true });
    expect(schemaVersion(check)).toBe(MIGRATIONS.length + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});
