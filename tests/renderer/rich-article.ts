import { Alignment } from '../../preload/contract/alignment';
import type { RichBlock } from '../../preload/contract/article-model';
import type { ConversionVariant } from '../../preload/contract/scripts';
import type { Block } from '../../preload/contract/types';
import { convert } from '../../main/script/convert';

/** Lays blocks one after another as the library stores them: one line break between blocks. */
export function laidOut(blocks: readonly RichBlock[]): Block[] {
  let start = 0;
  return blocks.map((b) => {
    const block = { ...b, start };
    start += b.text.length + 1;
    return block;
  });
}

/**
 * A rich Simplified article with every kind of block and every mark, some over words whose
 * conversion changes length (U盘 → 隨身碟 with Taiwan phrases).
 */
export const RICH_BLOCKS: RichBlock[] = [
  { kind: 'heading', level: 1, text: '互联网产业的发展' },
  {
    kind: 'paragraph',
    text: '腾讯发布了新的软件，用户可以把文件存在U盘中。',
    marks: [
      { type: 'strong', start: 0, end: 2 },
      { type: 'em', start: 5, end: 10 },
      { type: 'link', start: 19, end: 21, href: 'https://example.com/u' },
    ],
  },
  { kind: 'heading', level: 2, text: '历史' },
  {
    kind: 'quote',
    level: 1,
    text: '学而时习之，不亦说乎。',
    marks: [
      // A ruby partly under emphasis: the ruby must stay one element (its reading shows once).
      { type: 'em', start: 6, end: 9 },
      { type: 'ruby', start: 8, end: 10, annotation: 'yuè hū' },
    ],
  },
  { kind: 'quote', level: 2, text: '有朋自远方来。' },
  { kind: 'listItem', level: 1, ordered: true, text: '第一条：网络' },
  { kind: 'listItem', level: 1, ordered: true, text: '第二条：软件', marks: [{ type: 'code', start: 4, end: 6 }] },
  { kind: 'listItem', level: 2, ordered: false, text: '细节' },
  { kind: 'listItem', level: 1, ordered: true, text: '第三条：记录' },
  { kind: 'preformatted', text: '  const 变量 = "发展";' },
  { kind: 'preformatted', text: '  return 变量;' },
  { kind: 'figure', text: '图一：广州的夏天', image: { id: 'a'.repeat(64), alt: '广州', width: 640, height: 480 } },
  { kind: 'figure', text: '', image: { alt: '远程图片' } },
  { kind: 'rule', text: '' },
  { kind: 'heading', level: 3, text: '数据' },
  { kind: 'tableRow', header: true, text: '城市\t人口', cells: [0, 3] },
  { kind: 'tableRow', text: '广州\t一千万', cells: [0, 3], marks: [{ type: 'sup', start: 5, end: 6 }] },
  { kind: 'tableRow', text: '\t空', cells: [0, 1] },
  {
    kind: 'paragraph',
    text: '水的化学式是H2O，注释见脚注1。',
    marks: [
      { type: 'sub', start: 7, end: 8 },
      { type: 'sup', start: 15, end: 16 },
      { type: 'link', start: 11, end: 16, href: 'javascript:alert(1)' },
    ],
  },
];

/** The source text of blocks (one line break between blocks). */
export const textOf = (blocks: readonly { text: string }[]) => blocks.map((b) => b.text).join('\n');

/**
 * The rich article converted as main converts it: the text through OpenCC, each block's marks
 * and cells carried to the converted block through the alignment.
 */
export function convertedRich(variant: ConversionVariant, blocks: readonly RichBlock[] = RICH_BLOCKS) {
  const source = laidOut(blocks);
  const text = textOf(source);
  const converted = convert(text, variant);
  const alignment = Alignment.fromJSON(converted.alignment.toJSON());
  const lines = converted.text.split('\n');
  const target = laidOut(
    source.map((b, i) => {
      const shift = (o: number) => alignment.toTarget(b.start + o);
      const begin = shift(0);
      const out: RichBlock = { ...b, text: lines[i] ?? '' };
      delete (out as Partial<Block>).start;
      if (b.marks)
        out.marks = b.marks.map((m) => {
          const r = alignment.rangeToTarget({ start: b.start + m.start, end: b.start + m.end });
          return { ...m, start: r.start - begin, end: r.end - begin };
        });
      if (b.cells) out.cells = b.cells.map((c) => shift(c) - begin);
      return out;
    }),
  );
  return { text, converted: converted.text, source, target, alignment };
}
