import iconv from 'iconv-lite';
import { encodingOfLabel } from '../html/charset';

/** One part of a MIME message, its body already decoded from its transfer encoding. */
export interface MimePart {
  /** Header names lowercase; folded lines unfolded; encoded words decoded. */
  headers: Map<string, string>;
  /** The media type, lowercase, without parameters (`text/html`). */
  type: string;
  /** Content-Type parameters, names lowercase (`charset`, `boundary`). */
  params: Map<string, string>;
  body: Uint8Array;
}

/** A MIME message: its top-level headers and, when multipart, its parts in order (nesting flattened). */
export interface MimeMessage {
  headers: Map<string, string>;
  parts: MimePart[];
}

/**
 * Parses a MIME message held as bytes (RFC 2045/2046): header block, multipart bodies split at
 * their boundary (nested multiparts flattened in order), bodies decoded from quoted-printable or
 * base64. Bytes are handled as Latin-1 text so that binary and 8-bit bodies come back unchanged.
 */
export function parseMime(bytes: Uint8Array): MimeMessage {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const root = parseEntity(raw);
  return { headers: root.headers, parts: flatten(root, 0) };
}

/** Nesting past this is not a web page. */
const MAX_DEPTH = 8;

function flatten(part: MimePart, depth: number): MimePart[] {
  const boundary = part.params.get('boundary');
  if (!part.type.startsWith('multipart/') || !boundary || depth > MAX_DEPTH) return [part];
  return splitMultipart(Buffer.from(part.body).toString('latin1'), boundary).flatMap((body) =>
    flatten(parseEntity(body), depth + 1),
  );
}

function parseEntity(raw: string): MimePart {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers = parseHeaders(head);
  const { type, params } = parseContentType(headers.get('content-type') ?? 'text/plain');
  const encoding = (headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  // Multipart bodies keep their raw bytes: the parts inside carry their own encodings.
  const decoded = type.startsWith('multipart/') ? Buffer.from(body, 'latin1') : decodeBody(body, encoding);
  return { headers, type, params, body: new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength) };
}

/** The bodies between `--boundary` lines, up to `--boundary--` (preamble and epilogue dropped). */
export function splitMultipart(body: string, boundary: string): string[] {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g');
  const parts: string[] = [];
  let start = -1;
  for (let match = delimiter.exec(body); match; match = delimiter.exec(body)) {
    if (start >= 0) parts.push(body.slice(start, match.index));
    if (match[1]) return parts;
    // The part starts after the line break that ends the delimiter line.
    start = match.index + match[0].length;
    if (body.startsWith('\r\n', start)) start += 2;
    else if (body[start] === '\n') start += 1;
  }
  // A message cut off before its closing delimiter keeps what it had.
  if (start >= 0 && start < body.length) parts.push(body.slice(start));
  return parts;
}

/** Header lines unfolded into a map (first occurrence wins); names lowercase. */
export function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** `text/html; charset="gbk"` → type and parameters (values unquoted). */
export function parseContentType(value: string): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = splitParams(value);
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq <= 0) continue;
    let v = param.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params.set(param.slice(0, eq).trim().toLowerCase(), v);
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Splits at semicolons outside quotes. */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"' && value[i - 1] !== '\\') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function decodeBody(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** Quoted-printable (RFC 2045 §6.7) over Latin-1 text to the bytes it encodes. */
export function decodeQuotedPrintable(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x3d /* = */) {
      out[n++] = c & 0xff;
      continue;
    }
    const next = text.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(next)) {
      out[n++] = parseInt(next, 16);
      i += 2;
    } else if (next.startsWith('\r\n') || next.startsWith('\n')) {
      // A soft line break: the encoded line continues on the next.
      i += next.startsWith('\r\n') ? 2 : 1;
    } else {
      out[n++] = c; // a stray '=' is kept, as decoders do
    }
  }
  return out.subarray(0, n);
}

/** RFC 2047 encoded words in header values (`=?utf-8?B?...?=`), as Subject lines carry titles. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2') // white space between encoded words is not part of the text
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (all, charset: string, kind: string, data: string) => {
      const label = charset.split('*')[0] ?? '';
      const encoding = encodingOfLabel(label) ?? (iconv.encodingExists(label) ? label : null);
      if (!encoding) return all;
      const bytes =
        kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
      return iconv.decode(bytes, encoding);
    });
}
