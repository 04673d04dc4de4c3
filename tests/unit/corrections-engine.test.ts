import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertChain, convertChainWithOverrides, loadConverter, type Variant } from '../../main/script/convert';
import { type Override, OverrideSet, overrideHits } from '../../main/script/opencc/overrides';
import { sample } from '../helpers/data';

/** Where the overrides land in `text` for a chain (what the engine replaced). */
function hits(text: string, chain: Variant[], overrides: Override[]) {
  const first = loadConverter(chain[0]!);
  return overrideHits(text, new OverrideSet(overrides), {
    segmentMatchAt: (inp, i, n) => first.segmentMatchAt(inp, i, n),
    convert: (part) => convertChain(part, chain),
  });
}

describe('phrase overrides in the engine', () => {
  it('fix the Taiwan-phrase 进程 → 程序 of issue 15 where they are given, and nowhere else', () => {
    const text = '产业发展进程中，历史进程不可逆。操作系统的进程管理。';
    expect(convertChain(text, ['s2twp']).text).toBe('產業發展程序中，歷史程序不可逆。作業系統的程序管理。');
    const fixed = convertChainWithOverrides(
      text,
      ['s2twp'],
      [
        { source: '发展进程', target: '發展進程' },
        { source: '历史进程', target: '歷史進程' },
      ],
    );
    // The OS process keeps OpenCC's Taiwan phrase: only the corrected phrases change.
    expect(fixed.text).toBe('產業發展進程中，歷史進程不可逆。作業系統的程序管理。');
  });

  it('fix 腾讯云云开发 in standard Traditional, and a shorter override cannot cut into a longer dictionary word', () => {
    expect(convertChain('腾讯云云开发', ['s2t']).text).toBe('騰訊云云開發');
    expect(convertChainWithOverrides('腾讯云云开发', ['s2t'], [{ source: '腾讯云', target: '騰訊雲' }]).text).toBe(
      '騰訊雲雲開發',
    );
    // An override is a segmentation key: picked where the segmenter reaches its first character.
    expect(convertChainWithOverrides('被发明', ['s2t'], [{ source: '发明', target: '發明' }]).text).toBe('被髮明');
    expect(convertChainWithOverrides('被发明', ['s2t'], [{ source: '被发明', target: '被發明' }]).text).toBe('被發明');
  });

  it('map offsets exactly: one to one where the lengths agree, the whole phrase where they do not', () => {
    const text = '买了一个U盘和移动硬盘。';
    const same = convertChainWithOverrides(text, ['s2twp'], [{ source: 'U盘', target: 'U盤' }]);
    expect(same.text).toBe('買了一個U盤和行動硬碟。');
    expect(same.alignment.rangeToTarget({ start: 5, end: 6 })).toEqual({ start: 5, end: 6 });
    const longer = convertChainWithOverrides(text, ['s2twp'], [{ source: 'U盘', target: 'USB隨身碟' }]);
    expect(longer.text).toBe('買了一個USB隨身碟和行動硬碟。');
    expect(longer.alignment.rangeToTarget({ start: 5, end: 6 })).toEqual({ start: 4, end: 10 });
    // After the phrase, offsets map as before, shifted by the length it added.
    const plain = convertChain(text, ['s2twp']);
    const after = text.indexOf('移动');
    expect(longer.alignment.toTarget(after)).toBe(
      plain.alignment.toTarget(after) + 'USB隨身碟'.length - '隨身碟'.length,
    );
  });

  it('change nothing when none of them occurs: the text and alignment are OpenCC’s', () => {
    const text = sample('000');
    for (const chain of [['s2twp'], ['s2t'], ['s2hk']] as Variant[][]) {
      const plain = convertChain(text, chain);
      const none = convertChainWithOverrides(text, chain, [{ source: '不在文中的词', target: 'X' }]);
      expect(none.text).toBe(plain.text);
      expect(none.alignment.toJSON()).toEqual(plain.alignment.toJSON());
    }
  });

  it('leave every stretch between corrections exactly as OpenCC converts it (a real article)', () => {
    const text = sample('000');
    const overrides = [{ source: '进程', target: '進程' }];
    const fixed = convertChainWithOverrides(text, ['s2twp'], overrides);
    const plain = convertChain(text, ['s2twp']);
    // OpenCC's output with each hit's two characters (程序) put back as the correction gives them.
    const at = hits(text, ['s2twp'], overrides).map(([start]) => plain.alignment.toTarget(start));
    expect(at.length).toBe(text.split('进程').length - 1);
    let expected = plain.text;
    for (const t of at) expected = expected.slice(0, t) + '進程' + expected.slice(t + 2);
    expect(fixed.text).toBe(expected);
    expect(fixed.text).not.toBe(plain.text);
  });
});

