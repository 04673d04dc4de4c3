import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../preload/contract/types';
import {
  chineseNumber,
  DEFAULT_ORDER,
  loadOrder,
  saveOrder,
  sortArticles,
  titleKey,
  type SortOrder,
} from '../../renderer/library/sort';

let nextId = 1;
const article = (title: string, more: Partial<ArticleSummary> = {}): ArticleSummary => {
  const id = nextId++;
  // Each article added a minute after the one before.
  const added = new Date(Date.UTC(2026, 10, 1, 8) + id * 60_000).toISOString();
  return {
    id,
    title,
    author: null,
    source: null,
    sourceUrl: null,
    publishedAt: null,
    language: null,
    tags: [],
    format: 'text',
    script: 'simplified',
    scriptForm: null,
    displayScript: null,
    charCount: 100,
    importedAt: added,
    updatedAt: added,
    readingProgress: 0,
    isSample: false,
    ...more,
  };
};

const titles = (list: readonly ArticleSummary[], order: SortOrder, locale: 'zh-Hans' | 'zh-Hant' | 'en' = 'zh-Hans') =>
  sortArticles(list, order, locale).map((a) => a.title);

describe('the library order', () => {
  it('sorts titles with numbers as numbers, in every UI language, and reverses', () => {
    const list = [article('第2篇'), article('第10篇'), article('第1篇'), article('第２０篇')];
    for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      expect(titles(list, { key: 'title', reversed: false }, locale)).toEqual(['第1篇', '第2篇', '第10篇', '第２０篇']);
    }
    expect(titles(list, { key: 'title', reversed: true })).toEqual(['第２０篇', '第10篇', '第2篇', '第1篇']);
  });

  it('reads chapter numbers in Chinese numerals as numbers', () => {
    expect(['一', '十', '十二', '二十', '一百零五', '两千', '三万五千', '二〇二四'].map(chineseNumber)).toEqual([
      1, 10, 12, 20, 105, 2000, 35000, 2024,
    ]);
    expect(titleKey('第十二回 一路向西')).toBe('第12回 一路向西');
    const list = [article('第十篇'), article('第二篇'), article('第一篇'), article('第3篇')];
    expect(titles(list, { key: 'title', reversed: false })).toEqual(['第一篇', '第二篇', '第3篇', '第十篇']);
  });

  it('orders Chinese titles by pinyin in Simplified and by strokes in Traditional', () => {
    const list = [article('中'), article('安'), article('人')];
    expect(titles(list, { key: 'title', reversed: false }, 'zh-Hans')).toEqual(['安', '人', '中']);
    expect(titles(list, { key: 'title', reversed: false }, 'zh-Hant')).toEqual(['人', '中', '安']);
  });

  it('puts the newest added first, or the oldest when reversed', () => {
    const list = [article('甲'), article('乙'), article('丙')];
    expect(titles(list, DEFAULT_ORDER)).toEqual(['丙', '乙', '甲']);
    expect(titles(list, { key: 'imported', reversed: true })).toEqual(['甲', '乙', '丙']);
  });

  it('puts the newest published first and undated articles last, either way', () => {
    const list = [
      article('旧', { publishedAt: '2001-05-01' }),
      article('无日期'),
      article('新', { publishedAt: '2025-01-31' }),
      article('中', { publishedAt: '2010-10-10' }),
    ];
    expect(titles(list, { key: 'published', reversed: false })).toEqual(['新', '中', '旧', '无日期']);
    expect(titles(list, { key: 'published', reversed: true })).toEqual(['旧', '中', '新', '无日期']);
  });

  it('puts the most read first by progress', () => {
    const list = [article('半', { readingProgress: 0.5 }), article('完', { readingProgress: 1 }), article('未')];
    expect(titles(list, { key: 'progress', reversed: false })).toEqual(['完', '半', '未']);
    expect(titles(list, { key: 'progress', reversed: true })).toEqual(['未', '半', '完']);
  });

  it('is remembered, and a stored value that makes no sense gives the default', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    expect(loadOrder(storage)).toEqual(DEFAULT_ORDER);
    saveOrder({ key: 'title', reversed: true }, storage);
    expect(loadOrder(storage)).toEqual({ key: 'title', reversed: true });
    for (const junk of ['{', '{"key":"size","reversed":false}', '{"key":"title"}', '"title"']) {
      store.set([...store.keys()][0] ?? '', junk);
      expect(loadOrder(storage), junk).toEqual(DEFAULT_ORDER);
    }
  });
});
