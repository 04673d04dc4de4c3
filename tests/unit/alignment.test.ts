import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, convertChain } from '../../main/script/convert';
import { Alignment, type AlignmentJSON } from '../../preload/contract/alignment';
import { sample } from '../helpers/data';

/** An alignment from hand-written atomic segments [srcStart, srcEnd, tgtStart, tgtEnd]. */
const aligned = (source: number, target: number, ...quads: [number, number, number, number][]) =>
  new Alignment(source, target, Int32Array.from(quads.flat()));

const segmentsOf = (a: Alignment) =>
  [...a.segments()].map((s) => [s.source.start, s.source.end, s.target.start, s.target.end]);

describe('Alignment on hand-built cases', () => {
  // "U盘好" → "隨身碟好": U盘 (2) became 隨身碟 (3); 好 maps one to one.
  const usb = aligned(3, 4, [0, 2, 0, 3]);

  it('maps offsets outside atomic segments one to one, shifted by what came before', () => {
    expect([0, 2, 3].map((x) => usb.toTarget(x))).toEqual([0, 3, 4]);
    expect([0, 3, 4].map((x) => usb.toSource(x))).toEqual([0, 2, 3]);
  });

  it('maps an offset inside an atomic segment to its start, and ranges widen to whole segments', () => {
    expect(usb.toTarget(1)).toBe(0);
    expect(usb.toSource(1)).toBe(0);
    expect(usb.toSource(2)).toBe(0);
    expect(usb.rangeToTarget({ start: 1, end: 2 })).toEqual({ start: 0, end: 3 });
    expect(usb.rangeToTarget({ start: 1, end: 1 })).toEqual({ start: 0, end: 3 });
    expect(usb.rangeToSource({ start: 1, end: 2 })).toEqual({ start: 0, end: 2 });
    expect(usb.rangeToSource({ start: 2, end: 4 })).toEqual({ start: 0, end: 3 });
    // A reversed range is taken in order.
    expect(usb.rangeToTarget({ start: 3, end: 2 })).toEqual({ start: 3, end: 4 });
  });

  it('clamps offsets outside the text', () => {
    expect(usb.toTarget(-5)).toBe(0);
    expect(usb.toTarget(99)).toBe(4);
    expect(usb.toSource(99)).toBe(3);
    expect(usb.rangeToSource({ start: -1, end: 99 })).toEqual({ start: 0, end: 3 });
  });

  it('maps through several segments, deletions and insertions', () => {
    // ab|cd|e|fg → ab|X|e|YYYfg: cd (2) became X (1); between e and f, nothing became YYY.
    const a = aligned(7, 9, [2, 4, 2, 3], [5, 5, 4, 7]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((x) => a.toTarget(x))).toEqual([0, 1, 2, 2, 3, 4, 8, 9]);
    expect([0, 2, 3, 4, 5, 6, 7, 8, 9].map((x) => a.toSource(x))).toEqual([0, 2, 4, 5, 5, 5, 5, 6, 7]);
    expect(a.rangeToTarget({ start: 5, end: 5 })).toEqual({ start: 4, end: 4 });
    expect(a.rangeToSource({ start: 5, end: 6 })).toEqual({ start: 5, end: 5 });
  });

  it('keeps surrogate pairs whole: t2s turns 㑮 into 𫝈 (one code unit becomes two) and s2t back', () => {
    const { text, alignment } = convert('a㑮b', 't2s');
    expect(text).toBe('a𫝈b');
    expect(segmentsOf(alignment)).toEqual([[1, 2, 1, 3]]);
    // Between the two halves of 𫝈 there is no source offset: it maps to the character's start.
    expect(alignment.toSource(2)).toBe(1);
    expect(alignment.rangeToSource({ start: 2, end: 3 })).toEqual({ start: 1, end: 2 });
    expect(alignment.rangeToTarget({ start: 1, end: 2 })).toEqual({ start: 1, end: 3 });
    expect(alignment.toTarget(2)).toBe(3);
    // Two code units become one; an offset between them has no place in the result.
    const back = convert('a𫝈b', 's2t');
    expect(back.text).toBe('a㑮b');
    expect(segmentsOf(back.alignment)).toEqual([[1, 3, 1, 2]]);
    expect(back.alignment.toTarget(2)).toBe(1);
    expect(back.alignment.rangeToTarget({ start: 2, end: 3 })).toEqual({ start: 1, end: 2 });
    // A pair that stays the same is atomic too, so no offset ever splits it.
    const kept = convert('𫝈好', 't2s');
    expect(segmentsOf(kept.alignment)).toEqual([[0, 2, 0, 2]]);
    expect(kept.alignment.toTarget(1)).toBe(0);
    expect([...kept.alignment.segments()][0]!.changed).toBe(false);
  });
});

