import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { safeHref, type ImportedDocument } from '../../../preload/contract/article-model';
import { importHtml, type ResourceResolver } from '../html/index';
import { isoDate } from '../html/metadata';
import { splitFrontMatter, type FrontMatterValue } from './front-matter';

// Raw HTML in Markdown stays text (html: false): a Markdown file is never a way to bring markup in.
// The CJK-friendly plugin lets emphasis close next to full-width punctuation (`**真，**她`), which
// CommonMark's flanking rules otherwise refuse. A soft line break between two hanzi is left to the
// walker, which joins such lines without a space as it does for HTML.
// The plugin is an ES module only: the built main (CommonJS, dependencies left in node_modules)
// gets it through require(), which hands back the module namespace, not its default export.
const cjkPlugin = (cjkFriendly as unknown as { default?: typeof cjkFriendly }).default ?? cjkFriendly;
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).use(cjkPlugin);

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

export interface MarkdownImportOptions {
  /** Images the Markdown refers to (files beside it), by the path or URL it writes. */
  resources?: ResourceResolver;
}

/**
 * Imports a Markdown article: YAML front matter gives title, author, source, date, tags (and
 * language, site); the body is rendered by markdown-it and reduced by the same HTML walker as web
 * pages. The title is the front matter's, else the first level-1 heading.
 */
export function importMarkdown(text: string, options: MarkdownImportOptions = {}): ImportedDocument {
  const { data, body } = splitFrontMatter(text);
  const field = (keys: readonly string[]): FrontMatterValue | undefined =>
    keys.map((k) => data.get(k)).find((v) => v !== undefined && v.length > 0);
  const one = (keys: readonly string[]): string | null => {
    const value = field(keys);
    const first = Array.isArray(value) ? value.join(', ') : value;
    return first?.trim() || null;
  };

  const tokens = markdown.parse(body, {});
  // The walker puts the title first as a level-1 heading (moving the heading that is the title).
  const title = one(KEYS.title) ?? firstH1(tokens);
  const language = one(KEYS.language);
  const html = [
    `<!doctype html><html${language ? ` lang="${escapeHtml(language)}"` : ''}><head><meta charset="utf-8">`,
    title ? `<title>${escapeHtml(title)}</title>` : '',
    `</head><body>${markdown.renderer.render(tokens, markdown.options, {})}</body></html>`,
  ].join('');
  const doc = importHtml(html, { extract: false, ...(options.resources ? { resources: options.resources } : {}) });

  const tagsValue = field(KEYS.tags);
  const tags = (Array.isArray(tagsValue) ? tagsValue : (tagsValue ?? '').split(/[,，、]/))
    .map((t) => t.trim().replace(/^#/, ''))
    .filter((t, i, all) => t.length > 0 && all.indexOf(t) === i);
  return {
    ...doc,
    title: title ?? doc.title,
    author: one(KEYS.author) ?? doc.author,
    siteName: one(KEYS.site) ?? doc.siteName,
    sourceUrl: webAddress(one(KEYS.source)) ?? doc.sourceUrl,
    publishedAt: isoDate(one(KEYS.date)) ?? doc.publishedAt,
    language: language ?? doc.language,
    tags,
  };
}

/** The text of the first `# heading`, as the walker will read it (marks dropped). */
function firstH1(tokens: ReturnType<typeof markdown.parse>): string | null {
  const open = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  const inline = open >= 0 ? tokens[open + 1] : undefined;
  const text = (inline?.children ?? [])
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

/** A source is a web page: of the link targets safeHref allows, mailto: is none. */
function webAddress(value: string | null): string | null {
  const href = safeHref(value);
  return href && /^https?:/.test(href) ? href : null;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
