import { createHash } from 'node:crypto';
import {
  type ImageRef,
  type ImportedImage,
  type ImportNotice,
  MAX_ARTICLE_IMAGE_BYTES,
  MAX_IMAGE_BYTES,
} from '../../../preload/contract/article-model';
import { resolveUrl } from './dom-node';

/** Bytes of a resource the page refers to (an image), by its URL as written or made absolute. */
export type ResourceResolver = (url: string) => { bytes: Uint8Array; mime: string } | null;

/** The image formats the reader shows, told by their first bytes (a declared type is not trusted). */
export function sniffImage(bytes: Uint8Array): string | null {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  if (at(4, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66)) return 'image/avif';
  if (at(0, 0x42, 0x4d)) return 'image/bmp';
  // SVG is left out on purpose: it is a document that can carry script, not a picture.
  return null;
}

/** Decodes a data: URI's bytes; null when it is not one. */
export function decodeDataUri(uri: string): Uint8Array | null {
  const match = /^data:([^,]*?),(.*)$/s.exec(uri.trim());
  if (!match) return null;
  const [, meta = '', data = ''] = match;
  try {
    return meta.endsWith(';base64')
      ? Uint8Array.from(Buffer.from(data.replace(/\s+/g, ''), 'base64'))
      : Uint8Array.from(Buffer.from(decodeURIComponent(data), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The images of one imported article: those in the file are kept (deduplicated by their SHA-256,
 * each and all together under a size cap), remote-only ones become placeholders with their alt text.
 */
export class ImageCollector {
  readonly images: ImportedImage[] = [];
  readonly notices = new Set<ImportNotice>();
  private readonly byId = new Map<string, ImportedImage>();
  private total = 0;

  constructor(
    private readonly resources: ResourceResolver | undefined,
    private readonly baseUrl: string | null | undefined,
  ) {}

  resolve = (src: string | null, alt: string, size: { width?: number; height?: number }): ImageRef => {
    const ref: ImageRef = { alt, ...size };
    if (!src) return ref;
    const bytes = this.bytesOf(src);
    if (!bytes) {
      if (/^(https?:)?\/\//i.test(src) || /^https?:/i.test(resolveUrl(src, this.baseUrl) ?? '')) {
        this.notices.add('remote_images');
      }
      return ref;
    }
    const mime = sniffImage(bytes);
    if (!mime) return ref;
    if (bytes.byteLength > MAX_IMAGE_BYTES || this.total + bytes.byteLength > MAX_ARTICLE_IMAGE_BYTES) {
      this.notices.add('images_too_large');
      return ref;
    }
    const id = createHash('sha256').update(bytes).digest('hex');
    if (!this.byId.has(id)) {
      const image = { id, mime, bytes };
      this.byId.set(id, image);
      this.images.push(image);
      this.total += bytes.byteLength;
    }
    return { ...ref, id };
  };

  private bytesOf(src: string): Uint8Array | null {
    if (/^data:/i.test(src)) return decodeDataUri(src);
    if (!this.resources) return null;
    const direct = this.resources(src);
    if (direct) return direct.bytes;
    let decoded = src;
    try {
      decoded = decodeURIComponent(src);
    } catch {
      // Not percent-encoded: as written.
    }
    if (decoded !== src) {
      const found = this.resources(decoded);
      if (found) return found.bytes;
    }
    const absolute = resolveUrl(src, this.baseUrl);
    return absolute && absolute !== src ? (this.resources(absolute)?.bytes ?? null) : null;
  }
}
