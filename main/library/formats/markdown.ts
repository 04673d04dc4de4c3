import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { safeHref, type ImportedDocument } from '../../../preload/contract/article-model';
import { importHtml } from '../html/index';
import { isoDate } from './iso-date';
import { splitFrontMatter, type FrontMatterValue } from './front-matter';

// Raw HTML in Markdown stays text (html: false): a Markdown file is never a way to bring markup in.
// The CJK-friendly plugin lets emphasis close next to full-width punctuation (`**真，**她`), which
// CommonMark's flanking rules otherwise refuse.
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).use(cjkFriendly);

/** Characters written without spaces between them: a line break between two of them is no space. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

// A soft line break renders as a space in HTML; between two hanzi that space is an error, as in
// Chinese text wrapped at 80 columns.
markdown.renderer.rules.softbreak = (tokens, idx) => {
  const before = neighbourText(tokens, idx, -1);
  const after = neighbourText(tokens, idx, 1);
  return UNSPACED.test(before.slice(-1)) && UNSPACED.test(after.slice(0, 1)) ? '' : '\n';
};

function neighbourText(tokens: { type: string; content: string }[], idx: number, step: 1 | -1): string {
  for (let i = idx + step; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === 'text' || token.type === 'code_inline') return token.content;
    if (!token.type.endsWith('_open') && !token.type.endsWith('_close')) break;
  }
  return '';
}

/** Front matter keys, as the tools that write them spell them, by the field they fill. */
const KEYS = {
  title: ['title'],
  author: ['author', 'authors', 'creator', 'by'],
  source: ['source', 'url', 'link', 'source_url', 'sourceurl', 'original', 'canonical', 'canonical_url'],
  date: ['date', 'published', 'published_at', 'publishedat', 'publish_date', 'publishdate', 'pubdate', 'created'],
  tags: ['tags', 'tag', 'keywords', 'categories'],
  language: ['lang', 'language'],
  site: ['site', 'site_name', 'sitename', 'publisher', 'publication'],
} as const;

/**
 * Imports a Markdown article: YAML front matter gives title, author, source, date, tags (and
 * language, site); the body is rendered by markdown-it and reduced by the same HTML walker as web
 * pages. The title is the front matter's, else the first level-1 heading.
 */
export function importMarkdown(text: string): ImportedDocument {
  const { data, body } = splitFrontMatter(text);
  const field = (keys: readonly string[]): FrontMatterValue | undefined =>
    keys.map((k) => data.get(k)).find((v) => v !== undefined && v.length > 0);
  const one = (keys: readonly string[]): string | null => {
    const value = field(keys);
    const first = Array.isArray(value) ? value.join(', ') : value;
    return first?.trim() || null;
  };

  const title = one(KEYS.title);
  const language = one(KEYS.language);
  const html = [
    `<!doctype html><html${language ? ` lang="${escapeHtml(language)}"` : ''}><head><meta charset="utf-8">`,
    title ? `<title>${escapeHtml(title)}</title>` : '',
    `</head><body>${markdown.render(body)}</body></html>`,
  ].join('');
  const doc = importHtml(html, { extract: false });

  const tagsValue = field(KEYS.tags);
  const tags = (Array.isArray(tagsValue) ? tagsValue : (tagsValue ?? '').split(/[,，、]/))
    .map((t) => t.trim().replace(/^#/, ''))
    .filter((t, i, all) => t.length > 0 && all.indexOf(t) === i);
  const firstH1 = doc.blocks.find((b) => b.kind === 'heading' && (b.level ?? 1) === 1)?.text ?? null;
  return {
    ...doc,
    title: title ?? firstH1 ?? doc.title,
    author: one(KEYS.author) ?? doc.author,
    siteName: one(KEYS.site) ?? doc.siteName,
    sourceUrl: safeHref(one(KEYS.source)) ?? doc.sourceUrl,
    publishedAt: isoDate(one(KEYS.date)) ?? doc.publishedAt,
    language: language ?? doc.language,
    tags,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
