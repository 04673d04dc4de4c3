import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, looksBinary, type TextEncodingName } from '../../main/library/decode';
import { decodeBytes, decodingReport } from '../../main/library/decoding';
import { legacyScores } from '../../main/library/encoding-scores';
import { sample } from '../helpers/data';

const SIMPLIFIED = sample('000');
/** The Traditional samples, keeping only characters Big5 can hold (a few are outside it). */
const TRADITIONAL = [sample('001'), sample('003')]
  .map((t) => [...t].filter((ch) => iconv.decode(iconv.encode(ch, 'big5'), 'big5') === ch).join(''))
  .join('\n');

const encode = (text: string, encoding: TextEncodingName, addBOM = false) =>
  new Uint8Array(iconv.encode(text, encoding === 'gb18030' ? 'gbk' : encoding, { addBOM }));

/** Windows of about `size` bytes cut from text at character boundaries, every `step` characters. */
function windows(text: string, encoding: TextEncodingName, size: number, step: number): Uint8Array[] {
  const chars = [...text];
  const out: Uint8Array[] = [];
  const perChar = encoding.startsWith('utf-16') ? 2 : encoding === 'utf-8' ? 3 : 2;
  const span = Math.max(1, Math.round(size / perChar));
  for (let start = 0; start + span < chars.length; start += step) {
    out.push(encode(chars.slice(start, start + span).join(''), encoding));
  }
  return out;
}

describe('detectEncoding on whole articles', () => {
  const cases: [string, string, TextEncodingName, boolean][] = [
    ['Simplified sample, UTF-8', SIMPLIFIED, 'utf-8', false],
    ['Simplified sample, UTF-8 with BOM', SIMPLIFIED, 'utf-8', true],
    ['Simplified sample, GBK', SIMPLIFIED, 'gb18030', false],
    ['Simplified sample, UTF-16LE', SIMPLIFIED, 'utf-16le', false],
    ['Simplified sample, UTF-16LE with BOM', SIMPLIFIED, 'utf-16le', true],
    ['Simplified sample, UTF-16BE', SIMPLIFIED, 'utf-16be', false],
    ['Simplified sample, UTF-16BE with BOM', SIMPLIFIED, 'utf-16be', true],
    ['Traditional samples, Big5', TRADITIONAL, 'big5', false],
    ['Traditional samples, UTF-16LE', TRADITIONAL, 'utf-16le', false],
    ['Traditional samples, UTF-8', TRADITIONAL, 'utf-8', false],
  ];
  for (const [label, text, encoding, bom] of cases) {
    it(`${label}: detected confidently and decoded exactly`, () => {
      const bytes = encode(text, encoding, bom);
      const detection = detectEncoding(bytes);
      expect(detection.encoding).toBe(encoding);
      expect(detection.confident).toBe(true);
      expect(detection.bom).toBe(bom);
      expect(decodeBytes(bytes, detection.encoding)).toBe(text);
    });
  }
});

describe('detectEncoding on short texts (100–300 bytes)', () => {
  const rates: string[] = [];
  const sets: [string, string, TextEncodingName][] = [
    ['GBK', SIMPLIFIED, 'gb18030'],
    ['Big5', TRADITIONAL, 'big5'],
    ['UTF-8 (Simplified)', SIMPLIFIED, 'utf-8'],
    ['UTF-8 (Traditional)', TRADITIONAL, 'utf-8'],
    ['UTF-16LE (Simplified)', SIMPLIFIED, 'utf-16le'],
    ['UTF-16LE (Traditional)', TRADITIONAL, 'utf-16le'],
  ];
  for (const [label, text, encoding] of sets) {
    for (const size of [100, 200, 300]) {
      it(`${label}, ${size} bytes: right on ≥ 95% of windows, never confidently wrong`, () => {
        const ws = windows(text, encoding, size, 37);
        expect(ws.length).toBeGreaterThan(50);
        let right = 0;
        for (const w of ws) {
          const d = detectEncoding(w);
          if (d.encoding === encoding && d.confident) right++;
          else {
            // Whenever it is not sure of the right answer it must say so, and offer the right one.
            expect(d.confident, `confidently wrong: ${d.encoding} for ${decodeBytes(w, encoding)}`).toBe(false);
            expect(d.candidates).toContain(encoding);
          }
        }
        const rate = right / ws.length;
        rates.push(`${label} ${size} B: ${(rate * 100).toFixed(1)}% of ${ws.length}`);
        expect(rate).toBeGreaterThanOrEqual(0.95);
      });
    }
  }
  it('reports the rates', () => {
    console.log(`detection on short windows:\n  ${rates.join('\n  ')}`);
    expect(rates).toHaveLength(sets.length * 3);
  });
});

