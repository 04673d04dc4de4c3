import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CorrectionStore } from '../../main/db/corrections';
import { MIGRATIONS } from '../../main/db/migrations';
import { migrate } from '../../main/db/migrate';

const insertArticle = (db: Database.Database, hash: string) =>
  Number(
    db
      .prepare(
        `INSERT INTO articles (title, script, content_hash, char_count, imported_at, updated_at)
         VALUES ('历史', 'simplified', ?, 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(hash).lastInsertRowid,
  );

function at8() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 8);
  return db;
}

describe('0009 corrections', () => {
  it('adds the table to a library with articles, keeping them, with its checks and cascade', () => {
    const db = at8();
    const id = insertArticle(db, 'h1');
    db.prepare(
      `INSERT INTO article_blocks (article_id, position, kind, text, start) VALUES (?, 0, 'paragraph', '历史进程', 0)`,
    ).run(id);
    expect(migrate(db, MIGRATIONS, 9)).toBe(9);
    expect(db.prepare('SELECT title FROM articles WHERE id = ?').get(id)).toEqual({ title: '历史' });
    const add = db.prepare(
      `INSERT INTO corrections (source, target, chains, article_id, preset, created_at) VALUES (?, ?, ?, ?, ?, 't')`,
    );
    add.run('进程', '進程', '["s2twp"]', id, null);
    add.run('云云', '雲雲', '["s2t","s2tw"]', null, 'p1');
    expect(() => add.run('', '進程', '["s2twp"]', null, null)).toThrow(/CHECK/);
    expect(() => add.run('进\n程', '進程', '["s2twp"]', null, null)).toThrow(/CHECK/);
    expect(() => add.run('进程', '進程', 'not json', null, null)).toThrow(/CHECK|JSON/);
    expect(() => add.run('进程', '進程', '[]', null, null)).toThrow(/CHECK/);
    expect(() => add.run('另', '另', '["s2t"]', null, 'p1')).toThrow(/UNIQUE/);
    expect(() => add.run('进程', '進程', '["s2t"]', 999, null)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(db.prepare('SELECT source FROM corrections').all()).toEqual([{ source: '云云' }]);
  });

  it('the store replaces a correction of the same phrase, scope and chains, and lists the article’s first', () => {
    const db = at8();
    migrate(db, MIGRATIONS, 9);
    const id = insertArticle(db, 'h1');
    const store = new CorrectionStore(db);
    const everywhere = store.add({ source: '进程', target: '進程', chains: ['s2twp'], articleId: null, preset: null });
    const local = store.add({
      source: '进程',
      target: '进程?',
      chains: ['s2twp', 's2tw'],
      articleId: id,
      preset: null,
    });
    const again = store.add({ source: '进程', target: '歷程', chains: ['s2tw', 's2twp'], articleId: id, preset: null });
    expect(again.id).toBe(local.id);
    expect(store.list().map((c) => [c.id, c.target, c.articleTitle])).toEqual([
      [local.id, '歷程', '历史'],
      [everywhere.id, '進程', null],
    ]);
    expect(store.get(local.id)!.chains).toEqual(['s2tw', 's2twp']);
    expect(store.delete(local.id)).toBe(true);
    expect(store.delete(local.id)).toBe(false);
  });

  it('finds the blocks holding a phrase, in articles not deleted', () => {
    const db = at8();
    migrate(db, MIGRATIONS, 9);
    const a = insertArticle(db, 'a');
    const b = insertArticle(db, 'b');
    const block = db.prepare(
      `INSERT INTO article_blocks (article_id, position, kind, text, start) VALUES (?, ?, 'paragraph', ?, 0)`,
    );
    block.run(a, 0, '历史进程');
    block.run(a, 1, '别的');
    block.run(b, 0, '进程管理');
    db.prepare(`UPDATE articles SET deleted_at = 't' WHERE id = ?`).run(b);
    expect(new CorrectionStore(db).blocksContaining('进程')).toEqual([
      { articleId: a, scriptForm: null, text: '历史进程' },
    ]);
  });
});
