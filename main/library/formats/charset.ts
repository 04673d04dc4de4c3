import iconv from 'iconv-lite';

/** How far into a document its encoding declaration may be (the HTML spec's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 1024;

/**
 * Decodes an HTML or XML document: a BOM wins, then the charset its container declares (a MIME
 * part's Content-Type), then its own declaration (`<?xml encoding>`, `<meta charset>`), then UTF-8.
 * GB2312 and GBK are read as GB18030, their superset, as browsers do.
 */
export function decodeMarkup(bytes: Uint8Array, declared?: string | null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be');
  const encoding = encodingFor(declared) ?? encodingFor(sniffDeclaration(buffer)) ?? 'utf-8';
  return encoding === 'utf-8' ? buffer.toString('utf8') : iconv.decode(buffer, encoding);
}

/** The charset a document declares for itself near its start, if any. */
export function sniffDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/** An iconv-lite encoding for a charset label, or null for labels it does not know. */
export function encodingFor(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  if (name === 'utf-8' || name === 'utf8' || name === 'us-ascii' || name === 'ascii') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312|csgb2312)$/.test(name)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cn-big5|csbig5|cp950)$/.test(name))
    return name === 'big5-hkscs' ? 'big5hkscs' : 'big5';
  return iconv.encodingExists(name) ? name : null;
}
