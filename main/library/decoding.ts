/**
 * Decoding bytes in a known encoding, and what it costs: bytes that became U+FFFD, a last
 * character cut off, lone surrogates, damage in the text.
 */
import iconv from 'iconv-lite';
import type { DecodeWarning, TextEncodingName } from '../../preload/contract/types';

/**
 * What decoding the whole file with `encoding` costs: how many bytes become U+FFFD (U+FFFD
 * written in the file itself does not count), whether the file ends in the middle of a character,
 * and whether it holds lone surrogates (UTF-16 halves without their pair, or UTF-8's encoded
 * surrogates, which are invalid and become U+FFFD).
 */
export function decodingReport(
  bytes: Uint8Array,
  encoding: TextEncodingName,
): { replacements: number; warnings: DecodeWarning[] } {
  const warnings: DecodeWarning[] = [];
  const text = decodeBytes(bytes, encoding);
  let replacements = 0;
  let lone = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacements++;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if ((c & 0xf800) === 0xd800) lone = true;
  }
  if (encoding === 'utf-8') {
    replacements -= literalReplacementChars(bytes);
    lone ||= hasEncodedSurrogate(bytes);
  }
  if (endsMidCharacter(bytes, text, encoding)) warnings.push('truncated');
  if (lone) warnings.push('lone_surrogate');
  return { replacements: Math.max(0, replacements), warnings };
}

/** U+FFFD written as such in UTF-8 (EF BF BD): text, not damage. */
function literalReplacementChars(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(0xef); i >= 0 && i + 2 < b.length; i = b.indexOf(0xef, i + 1)) {
    if (b[i + 1] === 0xbf && b[i + 2] === 0xbd) n++;
  }
  return n;
}

/** ED A0–BF: a UTF-16 surrogate written as UTF-8 (CESU-8 or a lone half), which UTF-8 forbids. */
function hasEncodedSurrogate(b: Uint8Array): boolean {
  for (let i = b.indexOf(0xed); i >= 0 && i + 1 < b.length; i = b.indexOf(0xed, i + 1)) {
    const t = b[i + 1] as number;
    if (t >= 0xa0 && t <= 0xbf) return true;
  }
  return false;
}

/** Whether the last character is cut off: an odd UTF-16 byte, a lead byte without its trail bytes. */
function endsMidCharacter(b: Uint8Array, text: string, encoding: TextEncodingName): boolean {
  const n = b.length;
  if (n === 0) return false;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (n % 2 === 1) return true;
    const last =
      encoding === 'utf-16le'
        ? (b[n - 2] as number) | ((b[n - 1] as number) << 8)
        : ((b[n - 2] as number) << 8) | (b[n - 1] as number);
    return last >= 0xd800 && last <= 0xdbff;
  }
  if (encoding === 'utf-8') {
    // The last lead byte within three of the end, and fewer trail bytes after it than it needs.
    for (let k = 1; k <= Math.min(3, n); k++) {
      const c = b[n - k] as number;
      if ((c & 0xc0) === 0x80) continue;
      const need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c <= 0xdf ? 1 : 0;
      return need >= k && c >= 0xc2 && c <= 0xf4;
    }
    return false;
  }
  // GBK and Big5 decoders turn a lead byte that the file ends on into one last U+FFFD.
  return text.charCodeAt(text.length - 1) === 0xfffd && (b[n - 1] as number) >= 0x81;
}

/** Decodes with the given encoding, dropping a BOM; bad bytes become U+FFFD, never an exception. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Counts decoding damage: U+FFFD, C0 controls other than tab, line feed, carriage return and form feed, private-use characters. */
export function decodingDamage(text: string): number {
  let damage = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ||
      (c >= 0xe000 && c <= 0xf8ff)
    ) {
      damage++;
    }
  }
  return damage;
}
