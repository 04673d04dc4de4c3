import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutBlocks } from '../../main/db/article-rows';
import { buildDoc, PositionMap } from '../../renderer/reader/positions';
import { sample } from '../helpers/data';
import { parsePlainText } from '../../main/library/parse';

const hanzi = fc.constantFrom(...'腾讯产业互联网騰訊產業互聯網的了是。，“”𠮷a1 '.split(/(?:)/u));
const blockText = fc.array(hanzi, { minLength: 1, maxLength: 30 }).map((cs) => cs.join(''));
const blocksArb = fc
  .array(fc.tuple(fc.boolean(), blockText), { minLength: 1, maxLength: 12 })
  .map((bs) =>
    layoutBlocks(bs.map(([h, text]) => ({ kind: h ? ('heading' as const) : ('paragraph' as const), text }))),
  );

describe('PositionMap', () => {
  it('maps source ranges to document ranges holding the same text', () => {
    fc.assert(
      fc.property(blocksArb, fc.nat(), fc.nat(), (blocks, x, y) => {
        const source = blocks.map((b) => b.text).join('\n');
        const doc = buildDoc(blocks);
        const map = new PositionMap(blocks);
        const a = x % (source.length + 1);
        const b = a + (y % (source.length - a + 1));
        expect(doc.textBetween(map.toPos(a), map.toPos(b), '\n')).toBe(source.slice(a, b));
        expect(map.toOffset(map.toPos(a))).toBe(a);
      }),
    );
  });

  it('round-trips every offset of a real article', () => {
    const blocks = layoutBlocks(parsePlainText(sample('001')).blocks);
    const map = new PositionMap(blocks);
    const doc = buildDoc(blocks);
    expect(doc.textContent).toBe(blocks.map((b) => b.text).join(''));
    for (let o = 0; o <= map.sourceLength; o++) expect(map.toOffset(map.toPos(o))).toBe(o);
  });
});