describe('uncertain input', () => {
  it('asks when a few bytes read cleanly as both GBK and Big5', () => {
    // B0A1 B0A1: 啊啊 in GBK, 偃偃 in Big5 — both clean.
    const d = detectEncoding(new Uint8Array([0xb0, 0xa1, 0xb0, 0xa1]));
    expect(d.confident).toBe(false);
    expect(d.candidates).toEqual(expect.arrayContaining(['gb18030', 'big5']));
  });

  it('asks when Latin-1 text is neither', () => {
    const d = detectEncoding(
      new Uint8Array(iconv.encode('Café au lait, crème brûlée, déjà vu — à la française.', 'latin1')),
    );
    expect(d.confident).toBe(false);
  });

  it('pure ASCII is UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('Hello, world.\n'))).toMatchObject({
      encoding: 'utf-8',
      confident: true,
    });
  });
});

describe('looksBinary', () => {
  const noise = (n: number, seed = 7) => {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    return out;
  };
  it('spots images, archives and NUL-ridden data', () => {
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(500)]))).toBe(true);
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise(500)]))).toBe(true);
    expect(looksBinary(noise(2000))).toBe(true);
    expect(looksBinary(new Uint8Array([0x41, 0, 0, 0, 0x42, 0, 0, 0, 0x43, 0, 0, 0, 1, 2, 3, 4]))).toBe(true);
  });
  it('lets every encoded sample through, BOM-less UTF-16 included', () => {
    for (const e of ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const)
      expect(looksBinary(encode(SIMPLIFIED, e)), e).toBe(false);
    expect(looksBinary(encode(TRADITIONAL, 'big5'))).toBe(false);
  });
});

/** Bytes made of repeated pieces: [count, bytes][]. */
const bytesOf = (...parts: [number, number[] | string][]) =>
  new Uint8Array(
    parts.flatMap(([n, piece]) =>
      Array.from({ length: n }, () =>
        typeof piece === 'string' ? [...new TextEncoder().encode(piece)] : piece,
      ).flat(),
    ),
  );
const score = (bytes: Uint8Array, encoding: TextEncodingName) => legacyScores(bytes).find(([e]) => e === encoding)![1];

// Byte pairs whose scores are known by construction (see scoreGbk, scoreBig5, scoreUtf16):
/** GB2312 hanzi row C7: common for GBK; valid but not frequent in Big5; no UTF-16 reading. */
const GBK_ONLY = [0xc7, 0xa1];
/** B0A1: common hanzi in both GBK (啊) and Big5 (偃). */
const BOTH = [0xb0, 0xa1];
/** A440: Big5's 一 (a low trail byte); valid, rare GBK; a CJK Extension A unit in UTF-16LE. */
const BIG5_LOW = [0xa4, 0x40];
/** A0A0: a GBK character outside GB2312; an invalid Big5 trail; no UTF-16 reading. */
const RARE = [0xa0, 0xa0];

