import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { InlineMark, RichBlock, RichBlockKind } from '../../preload/contract/article-model';
import { MARK_TYPES, RICH_BLOCK_KINDS } from '../../preload/contract/article-model';
import type { Block } from '../../preload/contract/types';
import { buildPairedDoc, PairedLayout } from '../../renderer/parallel/paired-layout';
import { buildDoc, PositionMap } from '../../renderer/reader/positions';
import { listOrdinals } from '../../renderer/reader/rich-blocks';
import { convertedRich, laidOut, RICH_BLOCKS, textOf } from './rich-article';

const IMAGES = '/__duizhao/images/';

/** Every source offset of every block lands on its own character, and back. */
function expectEveryOffsetMapped(blocks: readonly Block[], doc: PMNode, map: PositionMap) {
  const text = textOf(blocks);
  for (const b of blocks) {
    for (let i = 0; i < b.text.length; i++) {
      const pos = map.toPos(b.start + i);
      expect(doc.textBetween(pos, pos + 1)).toBe(text[b.start + i]);
    }
    for (let i = 0; i <= b.text.length; i++) expect(map.toOffset(map.toPos(b.start + i))).toBe(b.start + i);
  }
}

/** The blocks of a one-column document: type, text and the attributes the kind carries. */
const shapeOf = (doc: PMNode) => {
  const out: { type: string; text: string; attrs: Record<string, unknown> }[] = [];
  doc.forEach((n) => out.push({ type: n.type.name, text: n.textContent, attrs: { ...n.attrs } }));
  return out;
};

const KIND_NODE: Record<RichBlockKind, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  quote: 'quote',
  listItem: 'listItem',
  preformatted: 'preformatted',
  figure: 'figure',
  rule: 'rule',
  tableRow: 'tableRow',
};

const char = fc.constantFrom(...'腾讯产业互联网騰訊的了。，“”𠮷a1 \t'.split(/(?:)/u));
const textArb = fc.array(char, { maxLength: 20 }).map((cs) => cs.join('').replace(/^\uFEFF/, ''));
const markArb = (length: number) =>
  fc
    .record({
      type: fc.constantFrom(...MARK_TYPES),
      a: fc.nat(length),
      b: fc.nat(length),
      href: fc.constantFrom('https://example.com/', 'mailto:a@b.c', 'javascript:void(0)', undefined),
      annotation: fc.constantFrom('zhù', '', undefined),
    })
    .map(({ type, a, b, href, annotation }): InlineMark => {
      const mark: InlineMark = { type, start: Math.min(a, b), end: Math.max(a, b) };
      if (href !== undefined) mark.href = href;
      if (annotation !== undefined) mark.annotation = annotation;
      return mark;
    });
const blockArb: fc.Arbitrary<RichBlock> = fc
  .record({ kind: fc.constantFrom(...RICH_BLOCK_KINDS), text: textArb, level: fc.integer({ min: 1, max: 7 }) })
  .chain(({ kind, text, level }) =>
    fc
      .record({
        marks: fc.array(markArb(text.length), { maxLength: 5 }),
        ordered: fc.boolean(),
        header: fc.boolean(),
        hasImage: fc.boolean(),
      })
      .map(({ marks, ordered, header, hasImage }): RichBlock => {
        const block: RichBlock = { kind, text: kind === 'rule' ? '' : text, level, marks };
        if (kind === 'listItem') block.ordered = ordered;
        if (kind === 'tableRow') {
          block.header = header;
          block.cells = [0, ...[...text].flatMap((c, i) => (c === '\t' ? [i + 1] : []))];
        }
        if (kind === 'figure') block.image = hasImage ? { id: 'f'.repeat(64), alt: '图' } : { alt: '图' };
        return block;
      }),
  );
const articleArb = fc.array(blockArb, { minLength: 1, maxLength: 14 }).map(laidOut);

