import { createHash } from 'node:crypto';
import {
  MAX_ARTICLE_IMAGE_BYTES,
  MAX_IMAGE_BYTES,
  type ImportNotice,
  type ImportedDocument,
  type ImportedImage,
  type RichBlock,
} from '../../../preload/contract/article-model';
import { sniffImage } from '../html/images';
import { importHtml, type ResourceResolver } from '../html/index';
import { decodeMarkup } from './charset';
import {
  drmReason,
  packagePath,
  parseNav,
  parseNcx,
  parsePackage,
  resolvePath,
  type EpubPackage,
  type ManifestItem,
  type TocEntry,
} from './epub-package';
import { FormatError } from './format-error';
import { readZip, type ZipFiles } from './zip';

export interface EpubImportOptions {
  /** One article for the whole book (chapters as sections, the default) or one per chapter. */
  split?: 'book' | 'chapters';
}

/**
 * Imports an EPUB 2 or 3 book: metadata and cover from the package document, chapters in spine
 * order through the HTML walker, chapter titles from the navigation document or the NCX, images
 * from inside the book. Throws `FormatError` (zip_* , nested_archive, drm, epub_invalid) before
 * anything is produced when the archive is unsafe, protected or not a book.
 */
export async function importEpub(bytes: Uint8Array, options: EpubImportOptions = {}): Promise<ImportedDocument[]> {
  const files = await readZip(bytes);
  const text = (path: string | null): string | null => {
    const data = path === null ? undefined : files.get(path);
    return data === undefined ? null : decodeMarkup(data);
  };
  const drm = drmReason((path) => files.has(path), text('META-INF/encryption.xml'));
  if (drm) throw new FormatError('drm', drm);

  const container = text('META-INF/container.xml');
  const opfPath = container === null ? null : packagePath(container);
  const opf = text(opfPath);
  const book = opf === null || opfPath === null ? null : parsePackage(opf, opfPath);
  if (!book) throw new FormatError('epub_invalid', 'no package document (META-INF/container.xml → OPF)');

  const navText = book.navPath === null ? null : text(book.navPath);
  const ncxText = book.ncxPath === null ? null : text(book.ncxPath);
  const toc = navText !== null ? parseNav(navText, book.navPath ?? '') : [];
  const entries = toc.length > 0 || ncxText === null ? toc : parseNcx(ncxText, book.ncxPath ?? '');

  const cover = coverImage(book, files);
  const types = new Map([...book.manifest.values()].map((item) => [item.path, item.mediaType]));
  const chapters = book.spine
    .filter((item) => item.path !== book.navPath && isContentDocument(item) && files.has(item.path))
    .map((item) => readChapter(item, files, types, book.title, tocEntryFor(item.path, entries)))
    // Blank pages and SVG-only cover pages bring nothing to read.
    .filter((chapter) => chapter.doc.blocks.length > 0 && !isOnlyCover(chapter, cover?.id));
  if (chapters.length === 0) throw new FormatError('epub_invalid', 'the book has no readable chapters');

  const meta = {
    author: book.creators.length > 0 ? book.creators.join(', ') : null,
    siteName: book.publisher,
    sourceUrl: book.sourceUrl,
    publishedAt: book.date,
    tags: book.subjects,
  };
  if (options.split === 'chapters') {
    return chapters.map((chapter) => ({
      ...meta,
      title: chapter.title,
      language: book.language ?? chapter.doc.language,
      blocks: withChapterHeading(chapter, 1),
      images: chapter.doc.images,
      notices: chapter.doc.notices,
    }));
  }
  const blocks: RichBlock[] = cover
    ? [{ kind: 'figure', text: '', image: { id: cover.id, alt: book.title ?? '' } }]
    : [];
  const notices = new Set<ImportNotice>();
  for (const chapter of chapters) {
    blocks.push(...withChapterHeading(chapter, chapter.entry?.depth ?? 1));
    for (const notice of chapter.doc.notices) notices.add(notice);
  }
  const images = withinImageBudget([...(cover ? [cover] : []), ...chapters.flatMap((c) => c.doc.images)]);
  if (images.dropped.size > 0) notices.add('images_too_large');
  return [
    {
      ...meta,
      title: book.title ?? chapters[0]?.title ?? null,
      language: book.language ?? chapters[0]?.doc.language ?? null,
      blocks: images.dropped.size > 0 ? blocks.map((b) => withoutImage(b, images.dropped)) : blocks,
      images: images.kept,
      notices: [...notices],
    },
  ];
}

/**
 * The book's images, each once, up to the bytes one article may bring: each chapter kept to the
 * cap alone, and a book is many chapters. Those past it are left out, as the walker leaves them.
 */
