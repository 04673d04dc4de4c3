import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../preload/contract/types';

export type { TextEncodingName };

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'];

/** What the detector concluded about a file's bytes. */
export interface EncodingDetection {
  /** The best guess. */
  encoding: TextEncodingName;
  /** False means the evidence is weak and the user must choose. */
  confident: boolean;
  /** 0..1, how plausible the best guess's decoding is. */
  confidence: number;
  bom: boolean;
  /** Plausible encodings, best first; includes `encoding`. */
  candidates: TextEncodingName[];
}

/** How much of a sample to judge; detection does not need whole files. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Detects the encoding of Chinese text. A BOM decides; strictly valid UTF-8 decides; otherwise
 * each remaining encoding's byte grammar is scored by how much of the text falls in the
 * character ranges Chinese prose actually uses (GB2312's hanzi and punctuation rows for GBK,
 * Big5's frequent-hanzi block for Big5, CJK and ASCII code units for UTF-16). Mojibake decodes
 * into rare rows, kana, Cyrillic or invalid sequences, so the right encoding wins by a wide
 * margin; when it does not, `confident` is false.
 */
export function detectEncoding(bytes: Uint8Array): EncodingDetection {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const bom = bomOf(sample);
  if (bom) return { encoding: bom, confident: true, confidence: 1, bom: true, candidates: [bom] };

  const scores: [TextEncodingName, number][] = [
    ['gb18030', scoreGbk(sample)],
    ['big5', scoreBig5(sample)],
    ['utf-16le', scoreUtf16(sample, true)],
    ['utf-16be', scoreUtf16(sample, false)],
  ];
  const utf8 = utf8Profile(sample, sample.length < bytes.length);
  if (utf8.valid) {
    // Valid UTF-8 with real multi-byte content is UTF-8; a handful of multi-byte characters that
    // also read as plausible GBK or Big5 is too little to be sure.
    const rivals = scores.filter(([, s]) => s >= 0.9).map(([e]) => e);
    const confident = utf8.multiByteChars >= 3 || utf8.multiByteChars === 0 || rivals.length === 0;
    return {
      encoding: 'utf-8',
      confident,
      confidence: confident ? 1 : 0.6,
      bom: false,
      candidates: ['utf-8', ...rivals],
    };
  }
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores as [[TextEncodingName, number], [TextEncodingName, number]];
  const confident = best[1] >= 0.8 && best[1] - second[1] >= 0.2;
  const candidates = scores.filter(([e, s]) => e === best[0] || s >= 0.5).map(([e]) => e);
  if (candidates.length < 2) candidates.push(second[0]);
  return { encoding: best[0], confident, confidence: best[1], bom: false, candidates };
}

/** Decodes with the given encoding, dropping a BOM; bad bytes become U+FFFD, never an exception. */
export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const MAGIC: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x50, 0x4b, 0x03, 0x04], // zip, docx, epub
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xff, 0xd8, 0xff], // JPEG
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x1f, 0x8b], // gzip
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], // SQLite
];

/** True for data that is not text in any encoding we read. BOM-less UTF-16 text is text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (MAGIC.some((m) => m.every((b, i) => sample[i] === b))) return true;
  if (bomOf(sample)) return false;
  let controls = 0;
  let nuls = 0;
  for (const b of sample) {
    if (b === 0) nuls++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  if (nuls > 0 && Math.max(scoreUtf16(sample, true), scoreUtf16(sample, false)) >= 0.9) return false;
  return nuls > 0 || controls / Math.max(1, sample.length) > 0.05;
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

function bomOf(b: Uint8Array): TextEncodingName | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** Strict UTF-8 validation; a sequence cut off by the end of a truncated sample is allowed. */
function utf8Profile(b: Uint8Array, truncated: boolean): { valid: boolean; multiByteChars: number } {
  let multiByteChars = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return { valid: false, multiByteChars };
    for (let k = 1; k <= n; k++) {
      const t = b[i + k];
      if (t === undefined) return { valid: truncated, multiByteChars };
      if ((t & 0xc0) !== 0x80) return { valid: false, multiByteChars };
    }
    // Overlongs and surrogates are invalid.
    const t1 = b[i + 1] as number;
    if (
      (c === 0xe0 && t1 < 0xa0) ||
      (c === 0xed && t1 > 0x9f) ||
      (c === 0xf0 && t1 < 0x90) ||
      (c === 0xf4 && t1 > 0x8f)
    ) {
      return { valid: false, multiByteChars };
    }
    multiByteChars++;
    i += n + 1;
  }
  return { valid: true, multiByteChars };
}

/**
 * Share of double-byte characters that fall in GB2312's punctuation and hanzi rows, under GBK's
 * grammar (GB18030 four-byte sequences count as neither). Invalid sequences weigh double.
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
      // A GB18030 four-byte sequence: rare in prose.
      total++;
      i += 3;
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) {
      total += 2;
      continue;
    }
    total++;
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa3))) common++;
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
  return (common / total) * (pairs >= 12 && lowTrails === 0 ? 0.5 : 1);
}

/** Share of UTF-16 code units that are CJK ideographs, CJK or full-width punctuation, or printable ASCII. */
function scoreUtf16(b: Uint8Array, littleEndian: boolean): number {
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
