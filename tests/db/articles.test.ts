import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countChars, layoutBlocks } from '../../main/db/article-rows';
import { ArticleStore, type NewArticle } from '../../main/db/articles';
import { openDatabase } from '../../main/db/connection';
import { SettingsStore, DEFAULT_SETTINGS } from '../../main/db/settings';
import { tempDir } from '../helpers/data';

const article = (overrides: Partial<NewArticle> = {}): NewArticle => ({
  title: '產業互聯網六年',
  author: null,
  source: '每日經濟新聞',
  sourceUrl: null,
  publishedAt: '2024-11-20',
  language: null,
  tags: [],
  format: 'text',
  images: [],
  script: 'traditional',
  scriptForm: 'taiwan',
  encoding: 'big5',
  contentHash: 'hash-1',
  isSample: false,
  blocks: [
    { kind: 'heading', text: '產業互聯網六年' },
    { kind: 'paragraph', text: '2024年的廣州迎來了一個最漫長的夏天。' },
    { kind: 'paragraph', text: '𠮷字在基本多文種平面之外。' },
  ],
  ...overrides,
});

function open() {
  let clock = Date.parse('2026-11-01T08:00:00Z');
  const db = openDatabase(join(tempDir(), 'library.db'));
  return { db, store: new ArticleStore(db, () => new Date((clock += 1000))) };
}

describe('ArticleStore', () => {
  it('stores blocks with their source offsets so the joined text is the source text', () => {
    const { store } = open();
    const saved = store.insert(article());
    const got = store.get(saved.id);
    expect(got).toBeDefined();
    const source = got!.blocks.map((b) => b.text).join('\n');
    for (const b of got!.blocks) expect(source.slice(b.start, b.start + b.text.length)).toBe(b.text);
    expect(got!.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    // Code points, not UTF-16 units: 𠮷 is one character.
    expect(got!.charCount).toBe([...source.replace(/\n/g, '')].length);
    expect(got!.charCount).toBe(countChars(article().blocks));
    expect(got!).toMatchObject({
      source: '每日經濟新聞',
      publishedAt: '2024-11-20',
      script: 'traditional',
      encoding: 'big5',
    });
  });

  it('layoutBlocks counts one line break between blocks', () => {
    expect(
      layoutBlocks([
        { kind: 'heading', text: 'ab' },
        { kind: 'paragraph', text: 'cde' },
        { kind: 'paragraph', text: 'f' },
      ]).map((b) => b.start),
    ).toEqual([0, 3, 7]);
  });

  it('finds articles by content hash and refuses a second copy', () => {
    const { store } = open();
    const saved = store.insert(article());
    expect(store.findByHash('hash-1')?.summary.id).toBe(saved.id);
    expect(() => store.insert(article({ title: 'again' }))).toThrow(/UNIQUE/);
    expect(store.count()).toBe(1);
  });

  it('soft-deletes, restores, and purges only what is still deleted', () => {
    const { store } = open();
    const a = store.insert(article());
    const b = store.insert(article({ contentHash: 'hash-2', title: 'B' }));
    expect(store.markDeleted(a.id)).toBe(true);
    expect(store.list().map((x) => x.id)).toEqual([b.id]);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.findByHash('hash-1')?.deleted).toBe(true);
    expect(store.restore(a.id)).toBe(true);
    expect(
      store
        .list()
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    store.markDeleted(b.id);
    expect(store.purgeDeleted()).toBe(1);
    expect(store.findByHash('hash-2')).toBeUndefined();
    expect(store.get(a.id)?.blocks).toHaveLength(3);
  });

  it('lists newest first and keeps the reading position', () => {
    const { store } = open();
    const a = store.insert(article());
    const b = store.insert(article({ contentHash: 'hash-2', title: 'B' }));
    expect(store.list().map((x) => x.id)).toEqual([b.id, a.id]);
    expect(store.saveReadingPosition(a.id, 12, 0.4)).toBe(true);
    expect(store.get(a.id)).toMatchObject({ readingOffset: 12, readingProgress: 0.4 });
    expect(store.saveReadingPosition(9999, 1, 0.1)).toBe(false);
  });
});

describe('SettingsStore', () => {
  it('returns defaults, merges patches and persists them', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'library.db'));
    const settings = new SettingsStore(db);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.update({ theme: 'sepia' });
    settings.update({ fontSize: 22 });
    db.close();
    const again = new SettingsStore(openDatabase(join(dir, 'library.db')));
    expect(again.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 22 });
    expect(again.flag('samplesSeeded')).toBe(false);
  });
});

describe('ArticleStore.list pages', () => {
  it('gives a page of the newest added first, in SQL, and all of them without a page', () => {
    const { store } = open();
    for (let i = 1; i <= 7; i++) store.insert(article({ title: `第${i}篇`, contentHash: `page-${i}` }));
    const titles = (page?: { offset?: number; limit?: number }) => store.list(page).map((a) => a.title);
    expect(titles()).toEqual(['第7篇', '第6篇', '第5篇', '第4篇', '第3篇', '第2篇', '第1篇']);
    expect(titles({ limit: 3 })).toEqual(['第7篇', '第6篇', '第5篇']);
    expect(titles({ offset: 3, limit: 3 })).toEqual(['第4篇', '第3篇', '第2篇']);
    expect(titles({ offset: 6 })).toEqual(['第1篇']);
  });
});
