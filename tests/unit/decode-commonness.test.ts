import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, type TextEncodingName } from '../../main/library/decode';
import { legacyScores } from '../../main/library/encoding-scores';
import { commonness } from '../../main/library/hanzi-frequency';

/**
 * The hanzi-commonness rule of decode.ts pinned near each of its thresholds
 * (COMMONNESS_MIN_DISTINCT 8, COMMONNESS_FLOOR 3.5, COMMONNESS_MARGIN 1, COMMONNESS_DAMAGE_SHARE
 * 0.02, and the rule that the byte rows being sure of another reading means asking). The inputs
 * are byte pairs that read as a hanzi in both GBK and Big5, chosen by how common each reading is,
 * so that only the commonness of the readings decides.
 */

/** ln(1 + count) of a hanzi, as the detector sees it. */
const logCount = (ch: string) => commonness(ch)?.mean ?? Number.NaN;

interface Pair {
  bytes: [number, number];
  /** The GBK reading's and the Big5 reading's ln(count). */
  gbk: number;
  big5: number;
}

/**
 * Leads B0–C5 with trails A1–FE: a GB2312 hanzi in GBK and one of Big5's frequent hanzi, so
 * that both byte scores are 1 (with fewer than 12 pairs Big5's GBK-shape rule stays off) and
 * the byte rows are never sure.
 */
