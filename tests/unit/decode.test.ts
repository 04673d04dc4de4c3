import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding, looksBinary, type TextEncodingName } from '../../main/library/decode';
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
