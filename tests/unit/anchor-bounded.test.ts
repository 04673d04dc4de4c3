import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { anchor } from '../../main/annotations/anchor';
import { MAX_SCORED } from '../../main/annotations/candidates';
import { CONTEXT_LENGTH, describe } from '../../main/annotations/quote-selector';

/**
 * Re-anchoring a common quote scores a shortlist, not every copy (issue 13): these check that
 * the shortlist still holds the right copy. Speed is measured by `npm run bench` (bench/heavy.ts).
 */

const POOL = [...'天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜'];
const QUOTE = '的人';
const COPIES = 5000;

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = (next: () => number) => POOL[Math.floor(next() * POOL.length)] ?? '天';
const filler = (next: () => number, n: number) => Array.from({ length: n }, () => pick(next)).join('');

/** `COPIES` copies of the quote, each between its own random characters; the offsets of each copy. */
function manyCopies(seed: number): { text: string; starts: number[] } {
  const next = random(seed);
  let text = '';
  const starts: number[] = [];
  for (let i = 0; i < COPIES; i++) {
    text += filler(next, 6 + Math.floor(next() * 10));
    starts.push(text.length);
    text += QUOTE;
  }
  return { text: text + filler(next, 40), starts };
}

/** `text` with the unit at `at` replaced by one from the pool that differs from it. */
function changeAt(text: string, at: number): string {
  const old = text[at];
  const replacement = POOL.find((c) => c !== old) ?? '改';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

suite('anchor with thousands of verbatim copies of the quote', () => {
  it('finds the one copy whose context was lightly edited on both sides, far from its old offsets (property)', () => {
    const side = fc.array(fc.integer({ min: 0, max: CONTEXT_LENGTH - 1 }), { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: COPIES - 1 }),
        side,
        side,
        fc.integer({ min: 200, max: 5000 }),
        (seed, which, before, after, inserted) => {
          const { text, starts } = manyCopies(seed);
          const at = starts[which] ?? 0;
          const sel = describe(text, at, at + QUOTE.length);
          // Every copy is a candidate: well past what is scored in full.
          expect(starts.length).toBeGreaterThan(MAX_SCORED * 10);
          // Both sides edited: neither stored context survives whole to be found by itself.
          let edited = text;
          for (const offset of [...before.map((k) => at - 1 - k), ...after.map((k) => at + QUOTE.length + k)]) {
            if (offset >= 0 && offset < edited.length) edited = changeAt(edited, offset);
          }
          // A new paragraph at the top moves every copy, so the old offsets point at other copies.
          const top = `${filler(random(seed + 1), inserted)}\n`;
          const result = anchor(top + edited, sel);
          expect(result).toMatchObject({
            status: 'moved',
            start: at + top.length,
            end: at + top.length + QUOTE.length,
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds it when the edit is a character inserted or deleted beside the quote', () => {
    const { text, starts } = manyCopies(42);
    const at = starts[3210] ?? 0;
    const sel = describe(text, at, at + QUOTE.length);
    const inserted = `${text.slice(0, at)}暑${text.slice(at)}`;
    expect(anchor(inserted, sel)).toMatchObject({ status: 'moved', start: at + 1 });
    const deleted = text.slice(0, at + QUOTE.length) + text.slice(at + QUOTE.length + 1);
    // The quote did not move, its suffix did: still on its offsets.
    expect(anchor(deleted, sel)).toMatchObject({ status: 'exact', start: at });
  });

  it('tells the copy by its prefix when the suffix was rewritten', () => {
    const { text, starts } = manyCopies(7);
    const at = starts[4321] ?? 0;
    const sel = describe(text, at, at + QUOTE.length);
    let edited = changeAt(text, at - 6);
    for (let k = 0; k < 4; k++) edited = changeAt(edited, at + QUOTE.length + k);
    const top = `${filler(random(8), 1000)}\n`;
    expect(anchor(top + edited, sel)).toMatchObject({ status: 'moved', start: at + top.length });
  });

  it('of many copies with the whole context intact, takes the one nearest the old position', () => {
    const passage = '寒来暑往，秋收冬藏。闰余成岁，律吕调阳。云腾致雨，露结为霜。金生丽水，玉出昆冈。\n';
    const text = passage.repeat(MAX_SCORED * 3);
    const copy = 150;
    const at = copy * passage.length + passage.indexOf('秋收');
    const sel = describe(text, at, at + 2);
    // Shifted by less than half a passage: the same copy is still the nearest.
    const top = '序。\n';
    expect(anchor(top + text, sel)).toMatchObject({ status: 'moved', start: at + top.length });
  });
});
