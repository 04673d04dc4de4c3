import type { ArticleSummary } from '../../preload/contract/types';
import type { UiLocale } from '../i18n';

export type SortKey = 'imported' | 'published' | 'title' | 'progress';
export const SORT_KEYS: readonly SortKey[] = ['imported', 'published', 'title', 'progress'];

/** How the library is ordered: by what, and whether that order is turned round. */
export interface SortOrder {
  key: SortKey;
  reversed: boolean;
}

export const DEFAULT_ORDER: SortOrder = { key: 'imported', reversed: false };

/** Titles in the UI language's usual order: pinyin for Simplified, strokes for Traditional. */
const COLLATION: Record<UiLocale, string> = {
  'zh-Hans': 'zh-Hans-u-co-pinyin',
  'zh-Hant': 'zh-Hant-u-co-stroke',
  en: 'zh-Hans-u-co-pinyin',
};

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** 十二 → 12, 一百零五 → 105, 二〇二四 → 2024 (digit by digit when there is no unit). */
export function chineseNumber(numeral: string): number {
  const chars = [...numeral];
  if (!chars.some((c) => c in UNITS || c === '万' || c === '萬')) {
    return Number(chars.map((c) => DIGITS[c] ?? 0).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of chars) {
    if (c in DIGITS) digit = DIGITS[c] ?? 0;
    else if (c === '万' || c === '萬') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else {
      section += (digit || 1) * (UNITS[c] ?? 1);
      digit = 0;
    }
  }
  return total + section + digit;
}

// Only after 第: 一 and 十 are ordinary characters elsewhere (一路, 十分).
const ORDINAL = /第([零〇一二两兩三四五六七八九十拾百佰千仟万萬]+)/g;

/** What titles are compared by: chapter numbers in Chinese numerals (第十篇) read as numbers. */
export const titleKey = (title: string): string => title.replace(ORDINAL, (_, n: string) => `第${chineseNumber(n)}`);

/**
 * The library's order. Dates and progress come highest first (newest, most read) and titles in
 * the collation of the UI language with numbers as numbers (第2篇 before 第10篇); `reversed`
 * turns that round. Articles with no published date stay last either way.
 */
export function sortArticles(
  articles: readonly ArticleSummary[],
  order: SortOrder,
  locale: UiLocale,
): ArticleSummary[] {
  const collator = new Intl.Collator(COLLATION[locale], { numeric: true });
  const keys = new Map(articles.map((a) => [a.id, titleKey(a.title)]));
  const byTitle = (a: ArticleSummary, b: ArticleSummary) =>
    collator.compare(keys.get(a.id) ?? a.title, keys.get(b.id) ?? b.title);
  const byAdded = (a: ArticleSummary, b: ArticleSummary) => b.importedAt.localeCompare(a.importedAt) || b.id - a.id;
  const sign = order.reversed ? -1 : 1;
  const list = [...articles];
  switch (order.key) {
    case 'imported':
      return list.sort((a, b) => sign * byAdded(a, b));
    case 'title':
      return list.sort((a, b) => sign * (byTitle(a, b) || a.id - b.id));
    case 'progress':
      return list.sort((a, b) => sign * (b.readingProgress - a.readingProgress || byAdded(a, b)));
    case 'published':
      return list.sort((a, b) => {
        if (a.publishedAt === null || b.publishedAt === null) {
          return (a.publishedAt === null ? 1 : 0) - (b.publishedAt === null ? 1 : 0) || byAdded(a, b);
        }
        return sign * (b.publishedAt.localeCompare(a.publishedAt) || byTitle(a, b) || a.id - b.id);
      });
  }
}

const STORAGE_KEY = 'duizhao.library.order';

/** The order chosen last on this machine (kept in localStorage: a view preference, not library data). */
export function loadOrder(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SortOrder {
  try {
    const stored = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<SortOrder> | null;
    if (stored && SORT_KEYS.includes(stored.key as SortKey) && typeof stored.reversed === 'boolean') {
      return { key: stored.key as SortKey, reversed: stored.reversed };
    }
  } catch {
    // Unreadable or malformed: the default order.
  }
  return DEFAULT_ORDER;
}

export function saveOrder(order: SortOrder, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(order));
  } catch {
    // Storage full or disabled: the order holds for this session only.
  }
}
