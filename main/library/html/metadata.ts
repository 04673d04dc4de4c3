/**
 * What a saved page says about itself: its title without the site's suffix, author, site, date,
 * address and language, from the tags publishers and save tools write (Open Graph, article:*,
 * canonical links, SingleFile's header comment).
 */

/** The few members of a parsed document read here (linkedom's, or any DOM's). */
export interface MetaDocument {
  querySelector(selector: string): MetaElement | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  readonly documentElement: MetaElement | null;
  readonly title?: string;
}
export interface MetaElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

export interface PageMetadata {
  title: string | null;
  author: string | null;
  siteName: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  language: string | null;
  keywords: string[];
}

/** Meta tags by name or property, lower-cased; the first of each wins. */
function metaTags(doc: MetaDocument): Map<string, string> {
  const tags = new Map<string, string>();
  const list = doc.querySelectorAll('meta');
  for (let i = 0; i < list.length; i++) {
    const meta = list[i] as MetaElement;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** YYYY-MM-DD from the date forms pages use (ISO, 2019年9月30日, 2019/09/30). */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Separators between a title and its site's name, in Chinese and Western pages. */
const SEPARATOR = /\s*(?:[_|｜·•]|\s[-–—]\s|--|——|-)\s*/;

/**
 * A page title without the site's suffix: "产业互联网_科技_腾讯网" is "产业互联网" when the site is
 * 腾讯网 (the channel name before the site goes too). Only cut when the site name is known and
 * ends the title, so a title that merely holds a dash stays whole.
 */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const site = siteName?.trim();
  if (!site || !title.endsWith(site) || title.length === site.length) return title;
  let rest = title.slice(0, -site.length);
  const sep = new RegExp(`${SEPARATOR.source}$`).exec(rest);
  if (!sep) return title;
  rest = rest.slice(0, sep.index);
  // A short channel segment (科技, 财经, News) between the title and the site goes too.
  const parts = rest.split(SEPARATOR);
  const channel = parts.length > 1 ? parts[parts.length - 1]! : '';
  if (channel && channel.length <= 4 && parts.slice(0, -1).join('').length >= 4) {
    const cut = rest.lastIndexOf(channel);
    const before = new RegExp(`${SEPARATOR.source}$`).exec(rest.slice(0, cut));
    if (before) rest = rest.slice(0, before.index);
  }
  return rest.trim() || title;
}

/** SingleFile writes the page's address and the saved date in a comment before the doctype. */
export function singleFileHeader(html: string): { url: string | null; saved: string | null } | null {
  const m = /^\s*<!--\s*Page saved with SingleFile\s*([\s\S]*?)-->/.exec(html);
  if (!m) return null;
  const body = m[1] ?? '';
  return {
    url: clean(/^\s*url:\s*(\S+)/m.exec(body)?.[1]),
    saved: clean(/^\s*saved date:\s*(.+)$/m.exec(body)?.[1]),
  };
}

/** Strips the "作者：" and "记者" labels bylines carry. */
function cleanAuthor(byline: string | null): string | null {
  const t = clean(byline);
  if (!t) return null;
  return clean(t.replace(/^(?:by|作者|文|撰文|记者|記者|编辑|編輯)\s*[:：|｜/]?\s*/i, '').replace(/\s*[|｜].*$/, ''));
}

/** Reads the page's own description of itself. */
export function readMetadata(doc: MetaDocument, html: string, readability?: ReadabilityMeta | null): PageMetadata {
  const meta = metaTags(doc);
  const siteName =
    clean(readability?.siteName) ?? clean(meta.get('og:site_name')) ?? clean(meta.get('application-name'));
  const docTitle = clean(doc.querySelector('title')?.textContent);
  const title =
    clean(meta.get('og:title')) ?? clean(meta.get('twitter:title')) ?? clean(readability?.title) ?? docTitle;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const singleFile = singleFileHeader(html);
  const sourceUrl = [canonical, meta.get('og:url'), singleFile?.url].map(httpUrl).find((u) => u !== null) ?? null;
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const publishedAt =
    [
      readability?.publishedTime,
      meta.get('article:published_time'),
      meta.get('pubdate'),
      meta.get('publishdate'),
      meta.get('publish_date'),
      meta.get('og:release_date'),
      meta.get('datepublished'),
      meta.get('dc.date'),
      meta.get('date'),
      time,
    ]
      .map(isoDate)
      .find((d) => d !== null) ?? null;
  const author = cleanAuthor(meta.get('author') ?? meta.get('article:author') ?? readability?.byline ?? null);
  const language = clean(doc.documentElement?.getAttribute('lang')) ?? clean(readability?.lang) ?? null;
  const keywords = (meta.get('keywords') ?? '')
    .split(/[,，、;；]/)
    .map((k) => k.trim())
    .filter(Boolean);
  return {
    title: title ? stripSiteSuffix(title, siteName) : null,
    author: author && !/^https?:/i.test(author) ? author : null,
    siteName,
    sourceUrl,
    publishedAt,
    language,
    keywords,
  };
}

/** What Readability found that bears on the metadata. */
export interface ReadabilityMeta {
  title?: string | null | undefined;
  byline?: string | null | undefined;
  siteName?: string | null | undefined;
  publishedTime?: string | null | undefined;
  lang?: string | null | undefined;
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