/**
 * Inputs just below and just above each threshold of decode.ts (UTF8_SURE_CHARS 3,
 * UTF8_RIVAL_SCORE 0.9, UTF8_DAMAGE_SHARE 0.05, CONFIDENT_SCORE 0.8, CONFIDENT_MARGIN 0.2,
 * CANDIDATE_SCORE 0.5, BIG5_GBK_SHAPED_PAIRS 12, BINARY_CONTROL_SHARE 0.05): moving any of them
 * past its neighbouring row, or changing a rule, makes a row fail.
 */
describe('detectEncoding near its thresholds', () => {
  type Row = [label: string, bytes: Uint8Array, check: (bytes: Uint8Array) => void];
  const detected = (bytes: Uint8Array, expected: Partial<ReturnType<typeof detectEncoding>>) =>
    expect(detectEncoding(bytes)).toMatchObject(expected);
  const rows: Row[] = [
    // The "sure" rule for short UTF-8: ASCII pairs like "aa" read as CJK units in UTF-16, a rival.
    [
      '2 multi-byte characters, UTF-16 rival at 0.9+: unsure',
      bytesOf([1, '中文'], [30, 'aa']),
      (b) => {
        expect(score(b, 'utf-16le')).toBeGreaterThanOrEqual(0.9);
        detected(b, { encoding: 'utf-8', confident: false, candidates: ['utf-8', 'utf-16le', 'utf-16be'] });
      },
    ],
    [
      '3 multi-byte characters, the same rival: sure',
      bytesOf([1, '中文字'], [30, 'aa'], [1, 'a']),
      (b) => {
        expect(score(b, 'utf-16le')).toBeGreaterThanOrEqual(0.9);
        detected(b, { encoding: 'utf-8', confident: true });
      },
    ],
    // The rival score: 99 UTF-16 units, 89 or 90 of them readable ("!!" is not).
    [
      '2 characters, rival at 89/99 (< 0.9): sure',
      bytesOf([1, '中文'], [88, 'aa'], [8, '!!']),
      (b) => {
        expect(score(b, 'utf-16le')).toBeCloseTo(89 / 99, 5);
        detected(b, { encoding: 'utf-8', confident: true });
      },
    ],
    [
      '2 characters, rival at 90/99 (> 0.9): unsure',
      bytesOf([1, '中文'], [89, 'aa'], [7, '!!']),
      (b) => {
        expect(score(b, 'utf-16le')).toBeCloseTo(90 / 99, 5);
        detected(b, { encoding: 'utf-8', confident: false });
      },
    ],
    // Damaged UTF-8 is still offered first up to a 5% share of damaged sequences.
    [
      'UTF-8 with 5 bad bytes in 101 sequences (4.95%): UTF-8 first',
      bytesOf([96, '中'], [5, [0xff]]),
      (b) => {
        detected(b, { encoding: 'utf-8', confident: false, replacements: 5 });
        expect(detectEncoding(b).candidates[0]).toBe('utf-8');
      },
    ],
    [
      'UTF-8 with 5 bad bytes in 99 sequences (5.05%): not UTF-8',
      bytesOf([94, '中'], [5, [0xff]]),
      (b) => {
        expect(detectEncoding(b).encoding).not.toBe('utf-8');
      },
    ],
    // The legacy floor: GBK alone, at 79% and 81% common characters.
    [
      'GBK at 0.79: unsure',
      bytesOf([79, GBK_ONLY], [21, RARE]),
      (b) => {
        expect(score(b, 'gb18030')).toBeCloseTo(0.79, 5);
        expect(score(b, 'big5')).toBe(0);
        detected(b, { encoding: 'gb18030', confident: false });
      },
    ],
    [
      'GBK at 0.81: sure',
      bytesOf([81, GBK_ONLY], [19, RARE]),
      (b) => {
        expect(score(b, 'gb18030')).toBeCloseTo(0.81, 5);
        detected(b, { encoding: 'gb18030', confident: true, replacements: 0, warnings: [] });
      },
    ],
    // The margin: GBK 0.99, Big5 0.80 or 0.78 (one low-trail pair keeps Big5's GBK-shape rule off).
    [
      'GBK ahead of Big5 by 0.19: unsure',
      bytesOf([79, BOTH], [20, GBK_ONLY], [1, BIG5_LOW]),
      (b) => {
        expect(score(b, 'gb18030') - score(b, 'big5')).toBeCloseTo(0.2 - 0.01, 5);
        detected(b, { encoding: 'gb18030', confident: false });
      },
    ],
    [
      'GBK ahead of Big5 by 0.21: sure',
      bytesOf([77, BOTH], [22, GBK_ONLY], [1, BIG5_LOW]),
      (b) => {
        expect(score(b, 'gb18030') - score(b, 'big5')).toBeCloseTo(0.2 + 0.01, 5);
        detected(b, { encoding: 'gb18030', confident: true });
      },
    ],
    // The candidate floor: Big5 reads all of it; GBK and UTF-16LE split the rest 0.49 / 0.51.
    [
      'GBK at 0.49 is not offered, UTF-16LE at 0.51 is',
      bytesOf([49, BOTH], [51, BIG5_LOW]),
      (b) => {
        expect(score(b, 'gb18030')).toBeCloseTo(0.49, 5);
        expect(score(b, 'utf-16le')).toBeCloseTo(0.51, 5);
        detected(b, { encoding: 'big5', candidates: ['big5', 'utf-16le'] });
      },
    ],
    [
      'GBK at 0.51 is offered, UTF-16LE at 0.49 is not',
      bytesOf([51, BOTH], [49, BIG5_LOW]),
      (b) => {
        detected(b, { encoding: 'big5', candidates: ['big5', 'gb18030'] });
      },
    ],
    // The same floor where no second candidate is forced in: damaged UTF-8, UTF-16 at 0.51 / 0.49.
    [
      'damaged UTF-8 offers UTF-16 at 0.51',
      bytesOf([50, 'aa'], [19, '!!'], [20, '中'], [1, [0xff, 0x78]]),
      (b) => {
        expect(score(b, 'utf-16le')).toBeCloseTo(0.51, 5);
        expect(detectEncoding(b).candidates).toEqual(expect.arrayContaining(['utf-8', 'utf-16le', 'utf-16be']));
      },
    ],
    [
      'damaged UTF-8 does not offer UTF-16 at 0.49',
      bytesOf([48, 'aa'], [21, '!!'], [20, '中'], [1, [0xff, 0x78]]),
      (b) => {
        expect(score(b, 'utf-16le')).toBeCloseTo(0.49, 5);
        const d = detectEncoding(b);
        expect(d).toMatchObject({ encoding: 'utf-8', replacements: 1 });
        expect(d.candidates).not.toContain('utf-16le');
        expect(d.candidates).not.toContain('utf-16be');
      },
    ],
    // Big5's GBK-shape rule: 11 characters with no low trail byte read as well as GBK; 12 do not.
    [
      '11 characters clean in GBK and Big5: unsure',
      bytesOf([11, BOTH]),
      (b) => {
        expect(score(b, 'big5')).toBe(1);
        detected(b, { confident: false, candidates: ['gb18030', 'big5'] });
      },
    ],
    [
      '12 characters without a low trail byte: GBK-shaped, GBK sure',
      bytesOf([12, BOTH]),
      (b) => {
        expect(score(b, 'big5')).toBe(0.5);
        detected(b, { encoding: 'gb18030', confident: true });
      },
    ],
  ];
  it.each(rows)('%s', (_, bytes, check) => check(bytes));

  it('binary: 50 control bytes in 1000 (5%) is text, 51 is not', () => {
    expect(looksBinary(bytesOf([950, 'a'], [50, [0x01]]))).toBe(false);
    expect(looksBinary(bytesOf([949, 'a'], [51, [0x01]]))).toBe(true);
  });
});