/** Text made of words OpenCC converts (with length changes, surrogate pairs and the traps). */
const WORDS = [
  '进程',
  '历史',
  '发展',
  '腾讯云',
  '云',
  '开发',
  'U盘',
  '软件',
  '被发明',
  '了解',
  '𠮷',
  '头发',
  '的',
  '。',
  'a',
  '\n',
];
const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }).map((w) => w.join(''));
const targetArb = fc
  .array(fc.constantFrom('雲', '進', '程', '𠮷', 'X', '隨身碟'), { minLength: 1, maxLength: 4 })
  .map((w) => w.join(''));

describe('phrase overrides: properties', () => {
  it('keep every highlight on its words: hits become their targets, the rest maps to what OpenCC gives it', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 4 }), targetArb), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<Variant[]>(['s2twp'], ['s2t'], ['s2hk'], ['s2tw']),
        fc.tuple(fc.nat(), fc.nat()),
        (text, picks, chain, [a, b]) => {
          // Override sources are pieces of the text (without line breaks), so they occur.
          const overrides: Override[] = [];
          for (const [at, len, target] of picks) {
            const start = at % text.length;
            const source = text.slice(start, start + len);
            if (source.length > 0 && !source.includes('\n')) overrides.push({ source, target });
          }
          const result = convertChainWithOverrides(text, chain, overrides);
          const { alignment } = result;
          expect(alignment.sourceLength).toBe(text.length);
          expect(alignment.targetLength).toBe(result.text.length);
          // Each override hit maps exactly onto its target text.
          for (const [start, o] of hits(text, chain, overrides)) {
            const t = alignment.rangeToTarget({ start, end: start + o.source.length });
            expect(result.text.slice(t.start, t.end)).toBe(o.target);
            expect(alignment.rangeToSource(t)).toEqual({ start, end: start + o.source.length });
          }
          // Any highlight: mapped there and back it covers at least its words, and no more than the
          // segments it touches (mapping the widened range again gives the same target).
          const s = { start: Math.min(a, b) % (text.length + 1), end: Math.max(a, b) % (text.length + 1) };
          const range = s.start <= s.end ? s : { start: s.end, end: s.start };
          const t = alignment.rangeToTarget(range);
          const back = alignment.rangeToSource(t);
          expect(back.start).toBeLessThanOrEqual(range.start);
          expect(back.end).toBeGreaterThanOrEqual(range.end);
          expect(alignment.rangeToTarget(back)).toEqual(t);
          // No offset maps into the middle of a surrogate pair (𠮷 is one character).
          const inPair = (s: string, at: number) =>
            at > 0 &&
            at < s.length &&
            (s.charCodeAt(at) & 0xfc00) === 0xdc00 &&
            (s.charCodeAt(at - 1) & 0xfc00) === 0xd800;
          for (let o = 0; o <= text.length; o++) {
            if (!inPair(text, o)) expect(inPair(result.text, alignment.toTarget(o))).toBe(false);
          }
          // Line breaks stay where they were (paragraphs keep their words).
          expect(result.text.split('\n').length).toBe(text.split('\n').length);
          // Every aligned segment's target is what OpenCC or the override gives its source.
          const hitAt = new Map(hits(text, chain, overrides).map(([start, o]) => [start, o]));
          for (const seg of alignment.segments({ source: text, target: result.text })) {
            const src = text.slice(seg.source.start, seg.source.end);
            const tgt = result.text.slice(seg.target.start, seg.target.end);
            const o = hitAt.get(seg.source.start);
            if (o && o.source === src) expect(tgt).toBe(o.target);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
