import type { ImportedDocument } from '../../../preload/contract/article-model';
import { importHtml, type ResourceResolver } from '../html/index';
import { decodeMarkup } from './charset';
import { FormatError } from './format-error';
import { parseMime, type MimePart } from './mime';

/**
 * Imports a web page saved as MHTML (Chrome and Edge's "Save as… Webpage, Single File"): the first
 * text/html part is the page, decoded with its part's charset or its own declaration (GBK and Big5
 * pages exist), its images come from the other parts by Content-Location (or Content-ID), and the
 * address it was saved from (Snapshot-Content-Location) becomes the source.
 */
export function importMhtml(bytes: Uint8Array): ImportedDocument {
  const message = parseMime(bytes);
  const page = message.parts.find((part) => part.type === 'text/html');
  if (!page) throw new FormatError('mhtml_invalid', 'no text/html part in the archive');

  const url =
    httpUrl(message.headers.get('snapshot-content-location')) ?? httpUrl(page.headers.get('content-location'));
  const html = decodeMarkup(page.body, page.params.get('charset'));
  const doc = importHtml(html, { url, resources: resolverFor(message.parts, page, url) });
  const subject = message.headers.get('subject')?.trim();
  return { ...doc, title: doc.title ?? (subject || null), sourceUrl: doc.sourceUrl ?? url };
}

/** The saved page's other parts by every name the page may use for them. */
function resolverFor(parts: readonly MimePart[], page: MimePart, pageUrl: string | null): ResourceResolver {
  const byName = new Map<string, MimePart>();
  for (const part of parts) {
    if (part === page) continue;
    const location = part.headers.get('content-location')?.trim();
    if (location && !byName.has(location)) byName.set(location, part);
    const id = part.headers.get('content-id')?.trim().replace(/^<|>$/g, '');
    if (id && !byName.has(`cid:${id}`)) byName.set(`cid:${id}`, part);
  }
  return (url) => {
    const part = byName.get(url) ?? byName.get(absolute(url, pageUrl) ?? '');
    return part ? { bytes: part.body, mime: part.type } : null;
  };
}

function absolute(url: string, base: string | null): string | null {
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return null;
  }
}

function httpUrl(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed && /^https?:\/\//i.test(trimmed) ? trimmed : null;
}
