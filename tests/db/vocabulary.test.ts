import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/db/migrations';
import { migrate } from '../../main/db/migrate';
import { VocabularyStore } from '../../main/db/vocabulary';
import { toAnkiVocabularyTsv } from '../../main/reading/vocabulary';

const insertArticle = (db: Database.Database, title: string, hash: string) =>
  Number(
    db
      .prepare(
        `INSERT INTO articles (title, script, content_hash, char_count, imported_at, updated_at)
         VALUES (?, 'simplified', ?, 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run(title, hash).lastInsertRowid,
  );

/** A library at the schema before 0010, with an article, then migrated. */
function migrated() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 9);
  const id = insertArticle(db, '腾讯迎来第三次“开放”', 'h1');
  expect(migrate(db, MIGRATIONS, 10)).toBe(10);
  return { db, id };
}

describe('migration 0010 and the vocabulary store', () => {
  it('adds the vocabulary table, keeping the articles', () => {
    const { db, id } = migrated();
    expect(db.prepare('SELECT title FROM articles WHERE id = ?').get(id)).toEqual({ title: '腾讯迎来第三次“开放”' });
    const columns = (db.prepare('PRAGMA table_info(vocabulary)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual([
      'id',
      'article_id',
      'word',
      'reading',
      'meaning',
      'sentence',
      'article_title',
      'created_at',
    ]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO vocabulary (article_id, word, reading, meaning, sentence, article_title, created_at)
           VALUES (NULL, '', '', '', '', '', '')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('saves words with their article title, newest first; the same word from the same sentence once', () => {
    const { db, id } = migrated();
    let tick = 0;
    const store = new VocabularyStore(db, () => `2026-12-07T00:00:0${tick++}Z`);
    const first = store.add({
      articleId: id,
      word: '云计算',
      reading: 'yún jì suàn',
      meaning: 'cloud computing',
      sentence: '对云计算和产业互联网承载的新模式',
    });
    expect(first).toMatchObject({ articleId: id, articleTitle: '腾讯迎来第三次“开放”', word: '云计算' });
    store.add({ articleId: null, word: '軟體', reading: 'ruǎn tǐ', meaning: '(Tw) software', sentence: '這套軟體' });
    const again = store.add({ ...first, articleId: id, reading: 'ㄩㄣˊ ㄐㄧˋ ㄙㄨㄢˋ' });
    expect(again.id).toBe(first.id);
    expect(store.list().map((v) => [v.word, v.reading])).toEqual([
      ['軟體', 'ruǎn tǐ'],
      ['云计算', 'ㄩㄣˊ ㄐㄧˋ ㄙㄨㄢˋ'],
    ]);
    // An unknown article is not an error: the word is kept without one.
    expect(
      store.add({ articleId: 999, word: '词', reading: 'cí', meaning: 'word', sentence: '' }).articleId,
    ).toBeNull();
  });

  it('keeps a word and its article title when the article is deleted, and deletes a word', () => {
    const { db, id } = migrated();
    const store = new VocabularyStore(db);
    const saved = store.add({ articleId: id, word: '腾讯', reading: 'Téng xùn', meaning: 'Tencent', sentence: '腾讯' });
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    const [kept] = store.list();
    expect(kept).toMatchObject({ id: saved.id, articleId: null, articleTitle: '腾讯迎来第三次“开放”' });
    const tsv = toAnkiVocabularyTsv(store.list());
    expect(tsv.split('\n')[4]).toBe(
      '腾讯\tTéng xùn<br>Tencent<br>腾讯<br><small>腾讯迎来第三次“开放”</small>\tduizhao vocabulary',
    );
    expect(store.delete(saved.id)).toBe(true);
    expect(store.delete(saved.id)).toBe(false);
    expect(store.list()).toEqual([]);
  });
});
