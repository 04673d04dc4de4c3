import fc from 'fast-check';
import JSON5 from 'json5';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Alignment } from '../../preload/contract/alignment';
import { CONVERSION_VARIANTS } from '../../preload/contract/scripts';
import { convert, convertChain, loadConverter, type Variant } from '../../main/script/convert';
import { ROOT, sample } from '../helpers/data';

/** OpenCC's own test suite, read from the shared folder (never copied into the project). */
const SUITE = join(ROOT, '..', 'shared', 'opencc', 'testcases.json');
interface SuiteCase {
  id: string;
  input: string;
  expected: Record<string, string>;
}
const suite: SuiteCase[] = existsSync(SUITE)
  ? JSON5.parse<{ cases: SuiteCase[] }>(readFileSync(SUITE, 'utf8')).cases
  : [];
if (suite.length === 0) console.warn(`OpenCC's test suite is not at ${SUITE}: its cases are skipped.`);

const ALL_VARIANTS: readonly Variant[] = [...CONVERSION_VARIANTS, 'jp2t', 't2jp'];

describe.skipIf(suite.length === 0)("OpenCC's test suite", () => {
  const variantsInSuite = [...new Set(suite.flatMap((c) => Object.keys(c.expected)))].sort();

  it('covers every variant we offer', () => {
    for (const v of CONVERSION_VARIANTS) expect(variantsInSuite).toContain(v);
  });

  it.each(variantsInSuite)('%s: every case gives OpenCC’s output', (variant) => {
    const cases = suite.filter((c) => variant in c.expected);
    expect(cases.length).toBeGreaterThan(0);
    const failures = cases
      .map((c) => ({
        id: c.id,
        input: c.input,
        expected: c.expected[variant],
        got: convert(c.input, variant as Variant).text,
      }))
      .filter((r) => r.got !== r.expected);
    expect(failures).toEqual([]);
  });
});

describe('phrase-level conversion', () => {
  it.each([
    ['s2t', '头发和发展', '頭髮和發展'],
    ['s2t', '干燥的干部', '乾燥的幹部'],
    ['s2t', '皇后之后', '皇后之後'],
    ['s2t', '为了着想', '爲了着想'],
    ['s2tw', '为了着想', '為了著想'],
    ['s2twp', '软件程序', '軟體程式'],
    ['s2twp', 'U盘和方便面', '隨身碟和泡麵'],
    ['tw2sp', '軟體程式隨身碟', '软件程序U盘'],
    ['s2hk', '说着', '説着'],
    ['t2s', '騰訊產業互聯網', '腾讯产业互联网'],
  ] as const)('%s: %s → %s', (variant, input, output) => {
    expect(convert(input, variant).text).toBe(output);
  });
});

