import { extname } from 'node:path';
import type { ArticleFormat } from '../../../preload/contract/types';

const BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
  '.epub': 'epub',
};

/** How the start of a file reads, as Latin-1 (enough to see markup or MIME headers in any encoding but UTF-16). */
function head(bytes: Uint8Array, n = 1024): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return Buffer.from(bytes.subarray(start, start + n)).toString('latin1');
}

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * What kind of file this is: by its extension (a .txt stays text, whatever it holds), and by its
 * first bytes when the extension says nothing (a page saved without one, a book renamed): a zip is a book (the EPUB reader refuses
 * what is not), MIME headers an MHTML archive, a document type or root element a web page.
 * Anything else is plain text.
 */
export function detectFormat(name: string, bytes: Uint8Array): ArticleFormat {
  const known = BY_EXTENSION[extname(name).toLowerCase()];
  if (known) return known;
  if (isZip(bytes)) return 'epub';
  const start = head(bytes);
  if (
    /^\s*(?:From:[^\n]*\n)?(?:[\w-]+:[^\n]*\n)*?MIME-Version:\s*1\.0/i.test(start.slice(0, 1024)) &&
    /multipart\/related/i.test(start)
  ) {
    return 'mhtml';
  }
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i.test(start)) return 'html';
  return 'text';
}
