import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, type AnchorResult } from '../../main/annotations/anchor';
import { CONTEXT_LENGTH, describe, type TextAnchor } from '../../main/annotations/quote-selector';
import { sample } from '../helpers/data';

const SEEDS = ['000', '001', '003'] as const;
const texts = Object.fromEntries(SEEDS.map((k) => [k, sample(k)])) as Record<(typeof SEEDS)[number], string>;
const simplified = texts['000'];

/** A lone (unpaired) surrogate anywhere in the string. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `offset` falls between the halves of a surrogate pair. */
const splitsPair = (text: string, offset: number): boolean =>
  offset > 0 &&
  offset < text.length &&
  /[\uD800-\uDBFF]/.test(text.charAt(offset - 1)) &&
  /[\uDC00-\uDFFF]/.test(text.charAt(offset));

/** The offset of `needle` in `text`, asserting it occurs exactly once. */
function uniqueIndex(text: string, needle: string): number {
  const i = text.indexOf(needle);
  expect(i).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, i + 1)).toBe(-1);
  return i;
}

/** The selector for the one occurrence of `quote` in `text`. */
function selectorFor(text: string, quote: string): TextAnchor {
  const i = uniqueIndex(text, quote);
  return describe(text, i, i + quote.length);
}

function moved(result: AnchorResult): { start: number; end: number; score: number } {
  if (result.status !== 'moved') throw new Error(`expected moved, got ${JSON.stringify(result)}`);
  return result;
}

const PARAGRAPH = '编者按:本文在转载时补充了一段说明,以便读者了解背景。\n\n';

