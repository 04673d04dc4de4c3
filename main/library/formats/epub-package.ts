import { isoDate } from '../html/metadata';
import { findAll, findFirst, parseXml, type XmlElement } from './xml';

/** A file the package document lists, with its path inside the archive. */
export interface ManifestItem {
  id: string;
  path: string;
  mediaType: string;
  properties: string[];
}

/** What the OPF package document says about the book. */
export interface EpubPackage {
  title: string | null;
  creators: string[];
  language: string | null;
  /** YYYY-MM-DD of publication, when the book gives a whole date. */
  date: string | null;
  publisher: string | null;
  subjects: string[];
  /** dc:source or dc:identifier, when it is a web address. */
  sourceUrl: string | null;
  manifest: Map<string, ManifestItem>;
  /** The reading order. */
  spine: ManifestItem[];
  coverPath: string | null;
  /** EPUB 3 navigation document. */
  navPath: string | null;
  /** EPUB 2 NCX table of contents. */
  ncxPath: string | null;
}

/** One line of the table of contents. */
export interface TocEntry {
  title: string;
  /** The chapter file it points to. */
  path: string;
  fragment: string | null;
  /** Nesting in the table of contents, from 1. */
  depth: number;
}

/** The package document's path from META-INF/container.xml. */
export function packagePath(containerXml: string): string | null {
  const root = parseXml(containerXml);
  if (!root) return null;
  const rootfiles = findAll(root, 'rootfile');
  const opf = rootfiles.find((r) => r.attributes.get('media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const path = opf?.attributes.get('full-path');
  return path ? resolvePath('', path) : null;
}

/** Reads the OPF: metadata, manifest (paths resolved against the OPF's folder), spine, cover, TOC. */
export function parsePackage(opfXml: string, opfPath: string): EpubPackage | null {
  const root = parseXml(opfXml);
  if (!root) return null;
  const metadata = findFirst(root, 'metadata') ?? root;
  const texts = (name: string): string[] =>
    findAll(metadata, name)
      .map((e) => clean(e.text))
      .filter((t) => t.length > 0);

  const manifest = new Map<string, ManifestItem>();
  for (const item of findAll(findFirst(root, 'manifest') ?? root, 'item')) {
    const id = item.attributes.get('id');
    const path = resolvePath(opfPath, item.attributes.get('href') ?? '');
    if (!id || !path) continue;
    const properties = (item.attributes.get('properties') ?? '').split(/\s+/).filter(Boolean);
    manifest.set(id, { id, path, mediaType: (item.attributes.get('media-type') ?? '').toLowerCase(), properties });
  }
  const items = [...manifest.values()];
  const spineElement = findFirst(root, 'spine');
  const spine = findAll(spineElement ?? root, 'itemref')
    .map((ref) => manifest.get(ref.attributes.get('idref') ?? ''))
    .filter((item): item is ManifestItem => item !== undefined);

  // EPUB 3 marks the cover image in the manifest; EPUB 2 names it in <meta name="cover">.
  const coverMeta = findAll(metadata, 'meta').find((m) => m.attributes.get('name') === 'cover');
  const cover =
    items.find((item) => item.properties.includes('cover-image')) ??
    manifest.get(coverMeta?.attributes.get('content') ?? '') ??
    null;
  const ncxId = spineElement?.attributes.get('toc');
  const ncx =
    (ncxId ? manifest.get(ncxId) : undefined) ?? items.find((i) => i.mediaType === 'application/x-dtbncx+xml');

  const dates = findAll(metadata, 'date');
  const published = dates.find((d) => /publication/i.test(d.attributes.get('event') ?? '')) ?? dates[0];
  const web = [...texts('source'), ...texts('identifier')].find((t) => /^https?:\/\//i.test(t)) ?? null;
  return {
    title: texts('title')[0] ?? null,
    creators: texts('creator'),
    language: texts('language')[0] ?? null,
    date: isoDate(published?.text),
    publisher: texts('publisher')[0] ?? null,
    subjects: texts('subject'),
    sourceUrl: web,
    manifest,
    spine,
    coverPath: cover?.mediaType.startsWith('image/') ? cover.path : null,
    navPath: items.find((item) => item.properties.includes('nav'))?.path ?? null,
    ncxPath: ncx?.path ?? null,
  };
}

/** The table of contents of an EPUB 3 navigation document (`<nav epub:type="toc">`). */
export function parseNav(navXhtml: string, navPath: string): TocEntry[] {
  const root = parseXml(navXhtml);
  if (!root) return [];
  const navs = findAll(root, 'nav');
  const toc = navs.find((n) => (n.attributes.get('epub:type') ?? '').split(/\s+/).includes('toc')) ?? navs[0];
  const list = toc?.children.find((c) => c.name === 'ol');
  const entries: TocEntry[] = [];
  const walk = (ol: XmlElement, depth: number): void => {
    for (const li of ol.children) {
      if (li.name !== 'li') continue;
      const link = li.children.find((c) => c.name === 'a');
      const target = link ? splitHref(navPath, link.attributes.get('href') ?? '') : null;
      if (link && target) entries.push({ title: clean(link.text), ...target, depth });
      const nested = li.children.find((c) => c.name === 'ol');
      if (nested) walk(nested, depth + 1);
    }
  };
  if (list) walk(list, 1);
  return entries.filter((e) => e.title.length > 0);
}

/** The table of contents of an EPUB 2 NCX (`navMap` of nested `navPoint`s). */
export function parseNcx(ncxXml: string, ncxPath: string): TocEntry[] {
  const root = parseXml(ncxXml);
  const map = root ? findFirst(root, 'navmap') : null;
  const entries: TocEntry[] = [];
  const walk = (parent: XmlElement, depth: number): void => {
    for (const point of parent.children) {
      if (point.name !== 'navpoint') continue;
      const label = point.children.find((c) => c.name === 'navlabel');
      const content = point.children.find((c) => c.name === 'content');
      const target = splitHref(ncxPath, content?.attributes.get('src') ?? '');
      const title = clean(label?.text ?? '');
      if (target && title) entries.push({ title, ...target, depth });
      walk(point, depth + 1);
    }
  };
  if (map) walk(map, 1);
  return entries;
}

/** Font obfuscation (IDPF and Adobe) only scrambles embedded fonts: the text is free. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#rc']);
const FONT_FILE = /\.(ttf|otf|woff2?|eot|fnt)$/i;
/** Files only DRM schemes put in META-INF: Adobe ADEPT's rights, Readium LCP's licence, Apple's sinf. */
const DRM_FILES = ['META-INF/rights.xml', 'META-INF/license.lcpl', 'META-INF/sinf.xml'];

/**
 * Why the book is DRM-protected, or null when it is not: a DRM scheme's file in META-INF, or an
 * encryption.xml that encrypts anything beyond fonts, or with anything beyond font obfuscation.
 */
export function drmReason(has: (path: string) => boolean, encryptionXml: string | null): string | null {
  const drmFile = DRM_FILES.find(has);
  if (drmFile) return `the book carries ${drmFile}`;
  if (encryptionXml === null) return null;
  const root = parseXml(encryptionXml);
  if (!root) return 'META-INF/encryption.xml cannot be read';
  for (const data of findAll(root, 'encrypteddata')) {
    const algorithm = (findFirst(data, 'encryptionmethod')?.attributes.get('algorithm') ?? '').trim();
    const uri = findFirst(data, 'cipherreference')?.attributes.get('uri') ?? '';
    if (!FONT_OBFUSCATION.has(algorithm.toLowerCase()) || !FONT_FILE.test(uri.split(/[?#]/)[0] ?? '')) {
      return `${uri || 'a file'} is encrypted with ${algorithm || 'an unnamed method'}`;
    }
  }
  return null;
}

const BOOK_ORIGIN = 'http://book.invalid';

/**
 * `href` as a path inside the archive, resolved against the file `base` it appears in (percent
 * escapes decoded, fragment and query dropped); null for links that leave the book.
 */
export function resolvePath(base: string, href: string): string | null {
  return splitHref(base, href)?.path ?? null;
}

function splitHref(base: string, href: string): { path: string; fragment: string | null } | null {
  const trimmed = href.trim();
  if (!trimmed) return null;
  try {
    const baseUrl = `${BOOK_ORIGIN}/${base.split('/').map(encodeURIComponent).join('/')}`;
    const url = new URL(trimmed, baseUrl);
    if (url.origin !== BOOK_ORIGIN) return null;
    const path = decodeURIComponent(url.pathname.slice(1));
    return path ? { path, fragment: url.hash ? decodeURIComponent(url.hash.slice(1)) : null } : null;
  } catch {
    return null;
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
