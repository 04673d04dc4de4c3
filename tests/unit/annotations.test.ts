import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Alignment } from '../../preload/contract/alignment';
import { AppFailure } from '../../preload/contract/errors';
import { convertChain, type Variant } from '../../main/script/convert';
import { openServices } from '../../main/services';
import { layoutBlocks } from '../../main/db/article-rows';
import { PairedLayout } from '../../renderer/parallel/paired-layout';
import { PositionMap, positionsToSource, sourceToPositions } from '../../renderer/reader/positions';
import { SAMPLES_DIR, tempDir } from '../helpers/data';

function library() {
  const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
  const id = services.articles.list().find((a) => a.title.startsWith('產業互聯網六年'))!.id;
  const text = services.articles.sourceText(id)!;
  return { services, id, text };
}

const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not found`);
  return { start, end: start + phrase.length };
};

describe('Annotations', () => {
  it('stores a highlight in source offsets with its quote and context cut from the stored text', () => {
    const { services, id, text } = library();
    const range = at(text, '最漫長的夏天');
    const h = services.annotations.create({ articleId: id, ...range, color: 'green' });
    expect(h).toMatchObject({
      articleId: id,
      ...range,
      exact: '最漫長的夏天',
      color: 'green',
      note: '',
      orphaned: false,
    });
    expect(h.prefix).toBe(text.slice(Math.max(0, range.start - 32), range.start));
    expect(h.suffix).toBe(text.slice(range.end, range.end + 32));
    expect(services.annotations.list(id)).toEqual([h]);
    services.close();
  });

  it('lists in reading order, updates colour and note, deletes and restores', () => {
    const { services, id, text } = library();
    const later = services.annotations.create({ articleId: id, ...at(text, '歷史紀錄'), color: 'pink' });
    const earlier = services.annotations.create({ articleId: id, ...at(text, '廣州'), color: 'yellow', note: '城市' });
    expect(services.annotations.list(id).map((h) => h.exact)).toEqual(['廣州', '歷史紀錄']);

    const recoloured = services.annotations.update({ id: later.id, color: 'blue', note: '紀錄\n第二行' });
    expect(recoloured).toMatchObject({ color: 'blue', note: '紀錄\n第二行' });
    expect(services.annotations.list(id)[1]).toMatchObject({ color: 'blue', note: '紀錄\n第二行' });

    const deleted = services.annotations.delete(earlier.id);
    expect(deleted.note).toBe('城市');
    expect(services.annotations.list(id)).toHaveLength(1);
    expect(() => services.annotations.delete(earlier.id)).toThrow(AppFailure);
    const restored = services.annotations.restore(deleted);
    expect(restored).toEqual(deleted);
    expect(services.annotations.list(id).map((h) => h.id)).toEqual([earlier.id, later.id]);
    services.close();
  });

  it('refuses ranges outside the text, blank ranges and deleted articles', () => {
    const { services, id, text } = library();
    expect(() =>
      services.annotations.create({ articleId: id, start: 0, end: text.length + 1, color: 'yellow' }),
    ).toThrow(/not inside/);
    const newline = text.indexOf('\n');
    expect(() =>
      services.annotations.create({ articleId: id, start: newline, end: newline + 1, color: 'yellow' }),
    ).toThrow(/blank/);
    services.library.delete(id);
    expect(() => services.annotations.create({ articleId: id, start: 0, end: 2, color: 'yellow' })).toThrow(
      /not in the library/,
    );
    services.close();
  });

  it('keeps highlights on their words when an edited version (Big5 bytes) replaces the text, and orphans the lost ones', async () => {
    const { services, id, text } = library();
    const stays = services.annotations.create({ articleId: id, ...at(text, '最漫長的夏天'), color: 'green' });
    const lost = services.annotations.create({
      articleId: id,
      ...at(text, '1994年創下的'),
      color: 'pink',
      note: '記錄',
    });
    await services.conversions.view(id, 'simplified');
    const edited = text
      .replace('產業互聯網六年,騰訊正在超越騰訊', '產業互聯網六年,騰訊正在超越騰訊\n編者按：本文有修訂。')
      .replace('追平並超越了1994年創下的歷史紀錄', '天氣炎熱');
    // An edited version saved in Big5, as a Traditional Windows editor might.
    const report = await services.library.replaceText(id, { name: 'edited.txt', bytes: iconv.encode(edited, 'big5') });
    expect(report).toMatchObject({ exact: 0, moved: 1, orphaned: 1 });
    const newText = services.articles.sourceText(id)!;
    expect(newText).toContain('編者按：本文有修訂。');
    const [moved, orphaned] = services.annotations.list(id);
    expect(moved).toMatchObject({ id: stays.id, orphaned: false, exact: '最漫長的夏天' });
    expect(newText.slice(moved!.start, moved!.end)).toBe('最漫長的夏天');
    // Kept with its note and its old quote, listed as orphaned.
    expect(orphaned).toMatchObject({ id: lost.id, orphaned: true, exact: '1994年創下的', note: '記錄' });
    // The cached conversions were of the old text.
    const view = await services.conversions.view(id, 'simplified');
    expect(view.cached).toBe(false);
    expect(view.blocks.map((b) => b.text).join('\n')).toContain('编者按');
    services.close();
  });

  it('asks for the encoding of an edited version it cannot be sure of, changing nothing until told', async () => {
    const { services, id, text } = library();
    const h = services.annotations.create({ articleId: id, ...at(text, '最漫長的夏天'), color: 'green' });
    const edited = text.replace('追平並超越了', '再次超越了');
    // A GB18030 file cut off in the middle of its last character: the reader is asked.
    const bytes = Buffer.concat([iconv.encode(edited, 'gb18030'), Buffer.from([0x81])]);
    const asked = await services.library.replaceText(id, { name: 'edited.txt', bytes });
    expect(asked.status).toBe('needsEncoding');
    if (asked.status !== 'needsEncoding') return;
    expect(asked.candidates.map((c) => c.encoding)).toContain('gb18030');
    expect(asked.candidates.find((c) => c.encoding === 'gb18030')!.preview).toContain('產業互聯網六年');
    expect(services.articles.sourceText(id)).toBe(text);
    const done = await services.library.replaceText(id, { name: 'edited.txt', bytes }, 'gb18030');
    // The edit is after the highlight: it stays on its offsets.
    expect(done).toMatchObject({ status: 'replaced', exact: 1, moved: 0, orphaned: 0 });
    expect(services.articles.sourceText(id)).toBe(`${edited}\ufffd`);
    expect(services.annotations.list(id)[0]).toMatchObject({ id: h.id, exact: '最漫長的夏天' });
    services.close();
  });

  it('a replacement that fails changes nothing', async () => {
    const { services, id, text } = library();
    const h = services.annotations.create({ articleId: id, ...at(text, '廣州'), color: 'yellow' });
    await expect(
      services.library.replaceText(id, { name: 'x.bin', bytes: new Uint8Array([0, 1, 2, 0, 0, 3]) }),
    ).rejects.toThrow(/not a text file/);
    expect(services.articles.sourceText(id)).toBe(text);
    expect(services.annotations.list(id)).toEqual([h]);
    services.close();
  });
});

describe('highlights across scripts (the reader’s mapping)', () => {
  // Random text with length-changing phrases, surrogate pairs and paragraph breaks.
  const pieces = [
    'U盘',
    '方便面',
    '软件',
    '头发',
    '干部',
    '𠮷',
    '㑮',
    '為',
    '爲',
    '説',
    '腾讯',
    '互联网',
    '的',
    '。',
    '\n',
  ];
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
      ),
      { minLength: 1, maxLength: 40 },
    )
    .map((a) => a.join(''));
  const chains: Variant[][] = [[], ['s2t'], ['s2twp'], ['s2hk'], ['t2s'], ['s2tw']];

  /** The text as the reader lays it out in a script: the converted blocks, their map and alignment. */
  function shownIn(source: string, chain: Variant[]) {
    const { text: converted, alignment } = convertChain(source, chain);
    const blocks = layoutBlocks(converted.split('\n').map((t) => ({ kind: 'paragraph' as const, text: t })));
    return { alignment: Alignment.fromJSON(alignment.toJSON()), map: new PositionMap(blocks), converted };
  }

  it('created in script A, shown in B and back in A: the same range and the same quote', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...chains),
        fc.constantFrom(...chains),
        fc.nat(),
        fc.nat(),
        (source, a, b, x, y) => {
          const inA = shownIn(source, a);
          const inB = shownIn(source, b);
          // The reader selects positions x..y of the document in script A.
          const size = inA.map.toPos(inA.converted.length) + 1;
          const [from, to] = [x % size, y % size].sort((p, q) => p - q) as [number, number];
          const stored = positionsToSource(from, to, inA.alignment, inA.map);
          fc.pre(stored.end > stored.start);
          const quote = source.slice(stored.start, stored.end);

          // Shown in B, then read back from B's display, it is the same source range and quote...
          const inBPositions = sourceToPositions(stored, inB.alignment, inB.map);
          const fromB = positionsToSource(inBPositions.from, inBPositions.to, inB.alignment, inB.map);
          expect(fromB.start).toBeLessThanOrEqual(stored.start);
          expect(fromB.end).toBeGreaterThanOrEqual(stored.end);
          // ...and shown back in A it covers what was selected, and maps to exactly the stored range.
          const back = sourceToPositions(stored, inA.alignment, inA.map);
          expect(inA.map.toOffset(back.from)).toBeLessThanOrEqual(inA.map.toOffset(from));
          expect(inA.map.toOffset(back.to)).toBeGreaterThanOrEqual(inA.map.toOffset(to));
          const again = positionsToSource(back.from, back.to, inA.alignment, inA.map);
          expect(again).toEqual(stored);
          expect(source.slice(again.start, again.end)).toBe(quote);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('side by side (PairedLayout)', () => {
  it('a range selected in either column is the same source range, shown on the same words in both', () => {
    const source = '用软件和U盘。\n头发很干燥，吃方便面。\n腾讯的𠮷野家';
    const { text: converted, alignment } = convertChain(source, ['s2twp']);
    const blocks = (t: string) => layoutBlocks(t.split('\n').map((x) => ({ kind: 'paragraph' as const, text: x })));
    const layout = new PairedLayout(blocks(source), blocks(converted), Alignment.fromJSON(alignment.toJSON()), {
      source: 'zh-Hans',
      target: 'zh-Hant-TW',
    });
    const textAt = (r: { from: number; to: number }) => layout.doc.textBetween(r.from, r.to);
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const n = source.length + 1;
        const range = { start: Math.min(a % n, b % n), end: Math.max(a % n, b % n) };
        fc.pre(range.end > range.start && !source.slice(range.start, range.end).includes('\n'));
        const [left, right] = layout.place(range);
        // The left column shows the source words exactly; the right their conversion.
        expect(textAt(left!)).toBe(source.slice(range.start, range.end));
        const back = layout.toSource(right!.from, right!.to)!;
        expect(back.start).toBeLessThanOrEqual(range.start);
        expect(back.end).toBeGreaterThanOrEqual(range.end);
        expect(layout.toSource(left!.from, left!.to)).toEqual(range);
        // A selection in one column has its counterpart in the other.
        expect(layout.counterpart(left!.from, left!.to)).toEqual(right);
      }),
      { numRuns: 300 },
    );
    // U盘 on the left is 隨身碟 on the right; a stretch across both columns is no selection.
    const u = source.indexOf('U盘');
    const [left, right] = layout.place({ start: u, end: u + 2 });
    expect(textAt(left!)).toBe('U盘');
    expect(textAt(right!)).toBe('隨身碟');
    expect(layout.toSource(left!.from, right!.to)).toBeNull();
    expect(layout.originalAt(right!.from + 1)).toEqual({ shown: '隨身碟', original: 'U盘' });
  });
});