describe('Alignment.compose', () => {
  it('keeps adjacent length-changing segments apart', () => {
    // Step 1: "ab" → "xyzb" (a → xyz); step 2: "xyzb" → "xyzcc" (b → cc). They touch at middle offset 3.
    const first = aligned(2, 4, [0, 1, 0, 3]);
    const second = aligned(4, 5, [3, 4, 3, 5]);
    const c = first.compose(second);
    expect(segmentsOf(c)).toEqual([
      [0, 1, 0, 3],
      [1, 2, 3, 5],
    ]);
    // The offset between them maps exactly, not to the start of a merged segment.
    expect(c.toTarget(1)).toBe(3);
    expect(c.toSource(3)).toBe(1);
    expect(c.rangeToTarget({ start: 1, end: 2 })).toEqual({ start: 3, end: 5 });
  });

  it('keeps adjacent segments of the first step apart, and a second-step segment before them', () => {
    // Step 1: "abc" → "xxyyc" (a → xx, b → yy, touching at middle offset 2); step 2 only c → zzz.
    const first = aligned(3, 5, [0, 1, 0, 2], [1, 2, 2, 4]);
    const c = first.compose(aligned(5, 7, [4, 5, 4, 7]));
    expect(segmentsOf(c)).toEqual([
      [0, 1, 0, 2],
      [1, 2, 2, 4],
      [2, 3, 4, 7],
    ]);
    expect(c.toTarget(1)).toBe(2);
    // Step 2 first: "ab" → "xb" → (x → yy) "yyb"... then step 1's b → zz after it, touching.
    const d = aligned(2, 3, [1, 2, 1, 3]).compose(aligned(3, 4, [0, 1, 0, 2]));
    expect(segmentsOf(d)).toEqual([
      [0, 1, 0, 2],
      [1, 2, 2, 4],
    ]);
    expect(d.toSource(2)).toBe(1);
  });

  it('merges segments that overlap in the middle text into one', () => {
    // Step 1 turns "ab" into "xy" and "c" into "zz"; step 2 turns "yzz" (across both) into "W".
    const first = aligned(3, 4, [0, 1, 0, 1], [2, 3, 2, 4]);
    const second = aligned(4, 2, [1, 4, 1, 2]);
    const c = first.compose(second);
    expect(segmentsOf(c)).toEqual([
      [0, 1, 0, 1],
      [1, 3, 1, 2],
    ]);
    expect(c.toTarget(2)).toBe(1);
    expect(c.toTarget(3)).toBe(2);
  });

  it('refuses alignments whose texts do not meet', () => {
    expect(() => aligned(2, 3).compose(aligned(4, 4))).toThrow(/lengths differ/);
  });
});

describe('Alignment.fromJSON', () => {
  const good: AlignmentJSON = { v: 1, source: 5, target: 6, runs: [1, 2, 3, 1] };

  it('rebuilds what toJSON wrote', () => {
    const a = Alignment.fromJSON(good);
    expect(a.toJSON()).toEqual(good);
    expect(segmentsOf(a)).toEqual([[1, 3, 1, 4]]);
  });

  it.each<[string, AlignmentJSON]>([
    ['lengths that disagree with the runs', { v: 1, source: 5, target: 7, runs: [1, 2, 3, 1] }],
    ['segments past the end of the texts', { v: 1, source: 1, target: 1, runs: [0, 2, 2, 1] }],
    ['a run cut short', { v: 1, source: 5, target: 6, runs: [1, 2, 3] }],
    ['a negative gap', { v: 1, source: 5, target: 6, runs: [-1, 3, 4, 1] }],
    ['a fractional length', { v: 1, source: 5, target: 6, runs: [1, 1.5, 2.5, 1] }],
    ['a flag that is not 0 or 1', { v: 1, source: 5, target: 6, runs: [1, 2, 3, 2] }],
    ['another version', { v: 2 as 1, source: 5, target: 6, runs: [1, 2, 3, 1] }],
  ])('refuses %s', (_, json) => {
    expect(() => Alignment.fromJSON(json)).toThrow(/Alignment.fromJSON/);
  });
});