describe('alignment', () => {
  it('maps offsets through a longer replacement (U盘 → 隨身碟) and back', () => {
    const { text, alignment } = convert('买U盘了', 's2twp');
    expect(text).toBe('買隨身碟了');
    expect([0, 1, 3, 4].map((o) => alignment.toTarget(o))).toEqual([0, 1, 4, 5]);
    expect([0, 1, 4, 5].map((o) => alignment.toSource(o))).toEqual([0, 1, 3, 4]);
    // Inside the segment: a point goes to its start, a range to the whole segment.
    expect(alignment.toTarget(2)).toBe(1);
    expect(alignment.rangeToTarget({ start: 2, end: 3 })).toEqual({ start: 1, end: 4 });
    expect(alignment.rangeToSource({ start: 2, end: 3 })).toEqual({ start: 1, end: 3 });
    expect(alignment.rangeToTarget({ start: 0, end: 1 })).toEqual({ start: 0, end: 1 });
  });

  it('maps offsets through a shorter replacement (方便面 → 泡麵)', () => {
    const { text, alignment } = convert('吃方便面吧', 's2twp');
    expect(text).toBe('吃泡麵吧');
    expect(alignment.rangeToTarget({ start: 1, end: 4 })).toEqual({ start: 1, end: 3 });
    expect(alignment.rangeToTarget({ start: 2, end: 3 })).toEqual({ start: 1, end: 3 });
    expect(alignment.rangeToSource({ start: 2, end: 3 })).toEqual({ start: 1, end: 4 });
    expect(alignment.toTarget(4)).toBe(3);
    expect(alignment.toSource(4)).toBe(5);
  });

  it('never splits a surrogate pair', () => {
    const input = '𠮷野家的㑮字';
    for (const variant of ['s2t', 't2s', 's2twp'] as const) {
      const { text, alignment } = convert(input, variant);
      for (let o = 0; o <= input.length; o++) {
        expect(isInsidePair(text, alignment.toTarget(o))).toBe(false);
        const r = alignment.rangeToTarget({ start: o, end: o });
        expect(isInsidePair(text, r.end)).toBe(false);
      }
      for (let o = 0; o <= text.length; o++) expect(isInsidePair(input, alignment.toSource(o))).toBe(false);
    }
    // t2s turns 㑮 (BMP) into 𫝈 (a surrogate pair): one source unit, two target units.
    const { text, alignment } = convert('㑮', 't2s');
    expect(text).toBe('𫝈');
    expect(alignment.rangeToTarget({ start: 0, end: 1 })).toEqual({ start: 0, end: 2 });
    expect(alignment.toSource(1)).toBe(0);
  });

  it('composes through a chain of conversions (hk2t then t2tw)', () => {
    const input = '為了説明香港的衞生';
    const direct = convertChain(input, ['hk2t', 't2tw']);
    expect(direct.text).toBe(convert(convert(input, 'hk2t').text, 't2tw').text);
    expect(direct.alignment.sourceLength).toBe(input.length);
    expect(direct.alignment.targetLength).toBe(direct.text.length);
  });

  it('round-trips through JSON', () => {
    const { alignment } = convert('软件U盘方便面𠮷', 's2twp');
    const back = Alignment.fromJSON(JSON.parse(JSON.stringify(alignment)) as ReturnType<Alignment['toJSON']>);
    for (let o = 0; o <= alignment.sourceLength; o++) expect(back.toTarget(o)).toBe(alignment.toTarget(o));
    for (let o = 0; o <= alignment.targetLength; o++) expect(back.toSource(o)).toBe(alignment.toSource(o));
  });

  it('marks the segments whose text changed, words as well as characters', () => {
    const input = '好软件U盘';
    const { text, alignment } = convert(input, 's2twp');
    const changed = [...alignment.segments({ source: input, target: text })]
      .filter((s) => s.changed)
      .map((s) => [input.slice(s.source.start, s.source.end), text.slice(s.target.start, s.target.end)]);
    expect(changed).toEqual([
      ['软件', '軟體'],
      ['U盘', '隨身碟'],
    ]);
  });
});

function isInsidePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && (before & 0xfc00) === 0xd800 && (after & 0xfc00) === 0xdc00;
}

describe('the seeds', () => {
  /** Code points that differ between two texts of the same length, as "from→to" with counts. */
  function differences(a: string, b: string): Record<string, number> {
    const x = [...a];
    const y = [...b];
    expect(y.length).toBe(x.length);
    const out: Record<string, number> = {};
    x.forEach((ch, i) => {
      if (ch !== y[i]) out[`${ch}→${y[i]}`] = (out[`${ch}→${y[i]}`] ?? 0) + 1;
    });
    return out;
  }

  it('seed 003 to Simplified and back gives the original except where one Simplified form has two Traditional ones', () => {
    const original = sample('003');
    const back = convert(convert(original, 't2s').text, 's2t').text;
    expect(differences(original, back)).toEqual({
      // The seed uses Taiwan's 裡 and 峰 inside OpenCC-standard text; s2t writes the standard 裏 and 峯.
      '裡→裏': 4,
      '峰→峯': 2,
      // 涌 is both a Simplified form of 湧 and a character of its own; s2t reads it as 湧 here.
      '涌→湧': 1,
      // OpenCC's standard forms keep 喫 for eating in 喫喝玩樂.
      '吃→喫': 1,
      // The seed writes 短短几年 with the Simplified 几; its Traditional is 幾.
      '几→幾': 1,
    });
  });

  it('seed 000 to Traditional and back reproduces it but for one 藉/借 choice', () => {
    const original = sample('000');
    const back = convert(convert(original, 's2t').text, 't2s').text;
    // 藉由 is Traditional usage that t2s normalises to 借由.
    expect(differences(original, back)).toEqual({ '藉→借': 1 });
  });

  it('converting each seed keeps its length in lines and its attribution lines', () => {
    for (const [prefix, variant] of [
      ['000', 's2twp'],
      ['001', 'tw2s'],
      ['003', 't2s'],
    ] as const) {
      const original = sample(prefix);
      const { text, alignment } = convert(original, variant);
      expect(text.split('\n').length).toBe(original.split('\n').length);
      expect(alignment.sourceLength).toBe(original.length);
      expect(alignment.targetLength).toBe(text.length);
    }
    expect(convert(sample('003'), 't2s').text).toContain('腾讯');
  });
});

