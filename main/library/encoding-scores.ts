/**
 * How plausible each encoding's reading of a sample is, from its byte grammar alone: a BOM,
 * strict UTF-8, and the character rows GBK, Big5 and UTF-16 text falls in (see detectEncoding).
 */
import type { TextEncodingName } from '../../preload/contract/types';

/** Big5 text of this many characters without one low trail byte (0x40–0x7E) is GBK-shaped: its score halves. */
const BIG5_GBK_SHAPED_PAIRS = 12;
/** How plausible each non-UTF-8 encoding's reading of the bytes is, 0..1 (see {@link detectEncoding}). */
export function legacyScores(sample: Uint8Array): [TextEncodingName, number][] {
  return [
    ['gb18030', scoreGbk(sample)],
    ['big5', scoreBig5(sample)],
    ['utf-16le', scoreUtf16(sample, true)],
    ['utf-16be', scoreUtf16(sample, false)],
  ];
}

export function bomOf(b: Uint8Array): TextEncodingName | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 validation: counts well-formed multi-byte characters and damaged sequences
 * (invalid, overlong, surrogates, cut off before the next character). A sequence cut off by the
 * end of the bytes is not counted: samples end anywhere.
 */
export function utf8Profile(b: Uint8Array): { multiByteChars: number; damaged: number } {
  let multiByteChars = 0;
  let damaged = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) {
      damaged++;
      i++;
      continue;
    }
    let k = 1;
    while (k <= n && i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80) k++;
    if (k <= n) {
      if (i + k >= b.length) break;
      damaged++;
      i += k;
      continue;
    }
    // Overlongs and surrogates are invalid.
    const t1 = b[i + 1] as number;
    if (
      (c === 0xe0 && t1 < 0xa0) ||
      (c === 0xed && t1 > 0x9f) ||
      (c === 0xf0 && t1 < 0x90) ||
      (c === 0xf4 && t1 > 0x8f)
    ) {
      damaged++;
    } else multiByteChars++;
    i += n + 1;
  }
  return { multiByteChars, damaged };
}

/**
 * Share of double-byte characters that fall in GB2312's punctuation, box-drawing and hanzi rows,
 * under GBK's grammar; a well-formed GB18030 four-byte sequence counts as common. Invalid
 * sequences weigh double.
 */
function scoreGbk(b: Uint8Array): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i] as number;
    if (lead < 0x80) continue;
    const trail = b[i + 1];
    if (trail === undefined) break;
    if (lead === 0x80 || lead === 0xff) {
      total += 2;
      continue;
    }
    if (trail >= 0x30 && trail <= 0x39) {
      // A GB18030 four-byte sequence (a character GBK lacks, such as U+00A0 or ‧): no other
      // encoding we read puts digits after high bytes this way, so a well-formed one is text.
      const third = b[i + 2];
      const fourth = b[i + 3];
      if (third === undefined || fourth === undefined) break;
      total++;
      if (third >= 0x81 && third <= 0xfe && fourth >= 0x30 && fourth <= 0x39) common++;
      i += 3;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) {
      total += 2;
      continue;
    }
    total++;
    // A9A4–A9EF: GB2312's box-drawing row, which plain-text tables are drawn with.
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa3))) common++;
    else if (lead === 0xa9 && trail >= 0xa4 && trail <= 0xef) common++;
    i++;
  }
  return total === 0 ? 0 : common / total;
}

/**
 * Share of double-byte characters in Big5's symbol rows and its frequent-hanzi block. Big5 puts
 * about 40% of its characters on trail bytes 0x40–0x7E, which GB2312 never uses: a dozen or more
 * characters with none of them is GBK-shaped text, and scores half.
 */
function scoreBig5(b: Uint8Array): number {
  let common = 0;
  let total = 0;
  let lowTrails = 0;
  let pairs = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i] as number;
    if (lead < 0x80) continue;
    const trail = b[i + 1];
    if (trail === undefined) break;
    const validTrail = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe);
    if (lead < 0x81 || lead > 0xfe || !validTrail) {
      total += 2;
      continue;
    }
    total++;
    pairs++;
    if (trail <= 0x7e) lowTrails++;
    // A1–A3: punctuation and symbols; A4–C6 (to C67E): the 5,401 frequent hanzi; C9–F9: the less frequent ones count half.
    if ((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xa4 && lead <= 0xc5) || (lead === 0xc6 && trail <= 0x7e)) common++;
    else if (lead >= 0xc9 && lead <= 0xf9) common += 0.5;
    i++;
  }
  if (total === 0) return 0;
  return (common / total) * (pairs >= BIG5_GBK_SHAPED_PAIRS && lowTrails === 0 ? 0.5 : 1);
}

/** Share of UTF-16 code units that are CJK ideographs, CJK or full-width punctuation, or printable ASCII. */
export function scoreUtf16(b: Uint8Array, littleEndian: boolean): number {
  const units = b.length >> 1;
  if (units === 0) return 0;
  let good = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    const u = littleEndian
      ? (b[i] as number) | ((b[i + 1] as number) << 8)
      : ((b[i] as number) << 8) | (b[i + 1] as number);
    if (
      (u >= 0x20 && u <= 0x7e) ||
      u === 0x0a ||
      u === 0x0d ||
      u === 0x09 ||
      (u >= 0x4e00 && u <= 0x9fff) ||
      (u >= 0x3000 && u <= 0x303f) ||
      (u >= 0xff00 && u <= 0xffef) ||
      (u >= 0x2010 && u <= 0x2027) ||
      (u >= 0x3400 && u <= 0x4dbf)
    ) {
      good++;
    }
  }
  return good / units;
}
