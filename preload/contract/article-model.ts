/**
 * The rich article model that every importer reduces outside content to (HTML, SingleFile, MHTML,
 * Markdown, EPUB, plain text). Nothing from outside is ever rendered as HTML: the reader draws
 * these blocks through its ProseMirror schema only.
 *
 * The source text stays what highlights, search, conversion and export address: one plain string
 * per block (blocks are joined by one line break, so a block's text never holds a line break),
 * with marks as ranges over it. Readings of ruby, link targets and images live beside the text,
 * never in it.
 */

/** What a block is. Headings carry a level; list items a nesting level and whether ordered. */
export type RichBlockKind =
  | 'heading'
  | 'paragraph'
  /** A paragraph inside a block quote (`level` is the quote's nesting, from 1). */
  | 'quote'
  | 'listItem'
  /** One line of preformatted text (a `<pre>` becomes one block per line). */
  | 'preformatted'
  /** An image with its caption as the block's text (the caption may be empty). */
  | 'figure'
  /** A horizontal rule: no text. */
  | 'rule'
  /** One row of a table: its cells' texts joined by a tab, `cells` says where each starts. */
  | 'tableRow';

export const RICH_BLOCK_KINDS: readonly RichBlockKind[] = [
  'heading',
  'paragraph',
  'quote',
  'listItem',
  'preformatted',
  'figure',
  'rule',
  'tableRow',
];

/** Inline formatting kept from the source. */
export type MarkType = 'em' | 'strong' | 'code' | 'link' | 'sup' | 'sub' | 'ruby';

export const MARK_TYPES: readonly MarkType[] = ['em', 'strong', 'code', 'link', 'sup', 'sub', 'ruby'];

/** A mark over `[start, end)` of its block's text (UTF-16 offsets within the block). */
export interface InlineMark {
  type: MarkType;
  start: number;
  end: number;
  /** link: an http(s) or mailto target, opened outside the app. */
  href?: string;
  /** ruby: the reading (rt) over the base text, which is what the block's text holds. */
  annotation?: string;
}

/** An image of a figure: stored in the library (by content hash), or only known by its alt text. */
export interface ImageRef {
  /** The stored image's id (its SHA-256, hex); absent when the image was not in the file. */
  id?: string;
  alt: string;
  width?: number;
  height?: number;
}

/** The parts of a block beyond its kind and text; absent fields take their defaults. */
export interface BlockAttrs {
  /** heading: 1–6; listItem: nesting from 1; quote: nesting from 1. */
  level?: number;
  /** listItem: numbered (ol) rather than bulleted (ul). */
  ordered?: boolean;
  /** tableRow: where each cell starts in the text (the first is 0); header rows are marked. */
  cells?: number[];
  header?: boolean;
  /** figure */
  image?: ImageRef;
  marks?: InlineMark[];
}

/** A block as an importer produces it (its offset in the article is given when stored). */
export interface RichBlock extends BlockAttrs {
  kind: RichBlockKind;
  text: string;
}

/** An image found in the imported file, to be stored in the library. */
export interface ImportedImage {
  /** SHA-256 of the bytes, hex: the id figures refer to. */
  id: string;
  mime: string;
  bytes: Uint8Array;
}

/** What an importer hands the library: the article's text and structure, and what it knows of it. */
export interface ImportedDocument {
  title: string | null;
  author: string | null;
  /** The site or publication (腾讯网, a book's publisher). */
  siteName: string | null;
  /** Where it came from: the canonical URL, SingleFile's or MHTML's recorded address. */
  sourceUrl: string | null;
  /** YYYY-MM-DD, when known. */
  publishedAt: string | null;
  /** BCP 47 tag from the document (zh-CN, zh-TW), when it says. */
  language: string | null;
  tags: string[];
  blocks: RichBlock[];
  images: ImportedImage[];
  /** Things the user should be told (no article was found, so the page's whole text was kept…). */
  notices: ImportNotice[];
}

export type ImportNotice =
  /** Readability found no article: the page's whole visible text was imported instead. */
  | 'whole_page'
  /** Some images were only on the web: they show as placeholders with their alt text. */
  | 'remote_images'
  /** Some images were over the size cap and were left out. */
  | 'images_too_large';

/** The largest image stored, and the most image bytes one article may bring. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_ARTICLE_IMAGE_BYTES = 100 * 1024 * 1024;

/** Link targets the reader may open (outside the app): web and mail only. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}