describe('alignment properties on random Chinese text', () => {
  // Pieces that hit phrases, length changes, surrogate pairs and plain characters.
  const pieces = [
    'U盘',
    '方便面',
    '头发',
    '发展',
    '干燥',
    '干部',
    '皇后',
    '之后',
    '软件',
    '程序',
    '鼠标',
    '打印机',
    '𠮷',
    '𫝈',
    '㑮',
    '為',
    '爲',
    '着',
    '著',
    '説',
    '說',
    '裡',
    '裏',
    '隨身碟',
    '泡麵',
    '軟體',
    '腾讯',
    '騰訊',
    '了',
    '的',
    '发',
    '后',
    '面',
    '干',
    '里',
    '台',
    '，',
    '。',
    'a',
    ' ',
    '\n',
  ];
  const chinese = fc.oneof(
    fc.constantFrom(...pieces),
    fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
  );
  const text = fc.array(chinese, { maxLength: 40 }).map((a) => a.join(''));
  const variant = fc.constantFrom<Variant>(...ALL_VARIANTS.filter((v) => !v.includes('jp')));
  const runs = { numRuns: 300 };

  it('is monotone and covers both texts', () => {
    fc.assert(
      fc.property(text, variant, (input, v) => {
        const { text: out, alignment } = convert(input, v);
        expect(alignment.toTarget(0)).toBe(0);
        expect(alignment.toTarget(input.length)).toBe(out.length);
        expect(alignment.toSource(out.length)).toBe(input.length);
        for (let o = 1; o <= input.length; o++)
          expect(alignment.toTarget(o)).toBeGreaterThanOrEqual(alignment.toTarget(o - 1));
        for (let o = 1; o <= out.length; o++)
          expect(alignment.toSource(o)).toBeGreaterThanOrEqual(alignment.toSource(o - 1));
      }),
      runs,
    );
  });

  it('rangeToSource(rangeToTarget(r)) contains r', () => {
    fc.assert(
      fc.property(text, variant, fc.nat(), fc.nat(), (input, v, a, b) => {
        const { alignment } = convert(input, v);
        const n = input.length + 1;
        const r = { start: Math.min(a % n, b % n), end: Math.max(a % n, b % n) };
        const back = alignment.rangeToSource(alignment.rangeToTarget(r));
        expect(back.start).toBeLessThanOrEqual(r.start);
        expect(back.end).toBeGreaterThanOrEqual(r.end);
      }),
      runs,
    );
  });

  it('a slice cut at segment boundaries converts to the same slice of the converted whole', () => {
    fc.assert(
      fc.property(text, variant, fc.nat(), fc.nat(), (input, v, a, b) => {
        const converter = loadConverter(v);
        const { text: out, alignment } = converter.convert(input);
        const ends = [0, ...converter.segmentEnds(input)];
        const i = ends[a % ends.length] ?? 0;
        const j = ends[b % ends.length] ?? 0;
        const [from, to] = i <= j ? [i, j] : [j, i];
        const part = converter.convert(input.slice(from, to)).text;
        expect(part).toBe(out.slice(alignment.toTarget(from), alignment.toTarget(to)));
      }),
      runs,
    );
  });

  it('converting a chain equals converting step by step, with an alignment that is still monotone', () => {
    const chains: Variant[][] = [
      ['hk2t', 't2tw'],
      ['tw2t', 't2hk'],
      ['s2t', 't2s'],
    ];
    fc.assert(
      fc.property(text, fc.constantFrom(...chains), (input, chain) => {
        const { text: out, alignment } = convertChain(input, chain);
        expect(out).toBe(chain.reduce((t, v) => convert(t, v).text, input));
        expect(alignment.toTarget(input.length)).toBe(out.length);
        for (let o = 1; o <= input.length; o++)
          expect(alignment.toTarget(o)).toBeGreaterThanOrEqual(alignment.toTarget(o - 1));
      }),
      { numRuns: 100 },
    );
  });
});
