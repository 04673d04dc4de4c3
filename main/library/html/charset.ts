import type { TextEncodingName } from '../../../preload/contract/types';
import { detectEncoding, type EncodingDetection } from '../decode';

/** How a page's character set was found. */
export type CharsetSource = 'bom' | 'declared' | 'detected';

export interface PageCharset {
  encoding: TextEncodingName;
  source: CharsetSource;
  /** False when only detection speaks and it is unsure: the user must choose. */
  confident: boolean;
  candidates: TextEncodingName[];
}

/** Labels pages declare, mapped as the WHATWG Encoding Standard maps them (GBK is read as GB18030). */
const LABELS: Record<string, TextEncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  'iso-ir-58': 'gb18030',
  'gb_2312-80': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'cn-big5': 'big5',
  'x-x-big5': 'big5',
  csbig5: 'big5',
};

/** The encoding a label names, when it is one we read. */
export function encodingOfLabel(label: string): TextEncodingName | null {
  return (
    LABELS[
      label
        .trim()
        .toLowerCase()
        .replace(/^["']|["']$/g, '')
    ] ?? null
  );
}

/** How far into the file to look for a declaration (the standard's 1,024 bytes, generously). */
const PRESCAN_BYTES = 8192;

/** The charset a page declares in a meta tag (charset= or http-equiv Content-Type), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  // Comments and scripts before the meta tag may mention charsets: skip comments first.
  const text = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of text.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1] ?? null;
    if (/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(tag)?.[2] ?? '';
      const inContent = /charset\s*=\s*["']?([\w.:-]+)/i.exec(content);
      if (inContent) return inContent[1] ?? null;
    }
  }
  // XHTML's XML declaration.
  return /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head.trimStart())?.[1] ?? null;
}

/**
 * The page's character set: a BOM decides, then the page's own declaration (saved Chinese pages
 * are often GBK or Big5 with only a meta tag), then detection on the bytes.
 */
export function pageCharset(bytes: Uint8Array): PageCharset {
  const detection: EncodingDetection = detectEncoding(bytes);
  if (detection.bom) {
    return { encoding: detection.encoding, source: 'bom', confident: true, candidates: [detection.encoding] };
  }
  const label = declaredCharset(bytes);
  const declared = label ? encodingOfLabel(label) : null;
  // A page that says UTF-8 but is not (a common mistake of saved GBK pages) is judged on its bytes.
  if (declared && !(declared === 'utf-8' && !isValidUtf8(bytes))) {
    return { encoding: declared, source: 'declared', confident: true, candidates: [declared] };
  }
  return {
    encoding: detection.encoding,
    source: 'detected',
    confident: detection.confident,
    candidates: detection.candidates,
  };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