/** A random alignment: pieces that are one to one (equal lengths) or atomic (any lengths). */
const alignmentArb = (sourceLength?: number) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 1, max: 4 }).map((n) => ({ atomic: false, s: n, t: n })),
        // Conversions never delete or insert: every atomic segment has text on both sides.
        fc
          .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
          .map(([s, t]) => ({ atomic: true, s, t })),
      ),
      { maxLength: 12 },
    )
    .map((pieces) => {
      let src = 0;
      let tgt = 0;
      const quads: number[] = [];
      for (const p of pieces) {
        if (p.atomic) quads.push(src, src + p.s, tgt, tgt + p.t);
        src += p.s;
        tgt += p.t;
      }
      const tail = sourceLength === undefined ? 0 : Math.max(0, sourceLength - src);
      return new Alignment(src + tail, tgt + tail, Int32Array.from(quads));
    });

/** Offsets that are not strictly inside any atomic segment: they map exactly. */
function boundaries(a: Alignment): number[] {
  const inside = new Set<number>();
  for (const s of a.segments()) for (let x = s.source.start + 1; x < s.source.end; x++) inside.add(x);
  return Array.from({ length: a.sourceLength + 1 }, (_, x) => x).filter((x) => !inside.has(x));
}

describe('Alignment properties', () => {
  it('is monotone, maps ends to ends, and survives JSON', () => {
    fc.assert(
      fc.property(alignmentArb(), (a) => {
        expect(a.toTarget(0)).toBe(0);
        expect(a.toTarget(a.sourceLength)).toBe(a.targetLength);
        const b = Alignment.fromJSON(JSON.parse(JSON.stringify(a.toJSON())) as AlignmentJSON);
        for (let x = 0; x <= a.sourceLength; x++) {
          if (x > 0) expect(a.toTarget(x)).toBeGreaterThanOrEqual(a.toTarget(x - 1));
          expect(b.toTarget(x)).toBe(a.toTarget(x));
          const r = a.rangeToTarget({ start: x, end: x });
          expect(r.start).toBeLessThanOrEqual(r.end);
        }
        for (let y = 0; y <= a.targetLength; y++) expect(b.toSource(y)).toBe(a.toSource(y));
        // Exact offsets go there and back.
        for (const x of boundaries(a)) {
          const y = a.toTarget(x);
          expect(a.rangeToSource(a.rangeToTarget({ start: x, end: x }))).toEqual({ start: x, end: x });
          expect(a.toSource(y)).toBeLessThanOrEqual(x);
        }
      }),
    );
  });

  it('composes like mapping through both steps, wherever the composition is exact', () => {
    fc.assert(
      fc.property(
        alignmentArb().chain((a) => alignmentArb(a.targetLength).map((b) => [a, b] as const)),
        ([a, b0]) => {
          // The second step must start from the first one's result.
          fc.pre(b0.sourceLength === a.targetLength);
          const c = a.compose(b0);
          expect(c.sourceLength).toBe(a.sourceLength);
          expect(c.targetLength).toBe(b0.targetLength);
          for (const x of boundaries(c)) expect(c.toTarget(x)).toBe(b0.toTarget(a.toTarget(x)));
        },
      ),
    );
  });

  it('on real conversions, segments partition both texts and compose through a chain', () => {
    const text = sample('000');
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.integer({ min: 1, max: 200 }), (at, length) => {
        const source = text.slice(at, at + length);
        const steps = convert(source, 's2t');
        const chain = convertChain(source, ['s2t', 't2tw']);
        expect(chain.alignment.sourceLength).toBe(source.length);
        expect(chain.alignment.targetLength).toBe(chain.text.length);
        const parts = [...chain.alignment.segments({ source, target: chain.text })];
        expect(parts.map((p) => source.slice(p.source.start, p.source.end)).join('')).toBe(source);
        expect(parts.map((p) => chain.text.slice(p.target.start, p.target.end)).join('')).toBe(chain.text);
        for (const p of parts) {
          const same = source.slice(p.source.start, p.source.end) === chain.text.slice(p.target.start, p.target.end);
          expect(p.changed).toBe(!same);
        }
        const second = convert(steps.text, 't2tw');
        expect(second.text).toBe(chain.text);
        for (const x of boundaries(chain.alignment)) {
          expect(chain.alignment.toTarget(x)).toBe(second.alignment.toTarget(steps.alignment.toTarget(x)));
        }
      }),
      { numRuns: 60 },
    );
  });
});