describe('damaged files are offered with what they lose, never decoded silently', () => {
  const article = SIMPLIFIED.slice(0, 2000);
  const utf8 = new TextEncoder().encode(article);
  const splice = (bytes: Uint8Array, at: number, insert: number[]) =>
    new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at)]);
  /** A byte offset at a character boundary, about in the middle. */
  const middle = new TextEncoder().encode(article.slice(0, 1000)).length;

  it('UTF-8 with one bad byte: UTF-8 first, with one replacement, and the rest decoded exactly', () => {
    const bytes = splice(utf8, middle, [0xff]);
    const d = detectEncoding(bytes);
    expect(d).toMatchObject({ encoding: 'utf-8', confident: false, replacements: 1, warnings: [] });
    expect(d.candidates[0]).toBe('utf-8');
    expect(decodeBytes(bytes, 'utf-8')).toBe(`${article.slice(0, 1000)}\ufffd${article.slice(1000)}`);
    // The encodings that read it as mojibake lose far more.
    for (const other of d.candidates.slice(1)) expect(decodingReport(bytes, other).replacements).toBeGreaterThan(1);
  });

  it('a bad byte past the part detection samples is still counted', () => {
    const long = new TextEncoder().encode(SIMPLIFIED.repeat(Math.ceil(70_000 / utf8.length)));
    expect(long.length).toBeGreaterThan(64 * 1024);
    expect(detectEncoding(long)).toMatchObject({ encoding: 'utf-8', confident: true, replacements: 0 });
    const bytes = new Uint8Array([...long, 0xc0, 0x41]);
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf-8', confident: false, replacements: 1 });
  });

  it('U+FFFD written in the file is text, not damage', () => {
    const bytes = new TextEncoder().encode(`${article}\ufffd`);
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf-8', confident: true, replacements: 0, warnings: [] });
  });

  it('a UTF-8 file cut off mid-character is UTF-8, with a warning', () => {
    const bytes = utf8.subarray(0, utf8.length - 1);
    expect(article.charCodeAt(article.length - 1)).toBeGreaterThan(0x7f);
    expect(detectEncoding(bytes)).toMatchObject({
      encoding: 'utf-8',
      confident: false,
      replacements: 1,
      warnings: ['truncated'],
    });
  });

  it('an encoded surrogate in UTF-8 warns of a lone surrogate', () => {
    const bytes = splice(utf8, middle, [0xed, 0xa0, 0x80]);
    const d = detectEncoding(bytes);
    expect(d).toMatchObject({ encoding: 'utf-8', confident: false, warnings: ['lone_surrogate'] });
    expect(d.replacements).toBe(3);
  });

  it('UTF-16 with a lone surrogate or an odd last byte warns, BOM or not', () => {
    const le = encode(article, 'utf-16le', true);
    const lone = splice(le, 2 + 2 * 1000, [0x00, 0xd8]);
    expect(detectEncoding(lone)).toMatchObject({
      encoding: 'utf-16le',
      confident: false,
      warnings: ['lone_surrogate'],
    });
    const odd = encode(article, 'utf-16be').subarray(0, 2 * 500 + 1);
    expect(detectEncoding(odd)).toMatchObject({ encoding: 'utf-16be', confident: false, warnings: ['truncated'] });
    expect(detectEncoding(le)).toMatchObject({ confident: true, replacements: 0, warnings: [] });
  });

  it('GBK and Big5 files that end on a lead byte warn that they are cut off', () => {
    const gbk = encode(article, 'gb18030');
    expect(detectEncoding(gbk)).toMatchObject({ encoding: 'gb18030', confident: true, warnings: [] });
    expect(detectEncoding(gbk.subarray(0, gbk.length - 1))).toMatchObject({
      encoding: 'gb18030',
      confident: false,
      warnings: ['truncated'],
    });
    const big5 = encode(TRADITIONAL.slice(0, 2000), 'big5');
    expect(detectEncoding(big5.subarray(0, big5.length - 1))).toMatchObject({
      encoding: 'big5',
      warnings: ['truncated'],
    });
  });
});