suite('describe', () => {
  it('takes the quote and up to 32 code units of context on each side', () => {
    const quote = '北京大学互联网发展研究中心';
    const i = uniqueIndex(simplified, quote);
    const sel = describe(simplified, i, i + quote.length);
    expect(sel).toEqual({
      start: i,
      end: i + quote.length,
      exact: quote,
      prefix: simplified.slice(i - 32, i),
      suffix: simplified.slice(i + quote.length, i + quote.length + 32),
    });
    expect(sel.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(sel.prefix.endsWith('来自')).toBe(true);
    expect(sel.suffix.startsWith('发布的在线会议研究报告')).toBe(true);
  });

  it('shortens the context at the edges of the text', () => {
    const head = describe(simplified, 4, 6);
    expect(head.prefix).toBe(simplified.slice(0, 4));
    const n = simplified.length;
    const tail = describe(simplified, n - 3, n - 1);
    expect(tail.suffix).toBe(simplified.slice(n - 1));
    expect(describe(simplified, 0, n).prefix).toBe('');
    expect(describe(simplified, 0, n).suffix).toBe('');
  });

  it('orders and clamps the offsets', () => {
    const t = texts['003'];
    expect(describe(t, 60, 40)).toEqual(describe(t, 40, 60));
    const clamped = describe(t, -10, 5);
    expect(clamped.start).toBe(0);
    expect(clamped.exact).toBe(t.slice(0, 5));
    const past = describe(t, t.length - 2, t.length + 100);
    expect(past.end).toBe(t.length);
    expect(past.exact).toBe(t.slice(-2));
  });

  it('never splits a surrogate pair (𠮷 is two code units)', () => {
    const t = '𠮷' + '一'.repeat(31) + '二三' + '四'.repeat(31) + '𠮷';
    // The prefix window would open on the second half of the first 𠮷: it takes one unit less.
    const sel = describe(t, 33, 35);
    expect(sel.exact).toBe('二三');
    expect(sel.prefix).toBe('一'.repeat(31));
    expect(sel.suffix).toBe('四'.repeat(31));
    // A range starting or ending inside 𠮷 grows to the whole character.
    expect(describe(t, 1, 3)).toMatchObject({ start: 0, end: 3, exact: '𠮷一' });
    expect(describe(t, t.length - 3, t.length - 1)).toMatchObject({ end: t.length, exact: '四𠮷' });
    expect(describe(t, 1, 1)).toMatchObject({ start: 0, end: 2, exact: '𠮷' });
  });

  it('gives well-formed quote and context for any range (property)', () => {
    const chars = fc.constantFrom(...'腾讯產業𠮷𩸽的。'.split(/(?:)/u));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (cs, x, y) => {
        const t = cs.join('');
        const sel = describe(t, x % (t.length + 1), y % (t.length + 1));
        expect(sel.exact).toBe(t.slice(sel.start, sel.end));
        expect(t.slice(0, sel.start).endsWith(sel.prefix)).toBe(true);
        expect(t.startsWith(sel.suffix, sel.end)).toBe(true);
        expect(sel.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(sel.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(sel.prefix.length).toBeGreaterThanOrEqual(Math.min(sel.start, CONTEXT_LENGTH - 1));
        for (const s of [sel.exact, sel.prefix, sel.suffix]) expect(s).not.toMatch(LONE_SURROGATE);
      }),
    );
  });
});

suite('anchor', () => {
  it('keeps the offsets of every range in an unchanged text (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.nat(), fc.integer({ min: 1, max: 200 }), (key, x, len) => {
        const t = texts[key];
        const start = x % (t.length - 1);
        const sel = describe(t, start, start + len);
        expect(anchor(t, sel)).toEqual({ status: 'exact', start: sel.start, end: sel.end });
      }),
      { numRuns: 300 },
    );
  });

  it('follows the words when a paragraph is inserted before them', () => {
    const sel = selectorFor(simplified, '腾讯会议一个平台');
    const edited = PARAGRAPH + simplified;
    const r = moved(anchor(edited, sel));
    expect(r.start).toBe(sel.start + PARAGRAPH.length);
    expect(r.end).toBe(sel.end + PARAGRAPH.length);
    expect(edited.slice(r.start, r.end)).toBe(sel.exact);
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('follows the words when a paragraph is removed before them (Traditional)', () => {
    const t = texts['003'];
    const sel = selectorFor(t, '騰訊就對汽車互聯網的頭部企業');
    const cut = t.indexOf('\n\n', 100);
    const edited = t.slice(0, 50) + t.slice(cut);
    const r = moved(anchor(edited, sel));
    expect(r.start).toBe(sel.start - (cut - 50));
    expect(edited.slice(r.start, r.end)).toBe(sel.exact);
  });

  suite('when the quoted words themselves are edited', () => {
    const quote = '北京大学互联网发展研究中心发布的在线会议';
    const at = simplified.indexOf(quote);
    const sel = describe(simplified, at, at + quote.length);
    /** The text with the quote replaced by `changed` and a paragraph inserted at the top. */
    const edit = (changed: string): { text: string; start: number } => ({
      text: PARAGRAPH + simplified.slice(0, at) + changed + simplified.slice(at + quote.length),
      start: at + PARAGRAPH.length,
    });
    const oneChar = '北京大学互联网发达研究中心发布的在线会议';
    const cases: [string, string][] = [
      ['one character in the middle', oneChar],
      ['two characters', '北京大学物联网发展研究中心发表的在线会议'],
      ['the first character', '南京大学互联网发展研究中心发布的在线会议'],
      ['the last character', '北京大学互联网发展研究中心发布的在线会谈'],
      ['a character inserted', '北京大学互联网发展研究中心所发布的在线会议'],
      ['a character deleted', '北京大学互联网发展研究中心发布在线会议'],
    ];
    for (const [label, changed] of cases) {
      it(`lands on the edited words: ${label}`, () => {
        expect(at).toBeGreaterThan(0);
        expect(changed).not.toBe(quote);
        const { text, start } = edit(changed);
        const r = moved(anchor(text, sel));
        expect({ start: r.start, end: r.end }).toEqual({ start, end: start + changed.length });
        expect(text.slice(r.start, r.end)).toBe(changed);
        expect(r.score).toBeGreaterThan(0.85);
        expect(r.score).toBeLessThan(1);
      });
    }

    it('scores a heavier edit lower but still finds it', () => {
      const changed = '南京大学物联网发展研究所发布的线下会议';
      const { text, start } = edit(changed);
      const r = moved(anchor(text, sel));
      expect({ start: r.start, end: r.end }).toEqual({ start, end: start + changed.length });
      const light = moved(anchor(edit(oneChar).text, sel));
      expect(r.score).toBeLessThan(light.score);
    });

    it('orphans a quote rewritten beyond half its length', () => {
      const { text } = edit('上海交通大学数字经济实验室发表的远程办公');
      expect(anchor(text, sel)).toEqual({ status: 'orphaned' });
    });
  });

  it('chooses, of two copies of the quote, the one whose context matches', () => {
    const quote = '腾讯会议一个平台';
    const sel = selectorFor(simplified, quote);
    // A copy of the quote close to the old position (so nearness favours it) but with other
    // words around it; the original is pushed far away by filler.
    const copy = `另有${quote}之说。`;
    const filler = '这是一段新增的说明文字,'.repeat(40);
    const edited = simplified.slice(0, sel.start - 100) + copy + filler + simplified.slice(sel.start - 100);
    const copyAt = sel.start - 100 + 2;
    expect(edited.slice(copyAt, copyAt + quote.length)).toBe(quote);
    const r = moved(anchor(edited, sel));
    expect(r.start).toBe(sel.start + copy.length + filler.length);
    expect(edited.slice(r.start, r.end)).toBe(quote);
  });

  it('tells repeated phrases apart by their context even when one side of it was edited', () => {
    // '产业互联网' occurs many times in the article; highlight the fifth one.
    const phrase = '产业互联网';
    let at = -1;
    for (let k = 0; k < 5; k++) at = simplified.indexOf(phrase, at + 1);
    expect(at).toBeGreaterThan(0);
    const sel = describe(simplified, at, at + phrase.length);
    // A paragraph at the top and a few words wedged right before the phrase (the prefix is gone).
    const wedge = '所谓的全新的';
    const edited = PARAGRAPH + simplified.slice(0, at) + wedge + simplified.slice(at);
    const r = moved(anchor(edited, sel));
    expect(r.start).toBe(at + PARAGRAPH.length + wedge.length);
    expect(edited.slice(r.start, r.end)).toBe(phrase);
  });

  it('prefers the quote edited in place to a verbatim copy in another paragraph', () => {
    // The article names two people with the title 腾讯云战略投资总经理; highlight the first and
    // edit its first character. The approximate search alone would only see the verbatim second.
    const quote = '腾讯云战略投资总经理';
    const first = simplified.indexOf(quote);
    const second = simplified.indexOf(quote, first + 1);
    expect(second).toBeGreaterThan(first);
    const sel = describe(simplified, first, first + quote.length);
    const edited = simplified.slice(0, first) + '鹅' + simplified.slice(first + 1);
    const r = moved(anchor(edited, sel));
    expect({ start: r.start, end: r.end }).toEqual({ start: first, end: first + quote.length });
    expect(edited.slice(r.start, r.end)).toBe('鹅讯云战略投资总经理');
  });

  it('keeps the span of a quote whose first character was edited, with its context edited too', () => {
    // The quote starts with the second of two line breaks. With 甲 for that break, the match could
    // begin on the first break (keep it, insert 甲) or on 甲 (substitute): both one edit. The
    // context, itself edited on both sides, still says where the span starts.
    const quote = '\n生态当中,与各细分产业链合作伙伴的关系';
    const at = uniqueIndex(simplified, quote);
    expect(simplified.charAt(at - 1)).toBe('\n');
    const sel = describe(simplified, at, at + quote.length);
    const end = at + quote.length;
    const edited =
      simplified.slice(0, at - 10) +
      '乙' +
      simplified.slice(at - 9, at) +
      '甲' +
      simplified.slice(at + 1, end + 10) +
      '丙' +
      simplified.slice(end + 11);
    const r = moved(anchor(edited, sel));
    expect({ start: r.start, end: r.end }).toEqual({ start: at, end });
    expect(edited.slice(r.start, r.end)).toBe('甲' + quote.slice(1));
  });

  it('lands on the edited words for any one or two changed characters (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.nat(),
        fc.integer({ min: 10, max: 40 }),
        fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 2 }),
        fc.constantFrom(...'甲乙丙丁戊'),
        (key, x, len, positions, ch) => {
          const t = texts[key];
          const start = x % (t.length - len);
          const sel = describe(t, start, start + len);
          const chars = [...sel.exact];
          for (const p of positions) chars[p % chars.length] = ch;
          const changed = chars.join('');
          fc.pre(changed !== sel.exact);
          const edited = t.slice(0, start) + changed + t.slice(sel.end);
          expect(anchor(edited, sel)).toMatchObject({ status: 'moved', start, end: start + changed.length });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not take other words that an edit shifted onto the old offsets', () => {
    // 馬化騰在 occurs at 796 and at 973; deleting the first 177 characters brings the second
    // occurrence onto the first one's old offsets. The context tells them apart.
    const t = texts['001'];
    const quote = '馬化騰在';
    const at = t.indexOf(quote, 700);
    const later = t.indexOf(quote, at + 1);
    const cut = later - at;
    const sel = describe(t, at, at + quote.length);
    const edited = t.slice(cut);
    expect(edited.slice(sel.start, sel.end)).toBe(quote);
    expect(anchor(edited, sel)).toMatchObject({ status: 'moved', start: at - cut, end: at - cut + quote.length });
  });

  it('stays exact when only the context around the quote was edited', () => {
    const sel = selectorFor(simplified, '腾讯会议一个平台');
    const edited = simplified.slice(0, sel.end) + '(据统计)' + simplified.slice(sel.end);
    expect(anchor(edited, sel)).toEqual({ status: 'exact', start: sel.start, end: sel.end });
  });

  it('uses the start of the text as context for a quote at the very top', () => {
    const t = texts['003'];
    // 產業互聯 opens the article and recurs later; the words after it are deleted, so only
    // being at the start of the text still marks the original.
    const top = describe(t, 0, 4);
    expect(top).toMatchObject({ exact: '產業互聯', prefix: '' });
    expect(t.indexOf('產業互聯', 1)).toBeGreaterThan(0);
    expect(anchor(t.slice(0, 4) + t.slice(4 + 34), top)).toEqual({ status: 'exact', start: 0, end: 4 });
    // A one-character prefix pushed away by an insertion does not outvote 32 intact characters
    // of suffix, even though a later copy is preceded by the same character.
    const second = describe(t, 1, 5);
    expect(second).toMatchObject({ exact: '業互聯網', prefix: '產' });
    const edited = t.slice(0, 1) + '补' + t.slice(1);
    expect(anchor(edited, second)).toMatchObject({ status: 'moved', start: 2, end: 6 });
  });

  it('orphans a highlight whose paragraph was deleted', () => {
    const t = texts['001'];
    const quote = '為給一家芯片企業客戶提供AI技術方案';
    const sel = selectorFor(t, quote);
    const from = t.lastIndexOf('\n\n', sel.start);
    const to = t.indexOf('\n\n', sel.end);
    const edited = t.slice(0, from) + t.slice(to);
    expect(edited).not.toContain('芯片');
    expect(anchor(edited, sel)).toEqual({ status: 'orphaned' });
  });

  it('orphans an empty quote and anything in an empty text', () => {
    expect(anchor(simplified, { start: 5, end: 5, exact: '', prefix: '', suffix: '' })).toEqual({
      status: 'orphaned',
    });
    expect(anchor('', describe(simplified, 10, 20))).toEqual({ status: 'orphaned' });
  });

  it('does not split a surrogate pair when the edit changes half of one', () => {
    // 𠮷 is D842 DFB7; 𠮹 is D842 DFB9: the same first half. A match may end after that half.
    const text = '甲'.repeat(40) + '子丑寅卯辰巳午未𠮷' + '乙'.repeat(40);
    const at = 40;
    const sel = describe(text, at, at + 10);
    expect(sel.exact).toBe('子丑寅卯辰巳午未𠮷');
    const edited = text.replace('𠮷', '𠮹');
    const r = moved(anchor(edited, sel));
    expect({ start: r.start, end: r.end }).toEqual({ start: at, end: at + 10 });
    expect(edited.slice(r.start, r.end)).toBe('子丑寅卯辰巳午未𠮹');
  });

  it('never returns offsets inside a surrogate pair, whatever the edit (property)', () => {
    const chars = fc.constantFrom(...'腾讯產業𠮷𠮹𩸽的。互联网'.split(/(?:)/u));
    const str = (max: number) => fc.array(chars, { maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(str(80), fc.nat(), fc.nat(), fc.nat(), fc.nat(20), str(10), (base, x, y, p, del, ins) => {
        fc.pre(base.length > 0);
        const sel = describe(base, x % base.length, y % base.length);
        fc.pre(sel.exact.length > 0);
        // Edit on code points so the edited text is itself well formed.
        const cps = [...base];
        const pos = p % (cps.length + 1);
        cps.splice(pos, del, ins);
        const edited = cps.join('');
        const r = anchor(edited, sel);
        if (r.status === 'orphaned') return;
        expect(r.start).toBeLessThan(r.end);
        expect(splitsPair(edited, r.start)).toBe(false);
        expect(splitsPair(edited, r.end)).toBe(false);
        if (r.status === 'moved') {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same words after an edit elsewhere in a seed article (property)', () => {
    const insertion = fc
      .array(fc.constantFrom(...'补充说明的一段文字。编者注\n'.split('')), { minLength: 1, maxLength: 120 })
      .map((cs) => cs.join(''));
    const editArb = fc.record({
      before: fc.boolean(),
      at: fc.nat(),
      del: fc.boolean(),
      size: fc.integer({ min: 1, max: 300 }),
      text: insertion,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...SEEDS),
        fc.nat(),
        fc.integer({ min: 4, max: 40 }),
        editArb,
        (key, x, len, edit) => {
          const t = texts[key];
          const start = x % (t.length - len);
          const sel = describe(t, start, start + len);
          // Pick an edit site strictly outside [start, end).
          const lo = edit.before ? 0 : sel.end;
          const hi = edit.before ? sel.start : t.length;
          const site = lo + (edit.at % (hi - lo + 1));
          let edited: string;
          let shift = 0;
          if (edit.del) {
            const from = edit.before ? Math.max(0, site - edit.size) : site;
            const to = edit.before ? site : Math.min(t.length, site + edit.size);
            edited = t.slice(0, from) + t.slice(to);
            if (edit.before) shift = -(to - from);
          } else {
            edited = t.slice(0, site) + edit.text + t.slice(site);
            if (edit.before) shift = edit.text.length;
          }
          const r = anchor(edited, sel);
          const expected = { start: sel.start + shift, end: sel.end + shift };
          if (shift === 0) expect(r).toEqual({ status: 'exact', ...expected });
          else expect(r).toMatchObject({ status: 'moved', ...expected });
          if (r.status !== 'orphaned') expect(edited.slice(r.start, r.end)).toBe(sel.exact);
        },
      ),
      { numRuns: 300 },
    );
  });

  // Its speed is measured by `npm run bench` (bench/highlights.ts), not asserted here.
  it('anchors 2,000 unchanged highlights in a 200,000-character text on their offsets', () => {
    let big = '';
    while (big.length < 200_000) big += texts['000'] + texts['001'] + texts['003'];
    big = big.slice(0, 200_000);
    const selectors: TextAnchor[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = (i * 99_991) % (big.length - 60);
      selectors.push(describe(big, start, start + 5 + (i % 50)));
    }
    const results = anchorAll(big, selectors);
    expect(results).toHaveLength(2000);
    expect(results.every((r, i) => r.status === 'exact' && r.start === selectors[i]?.start)).toBe(true);
  });
});

suite('anchorAll', () => {
  it('anchors each selector in order', () => {
    const a = selectorFor(simplified, '腾讯会议一个平台');
    const b = selectorFor(simplified, '北京大学互联网发展研究中心');
    const gone = { ...describe(simplified, 0, 4), exact: '完全不存在的引文内容', start: 0, end: 10 };
    const edited = PARAGRAPH + simplified;
    expect(anchorAll(edited, [b, gone, a])).toEqual([
      expect.objectContaining({ status: 'moved', start: b.start + PARAGRAPH.length, end: b.end + PARAGRAPH.length }),
      { status: 'orphaned' },
      expect.objectContaining({ status: 'moved', start: a.start + PARAGRAPH.length, end: a.end + PARAGRAPH.length }),
    ]);
    expect(anchorAll(simplified, [])).toEqual([]);
  });
});