const PAIRS: Pair[] = [];
for (let lead = 0xb0; lead <= 0xc5; lead++) {
  for (let trail = 0xa1; trail <= 0xfe; trail++) {
    const b = Buffer.from([lead, trail]);
    const g = iconv.decode(b, 'gbk');
    const t = iconv.decode(b, 'big5');
    if (g.length === 1 && t.length === 1) PAIRS.push({ bytes: [lead, trail], gbk: logCount(g), big5: logCount(t) });
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const bytesOf = (pairs: Pair[], extra: number[] = []) => new Uint8Array([...pairs.flatMap((p) => p.bytes), ...extra]);

/** `n` consecutive pairs of `pool` (sorted by `key`) whose mean `key` is nearest `target`. */
function nearest(pool: Pair[], n: number, key: (p: Pair) => number, target: number): Pair[] {
  const sorted = [...pool].sort((a, b) => key(a) - key(b));
  let best = sorted.slice(0, n);
  for (let i = 1; i + n <= sorted.length; i++) {
    const w = sorted.slice(i, i + n);
    if (Math.abs(mean(w.map(key)) - target) < Math.abs(mean(best.map(key)) - target)) best = w;
  }
  expect(Math.abs(mean(best.map(key)) - target)).toBeLessThan(0.02);
  return best;
}

/** GBK's reading is common, Big5's rare: the commonness rule, when it applies, says GBK. */
const CLEAR = PAIRS.filter((p) => p.gbk >= 5 && p.gbk - p.big5 >= 2).sort((a, b) => b.gbk - a.gbk);

const score = (bytes: Uint8Array, e: TextEncodingName) => legacyScores(bytes).find(([x]) => x === e)?.[1];
/** Both byte scores are 1 and tie: the byte rows alone would ask. */
const bytesUnsure = (bytes: Uint8Array) => {
  expect(score(bytes, 'gb18030')).toBe(1);
  expect(score(bytes, 'big5')).toBe(1);
};

describe('detectEncoding by hanzi commonness, near its thresholds', () => {
  it('has pairs enough to build every row', () => {
    expect(PAIRS.length).toBeGreaterThan(1500);
    expect(CLEAR.length).toBeGreaterThan(60);
  });

  it('7 different hanzi are too few to judge by; 8 are enough', () => {
    const seven = bytesOf(CLEAR.slice(0, 7));
    bytesUnsure(seven);
    expect(detectEncoding(seven)).toMatchObject({ confident: false, candidates: ['gb18030', 'big5'] });
    // Repeating one does not make it eight.
    expect(detectEncoding(bytesOf([...CLEAR.slice(0, 7), CLEAR[0] as Pair])).confident).toBe(false);
    const eight = bytesOf(CLEAR.slice(0, 8));
    bytesUnsure(eight);
    expect(detectEncoding(eight)).toMatchObject({ encoding: 'gb18030', confident: true });
  });

  it('GBK leading Big5 by 0.95 in mean ln(count) asks; by 1.05 decides', () => {
    const pool = PAIRS.filter((p) => p.gbk >= 4.5);
    const d = (p: Pair) => p.gbk - p.big5;
    const below = bytesOf(nearest(pool, 8, d, 0.95));
    bytesUnsure(below);
    expect(detectEncoding(below).confident).toBe(false);
    const above = bytesOf(nearest(pool, 8, d, 1.05));
    bytesUnsure(above);
    expect(detectEncoding(above)).toMatchObject({ encoding: 'gb18030', confident: true });
  });

  it('hanzi with mean ln(count) 3.45 are too rare for prose; 3.55 are not', () => {
    const pool = PAIRS.filter((p) => p.gbk - p.big5 >= 1.5);
    const g = (p: Pair) => p.gbk;
    const below = bytesOf(nearest(pool, 8, g, 3.45));
    expect(detectEncoding(below).confident).toBe(false);
    const above = bytesOf(nearest(pool, 8, g, 3.55));
    expect(detectEncoding(above)).toMatchObject({ encoding: 'gb18030', confident: true });
  });

  it('a reading with one private-use character in 49 hanzi is damaged; in 50 it is prose', () => {
    // A1 40: GBK's user-defined area (private use); Big5's U+3000. Its trail keeps Big5's GBK-shape rule off.
    const privateUse = [0xa1, 0x40];
    expect(iconv.decode(Buffer.from(privateUse), 'gbk').charCodeAt(0)).toBeGreaterThanOrEqual(0xe000);
    const fortyNine = bytesOf(CLEAR.slice(0, 49), privateUse);
    expect(detectEncoding(fortyNine).confident).toBe(false);
    const fifty = bytesOf(CLEAR.slice(0, 50), privateUse);
    expect(score(fifty, 'gb18030')! - score(fifty, 'big5')!).toBeLessThan(0.2);
    expect(detectEncoding(fifty)).toMatchObject({ encoding: 'gb18030', confident: true });
  });

  it('when the byte rows are sure of Big5 but the hanzi say GBK, it asks, GBK first', () => {
    // Lead A4–A8 (GB2312's kana, Greek, Cyrillic and pinyin rows) are Big5 hanzi: rare rows for
    // GBK's score, frequent ones for Big5's. Choose those whose Big5 hanzi are rare.
    const symbols: Pair[] = [];
    for (let trail = 0xa1; trail <= 0xf3 && symbols.length < 10; trail++) {
      const b = Buffer.from([0xa4, trail]);
      const t = iconv.decode(b, 'big5');
      if (t.length === 1 && logCount(t) < 2) symbols.push({ bytes: [0xa4, trail], gbk: 0, big5: logCount(t) });
    }
    // One pair with a low trail byte (a frequent hanzi in Big5, a GBK extension one) keeps the GBK-shape rule off.
    const lowTrail = [0xb0, 0x40];
    expect(commonness(iconv.decode(Buffer.from(lowTrail), 'gbk'))?.hanzi).toBe(1);
    const bytes = bytesOf([...CLEAR.slice(0, 8), ...symbols], lowTrail);
    expect(score(bytes, 'big5')).toBeGreaterThanOrEqual(0.8);
    expect(score(bytes, 'big5')! - score(bytes, 'gb18030')!).toBeGreaterThanOrEqual(0.2);
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'gb18030', confident: false });
    expect(detectEncoding(bytes).candidates).toEqual(expect.arrayContaining(['gb18030', 'big5']));
  });
});

describe('GBK byte rows that are text', () => {
  it('box drawing (A9A4–A9EF) counts as common, the rest of row A9 does not', () => {
    const table = iconv.encode('┌──┬──┐│表│格│└──┴──┘', 'gbk');
    expect(score(new Uint8Array(table), 'gb18030')).toBe(1);
    expect(score(new Uint8Array([0xa9, 0xa3, 0xa9, 0xf0]), 'gb18030')).toBe(0);
  });

  it('a well-formed GB18030 four-byte sequence counts as common, a malformed one does not', () => {
    const nbsp = new Uint8Array(iconv.encode('a\u00a0b', 'gb18030'));
    expect([...nbsp.subarray(1, 5)]).toEqual([0x81, 0x30, 0x84, 0x32]);
    expect(score(nbsp, 'gb18030')).toBe(1);
    expect(score(new Uint8Array([0x81, 0x30, 0x41, 0x36, 0x41]), 'gb18030')).toBe(0);
  });
});