function withinImageBudget(all: readonly ImportedImage[]): { kept: ImportedImage[]; dropped: Set<string> } {
  const kept = new Map<string, ImportedImage>();
  const dropped = new Set<string>();
  let total = 0;
  for (const image of all) {
    if (kept.has(image.id) || dropped.has(image.id)) continue;
    if (total + image.bytes.byteLength > MAX_ARTICLE_IMAGE_BYTES) {
      dropped.add(image.id);
      continue;
    }
    total += image.bytes.byteLength;
    kept.set(image.id, image);
  }
  return { kept: [...kept.values()], dropped };
}

/** A figure whose image was left out keeps its alt text, as a placeholder. */
function withoutImage(block: RichBlock, dropped: ReadonlySet<string>): RichBlock {
  if (!block.image?.id || !dropped.has(block.image.id)) return block;
  const { id: _id, ...image } = block.image;
  return { ...block, image };
}

interface Chapter {
  doc: ImportedDocument;
  entry: TocEntry | null;
  title: string | null;
}

function readChapter(
  item: ManifestItem,
  files: ZipFiles,
  types: ReadonlyMap<string, string>,
  bookTitle: string | null,
  entry: TocEntry | null,
): Chapter {
  const html = xhtmlAsHtml(decodeMarkup(files.get(item.path) ?? new Uint8Array()));
  const resources = resolverFor(item.path, files, types);
  const doc = importHtml(html, { extract: false, titleHeading: false, resources });
  const firstHeading = doc.blocks.find((b) => b.kind === 'heading')?.text ?? null;
  // A chapter's <title> is often the book's: only a title of its own names the chapter.
  return { doc, entry, title: entry?.title ?? firstHeading ?? (doc.title !== bookTitle ? doc.title : null) };
}

/**
 * The chapter's blocks under its table-of-contents title at `level`: the title becomes a heading
 * when the chapter does not open with one; when it does, and the TOC nests the chapter deeper
 * than its own markup says (every file starting at h1), its headings move down to match.
 */
function withChapterHeading(chapter: Chapter, level: number): RichBlock[] {
  const { blocks } = chapter.doc;
  const first = blocks[0];
  if (first?.kind !== 'heading') {
    return chapter.entry
      ? [{ kind: 'heading', level: clampLevel(level), text: chapter.entry.title }, ...blocks]
      : blocks;
  }
  const shift = level - (first.level ?? 1);
  if (shift <= 0) return blocks;
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, level: clampLevel((b.level ?? 1) + shift) } : b));
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, level));
}

/** The chapter's entry in the table of contents: the first that points at the file itself. */
function tocEntryFor(path: string, entries: readonly TocEntry[]): TocEntry | null {
  const all = entries.filter((e) => e.path === path);
  return all.find((e) => e.fragment === null) ?? all[0] ?? null;
}

function isContentDocument(item: ManifestItem): boolean {
  return (
    item.mediaType === 'application/xhtml+xml' ||
    item.mediaType === 'text/html' ||
    (item.mediaType === '' && /\.x?html?$/i.test(item.path))
  );
}

/** A cover page (an image and nothing else) repeats the cover the book already opens with. */
function isOnlyCover(chapter: Chapter, coverId: string | undefined): boolean {
  const { blocks } = chapter.doc;
  return (
    coverId !== undefined &&
    blocks.length > 0 &&
    blocks.every((b) => (b.kind === 'figure' && b.image?.id === coverId && b.text === '') || b.kind === 'heading') &&
    blocks.some((b) => b.kind === 'figure')
  );
}

/** The cover, stored as the HTML walker stores images: by hash, its type told by its bytes. */
function coverImage(book: EpubPackage, files: ZipFiles): ImportedImage | null {
  const bytes = book.coverPath === null ? undefined : files.get(book.coverPath);
  const mime = bytes ? sniffImage(bytes) : null;
  if (!bytes || !mime || bytes.byteLength > MAX_IMAGE_BYTES) return null;
  return { id: createHash('sha256').update(bytes).digest('hex'), mime, bytes };
}

/** Images and other files of the book by the URL a chapter uses, relative to the chapter. */
function resolverFor(chapterPath: string, files: ZipFiles, types: ReadonlyMap<string, string>): ResourceResolver {
  return (url) => {
    const path = resolvePath(chapterPath, url);
    const bytes = path === null ? undefined : files.get(path);
    return path !== null && bytes !== undefined ? { bytes, mime: types.get(path) || 'application/octet-stream' } : null;
  };
}

/** Elements HTML closes by itself; every other `<x/>` must be opened and closed. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * XHTML as an HTML parser reads it. Chapters are XML, where `<a id="p1"/>` or `<div/>` is
 * empty; an HTML parser takes them for opening tags and swallows the rest of the chapter into
 * them. Rewriting self-closed non-void tags (the only construct that differs in practice) keeps
 * the one HTML walker for everything, with HTML's entities (&nbsp;) still understood.
 */
export function xhtmlAsHtml(xhtml: string): string {
  return xhtml
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(
      /<([A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/>/g,
      (all, tag: string, attributes: string) =>
        VOID_ELEMENTS.has(tag.toLowerCase()) ? all : `<${tag}${attributes}></${tag}>`,
    );
}
