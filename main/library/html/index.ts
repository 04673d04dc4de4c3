import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ImportedDocument, RichBlock } from '../../../preload/contract/article-model';
import type { TextEncodingName } from '../../../preload/contract/types';
import { decodeBytes } from '../decoding';
import { pageCharset, type PageCharset } from './charset';
import { ImageCollector, type ResourceResolver } from './images';
import { type MetaDocument, readMetadata } from './metadata';
import { sanitizeToDom } from './sanitize';
import { walkBlocks } from './walk';

export type { ResourceResolver };

export interface HtmlImportOptions {
  /** The page's own address (for relative URLs and the source). */
  url?: string | null;
  resources?: ResourceResolver;
  /** Run article extraction (Readability). EPUB chapters and rendered Markdown pass false. */
  extract?: boolean;
  /**
   * Put the title first as a level-1 heading (the default). EPUB chapters pass false: their
   * headings come from the book's table of contents, and a chapter's <title> is often the book's.
   */
  titleHeading?: boolean;
}

/**
 * Fewer characters than this in what Readability calls the article means it found none (a list
 * page, a page of links): then the whole page's visible text is imported instead, and the user told.
 */
const MIN_ARTICLE_CHARS = 80;

/**
 * A whole HTML document (already decoded) reduced to the article model. The page is parsed with
 * linkedom, which is about five times faster than jsdom on saved pages (bench: import) and is what
 * Readability reads; the article Readability extracts is then sanitized with DOMPurify (on jsdom)
 * and reduced by the allowlist walk. Nothing of the markup survives as HTML.
 */
export function importHtml(html: string, options: HtmlImportOptions = {}): ImportedDocument {
  const { document } = parseHTML(html);
  const doc = document as unknown as MetaDocument;
  const extract = options.extract ?? true;
  const baseUrl = options.url ?? null;
  // Readability changes the document it reads; the metadata is read first, the whole page's text
  // (the fallback) from the markup again.
  let article: ReturnType<Readability['parse']> = null;
  if (extract) {
    const before = readMetadata(doc, html);
    article = new Readability(document, {
      charThreshold: 200,
      keepClasses: false,
    }).parse();
    const metadata = readMetadata(doc, html, article);
    return build(html, article, { ...metadata, title: before.title ?? metadata.title }, baseUrl, options);
  }
  return build(html, null, readMetadata(doc, html), baseUrl, options, false);
}

function build(
  html: string,
  article: ReturnType<Readability['parse']>,
  metadata: ReturnType<typeof readMetadata>,
  baseUrl: string | null,
  { resources, titleHeading = true }: HtmlImportOptions,
  extracted = true,
): ImportedDocument {
  const images = new ImageCollector(resources, baseUrl ?? metadata.sourceUrl);
  const found = (article?.textContent ?? '').replace(/\s+/g, '').length >= MIN_ARTICLE_CHARS;
  const wholePage = extracted && !found;
  const source = found && article?.content ? article.content : bodyOf(html);
  let blocks = walkBlocks(sanitizeToDom(source), {
    baseUrl: baseUrl ?? metadata.sourceUrl,
    resolveImage: images.resolve,
    wholePage,
  });
  const title = metadata.title ?? firstHeading(blocks);
  if (title && titleHeading) blocks = withTitle(blocks, title);
  const notices = [...images.notices];
  if (wholePage) notices.unshift('whole_page');
  return {
    title,
    author: metadata.author,
    siteName: metadata.siteName,
    sourceUrl: metadata.sourceUrl ?? (baseUrl && /^https?:/i.test(baseUrl) ? baseUrl : null),
    publishedAt: metadata.publishedAt,
    language: metadata.language,
    tags: metadata.keywords,
    blocks,
    images: images.images,
    notices,
  };
}

/** The body of a document (what DOMPurify is given when the whole page is kept). */
function bodyOf(html: string): string {
  const m = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return m ? (m[1] ?? '') : html.replace(/<head\b[\s\S]*?<\/head>/i, '');
}

const firstHeading = (blocks: readonly RichBlock[]): string | null =>
  blocks.find((b) => b.kind === 'heading')?.text ?? null;

/**
 * The article starts with its title as a level-1 heading, as plain-text imports do, so that the
 * title is read, converted and highlighted like the rest. A heading that already is the title stays.
 */
function withTitle(blocks: RichBlock[], title: string): RichBlock[] {
  const normalized = title.replace(/\s+/g, '');
  const index = blocks.findIndex((b, i) => i < 3 && b.kind === 'heading' && b.text.replace(/\s+/g, '') === normalized);
  if (index >= 0) {
    const [heading] = blocks.splice(index, 1);
    return [{ ...heading!, level: 1 }, ...blocks];
  }
  return [{ kind: 'heading', level: 1, text: title.replace(/\s+/g, ' ').trim() }, ...blocks];
}

/** An HTML file's bytes: the page, or the encodings to ask about when its charset cannot be told. */
export type HtmlBytesOutcome =
  | { status: 'ok'; document: ImportedDocument; charset: PageCharset }
  | { status: 'needsEncoding'; charset: PageCharset };

/** Decodes a saved page's bytes (BOM, meta charset, detection) and imports it. */
export function importHtmlBytes(
  bytes: Uint8Array,
  options: HtmlImportOptions & { encoding?: TextEncodingName } = {},
): HtmlBytesOutcome {
  const sniffed = pageCharset(bytes);
  const charset: PageCharset = options.encoding
    ? { encoding: options.encoding, source: 'declared', confident: true, candidates: [options.encoding] }
    : sniffed;
  if (!charset.confident) return { status: 'needsEncoding', charset };
  const { encoding: _encoding, ...rest } = options;
  return { status: 'ok', document: importHtml(decodeBytes(bytes, charset.encoding), rest), charset };
}