describe('the rich reading document (buildDoc + PositionMap)', () => {
  it('keeps every block one textblock of its kind holding exactly its text (any kinds and marks)', () => {
    fc.assert(
      fc.property(articleArb, (blocks) => {
        const doc = buildDoc(blocks, { imageBase: IMAGES });
        // A valid document: content and mark sets as the schema allows (one link, sup or sub at a time).
        doc.check();
        expect(doc.childCount).toBe(blocks.length);
        blocks.forEach((b, i) => {
          const node = doc.child(i);
          expect(node.isTextblock).toBe(true);
          expect(node.type.name).toBe(KIND_NODE[b.kind]);
          expect(node.textContent).toBe(b.text);
        });
        expectEveryOffsetMapped(blocks, doc, new PositionMap(blocks));
      }),
      { numRuns: 300 },
    );
  });

  it('maps every source offset to its character, side by side too, in both columns', () => {
    fc.assert(
      fc.property(articleArb, (blocks) => {
        const built = buildPairedDoc(blocks, blocks, { source: 'zh-Hans', target: 'zh-Hant' }, { imageBase: IMAGES });
        const text = textOf(blocks);
        for (const starts of [built.sourceStarts, built.targetStarts]) {
          const map = new PositionMap(blocks, starts);
          for (let o = 0; o < text.length; o++) {
            if (text[o] === '\n') continue;
            const pos = map.toPos(o);
            expect(built.doc.textBetween(pos, pos + 1)).toBe(text[o]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  const source = laidOut(RICH_BLOCKS);
  const doc = buildDoc(source, { imageBase: IMAGES });

  it('draws each kind with what it carries: heading levels, quote nesting, list numbers, images, cells', () => {
    const shape = shapeOf(doc);
    expect(shape.map((s) => s.type)).toEqual(source.map((b) => KIND_NODE[b.kind]));
    expect(shape.filter((s) => s.type === 'heading').map((s) => s.attrs.level)).toEqual([1, 2, 3]);
    expect(shape.filter((s) => s.type === 'quote').map((s) => s.attrs.level)).toEqual([1, 2]);
    // 1, 2, (a bullet one level down), 3: the deeper item does not end the numbered run.
    expect(shape.filter((s) => s.type === 'listItem').map((s) => s.attrs.ordinal)).toEqual([1, 2, null, 3]);
    const figures = shape.filter((s) => s.type === 'figure');
    expect(figures.map((f) => f.attrs.src)).toEqual([`${IMAGES}${'a'.repeat(64)}`, null]);
    expect(figures.map((f) => f.attrs.alt)).toEqual(['广州', '远程图片']);
    expect(shape.filter((s) => s.type === 'tableRow').map((s) => [s.attrs.header, s.attrs.cols])).toEqual([
      [true, 2],
      [false, 2],
      [false, 2],
    ]);
  });

  it('keeps the marks as marks over the right characters, and drops unsafe links', () => {
    const marked = (name: string) => {
      const out: string[] = [];
      doc.descendants((n) => {
        const mark = n.marks.find((m) => m.type.name === name);
        if (n.isText && mark) out.push(`${n.text!}${mark.attrs.href ? `→${String(mark.attrs.href)}` : ''}`);
      });
      return out;
    };
    expect(marked('strong')).toEqual(['腾讯']);
    expect(marked('em')).toEqual(['新的软件，', '不亦', '说']);
    expect(marked('link')).toEqual(['U盘→https://example.com/u']);
    expect(marked('code')).toEqual(['软件']);
    expect(marked('sub')).toEqual(['2']);
    expect(marked('sup')).toEqual(['万', '1']);
    expect(marked('ruby')).toEqual(['说', '乎']);
    expect(marked('tableCell')).toEqual(['城市\t', '人口', '广州\t', '一千', '万', '\t', '空']);
  });

  it('never puts a ruby reading, a list number or an alt text in the text', () => {
    expect(doc.textContent).toBe(source.map((b) => b.text).join(''));
    expect(doc.textContent).not.toMatch(/yuè|远程图片|广州的夏天广州/);
  });

  it('counts numbered runs per level and restarts them after any other block', () => {
    const items = (spec: [number, boolean][], between = false): Block[] =>
      laidOut(
        spec.flatMap(([level, ordered], i) => [
          ...(between && i === 2 ? [{ kind: 'paragraph' as const, text: '间' }] : []),
          { kind: 'listItem' as const, level, ordered, text: `项${i}` },
        ]),
      );
    const numbered = (blocks: Block[]) => listOrdinals(blocks).filter((_, i) => blocks[i]!.kind === 'listItem');
    const run: [number, boolean][] = [
      [1, true],
      [2, true],
      [2, true],
      [1, true],
      [2, true],
    ];
    expect(numbered(items(run))).toEqual([1, 1, 2, 2, 1]);
    expect(numbered(items(run, true))).toEqual([1, 1, 1, 1, 1]);
    expect(
      numbered(
        items([
          [1, true],
          [1, false],
          [1, true],
        ]),
      ),
    ).toEqual([1, null, 1]);
  });

  it('a converted rich article (Taiwan phrases: U盘 → 隨身碟) keeps its kinds and its marks on the converted words', () => {
    const rich = convertedRich('s2twp');
    const converted = buildDoc(rich.target, { imageBase: IMAGES });
    expect(shapeOf(converted).map((s) => [s.type, s.attrs])).toEqual(shapeOf(doc).map((s) => [s.type, s.attrs]));
    expectEveryOffsetMapped(rich.target, converted, new PositionMap(rich.target));
    const link: string[] = [];
    converted.descendants((n) => {
      if (n.isText && n.marks.some((m) => m.type.name === 'link')) link.push(n.text!);
    });
    expect(link).toEqual(['隨身碟']);
  });

  it('side by side, both columns show the same structure', () => {
    const rich = convertedRich('s2t');
    const layout = new PairedLayout(
      rich.source,
      rich.target,
      rich.alignment,
      { source: 'zh-Hans', target: 'zh-Hant' },
      { imageBase: IMAGES },
    );
    const left: string[] = [];
    const right: string[] = [];
    layout.doc.descendants((n) => {
      if (n.type.name !== 'cell') return true;
      const block = n.firstChild!;
      (n.attrs.side === 'source' ? left : right).push(`${block.type.name}:${JSON.stringify(block.attrs)}`);
      return false;
    });
    expect(left).toHaveLength(RICH_BLOCKS.length);
    expect(right).toEqual(left);
    // A source range shows on the same words in both columns, across a length-changing phrase.
    const start = rich.text.indexOf('学而时习之');
    const [l, r] = layout.place({ start, end: start + 5 });
    expect(layout.doc.textBetween(l!.from, l!.to)).toBe('学而时习之');
    expect(layout.doc.textBetween(r!.from, r!.to)).toBe('學而時習之');
  });
});
