import type { ImportedDocument, ImportNotice, RichBlock } from '../../preload/contract/article-model';
import { AppFailure } from '../../preload/contract/errors';
import type { ArticleFormat, TextEncodingName } from '../../preload/contract/types';
import type { NewArticle } from '../db/articles';
import { importEpub } from './formats/epub';
import { detectFormat } from './formats/detect';
import { FormatError } from './formats/format-error';
import { importMarkdown } from './formats/markdown';
import { importMhtml } from './formats/mhtml';
import { importHtmlBytes, type ResourceResolver } from './html/index';
import { checkBytes, contentHash, decode, readText, titleFromName } from './reading';
import { MAX_IMPORT_BYTES } from '../../preload/contract/types';

/**
 * An article read from a file of any format: what the store takes, less what is decided after
 * reading (its detected script, the encoding, whether it is a sample), and what the user is told.
 */
export interface ReadArticle extends Omit<NewArticle, 'script' | 'scriptForm' | 'encoding' | 'isSample'> {
  notices: ImportNotice[];
}

export interface ReadOptions {
  /** The encoding the user chose; skips detection. */
  encoding?: TextEncodingName;
  /** Files that came with it (a saved page's `_files` folder), by the path the page writes. */
  resources?: ResourceResolver;
  /** An EPUB as one article, or one per chapter. */
  epubSplit?: 'book' | 'chapters';
}

/** What a file reads as: its articles (a book split by chapter gives several), or the encodings to ask about. */
export type FileRead =
  | { status: 'read'; articles: ReadArticle[]; encoding: TextEncodingName | null }
  | { status: 'needsEncoding'; candidates: TextEncodingName[] };

/**
 * The one read pipeline for every format: the kind of file told by its extension or first bytes,
 * then the importer for it (plain text, Markdown, a web page, MHTML, EPUB), and what it gives made
 * into articles. Refusals are AppFailures with codes the renderer translates; a FormatError (a zip
 * bomb, a DRM-protected book…) becomes one here, and nothing is stored.
 */
export async function readFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<FileRead> {
  const format = detectFormat(name, bytes);
  try {
    switch (format) {
      case 'epub': {
        checkSize(bytes);
        const books = await importEpub(bytes, { split: options.epubSplit ?? 'book' });
        return { status: 'read', articles: books.map((doc) => fromDocument(doc, name, 'epub')), encoding: null };
      }
      case 'mhtml':
        checkSize(bytes);
        return { status: 'read', articles: [fromDocument(importMhtml(bytes), name, 'mhtml')], encoding: null };
      case 'html': {
        checkBytes(bytes, options.encoding);
        const page = importHtmlBytes(bytes, {
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.resources ? { resources: options.resources } : {}),
        });
        if (page.status === 'needsEncoding') return { status: 'needsEncoding', candidates: page.charset.candidates };
        return {
          status: 'read',
          articles: [fromDocument(page.document, name, 'html')],
          encoding: page.charset.encoding,
        };
      }
      case 'markdown':
      case 'text': {
        checkBytes(bytes, options.encoding);
        const decoded = decode(bytes, options.encoding);
        if ('uncertain' in decoded) return { status: 'needsEncoding', candidates: decoded.candidates };
        const article =
          format === 'markdown'
            ? fromDocument(
                importMarkdown(decoded.text, options.resources ? { resources: options.resources } : {}),
                name,
                'markdown',
              )
            : fromText(decoded.text, name);
        return { status: 'read', articles: [article], encoding: decoded.encoding };
      }
    }
  } catch (error) {
    if (error instanceof FormatError) throw new AppFailure(error.code, error.message);
    throw error;
  }
}

function checkSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new AppFailure('empty', 'The file is empty.');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppFailure('too_large', 'The file is larger than 50 MB.');
}

/** Plain text (and pasted text): split into paragraphs, the title line found. */
export function fromText(text: string, name: string, title?: string): ReadArticle {
  const read = readText(text, name, title);
  return {
    title: read.title,
    author: read.author,
    source: read.source,
    sourceUrl: null,
    publishedAt: read.publishedAt,
    language: null,
    tags: [],
    format: 'text',
    blocks: read.blocks,
    images: [],
    notices: [],
    contentHash: read.contentHash,
  };
}

/**
 * What an importer gave, made into an article: a block's text never holds a line break (blocks
 * are joined by one; a stray one becomes a space, so marks keep their offsets), blocks with no
 * text are dropped unless they are a rule or a figure, marks are kept only inside their block,
 * and only the images the kept figures use are stored.
 */
export function fromDocument(doc: ImportedDocument, name: string, format: ArticleFormat): ReadArticle {
  const blocks: RichBlock[] = [];
  for (const block of doc.blocks) {
    const text = block.text.replace(/[\n\r\u2028\u2029]/g, ' ');
    if (text.trim() === '' && block.kind !== 'rule' && !(block.kind === 'figure' && block.image)) continue;
    const marks = block.marks?.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start);
    const kept: RichBlock = { ...block, text };
    if (marks && marks.length > 0) kept.marks = marks;
    else delete kept.marks;
    blocks.push(kept);
  }
  if (!blocks.some((b) => b.text.trim() !== '')) throw new AppFailure('empty', 'The file has no text to read.');
  const used = new Set(blocks.flatMap((b) => (b.image?.id ? [b.image.id] : [])));
  const sourceUrl = doc.sourceUrl;
  return {
    title: doc.title?.replace(/\s+/g, ' ').trim() || titleFromName(name),
    author: doc.author,
    source: doc.siteName ?? hostOf(sourceUrl),
    sourceUrl,
    publishedAt: doc.publishedAt,
    language: doc.language,
    tags: doc.tags,
    format,
    blocks,
    images: doc.images.filter((image) => used.has(image.id)),
    notices: doc.notices,
    contentHash: contentHash(blocks),
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
