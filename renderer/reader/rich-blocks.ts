import { Mark, type Node as PMNode } from 'prosemirror-model';
import { safeHref } from '../../preload/contract/article-model';
import type { InlineMark } from '../../preload/contract/article-model';
import type { Block } from '../../preload/contract/types';
import { readerSchema } from './schema';

/** What the document needs beyond the blocks: where the library's images are served. */
export interface DocOptions {
  /** An image's URL is this followed by its id (AppInfo.imageBase); without it, figures show placeholders. */
  imageBase?: string;
}

/** Image ids are content hashes; anything else is not put in a URL. */
const IMAGE_ID = /^[0-9A-Za-z_-]{1,128}$/;

/** Where each cell of a table row starts: the block's own list when it is sound, else after each tab. */
export function cellStarts(block: Pick<Block, 'text' | 'cells'>): number[] {
  const given = block.cells;
  const sound =
    given !== undefined &&
    given.length > 0 &&
    given[0] === 0 &&
    given.every((c, i) => Number.isInteger(c) && c <= block.text.length && (i === 0 || c > given[i - 1]!));
  if (sound) return [...given];
  const starts = [0];
  for (let i = 0; i < block.text.length; i++) if (block.text[i] === '\t') starts.push(i + 1);
  return starts;
}

/** Marks with no attributes, drawn as they are. */
const PLAIN_MARKS: ReadonlySet<string> = new Set(['em', 'strong', 'code', 'sup', 'sub']);

/** A mark over [start, end) of a block's text. */
interface Span {
  start: number;
  end: number;
  mark: Mark;
}

/**
 * Schema marks made once per document: an article repeats the same few (emphasis, one link target
 * many times), and making a mark checks its attributes.
 */
class Marks {
  private readonly made = new Map<string, Mark | null>();

  private once(key: string, make: () => Mark | null): Mark | null {
    let mark = this.made.get(key);
    if (mark === undefined) this.made.set(key, (mark = make()));
    return mark;
  }

  cell(index: number): Mark {
    return this.once(`cell ${index}`, () => readerSchema.marks.tableCell.create({ index }))!;
  }

  /** The schema mark of an inline mark; null for unknown types, unsafe links and empty readings. */
  of(inline: InlineMark): Mark | null {
    const m = readerSchema.marks;
    if (inline.type === 'link') {
      return this.once(`link ${inline.href ?? ''}`, () => {
        const href = safeHref(inline.href);
        return href ? m.link.create({ href }) : null;
      });
    }
    if (inline.type === 'ruby') {
      return this.once(`ruby ${inline.annotation ?? ''}`, () =>
        inline.annotation ? m.ruby.create({ annotation: inline.annotation }) : null,
      );
    }
    return this.once(inline.type, () => (PLAIN_MARKS.has(inline.type) ? m[inline.type].create() : null));
  }
}

/** The marks of a block as schema marks over its text (unknown, empty or unsafe ones dropped). */
function spansOf(block: Block, marks: Marks): Span[] {
  const length = block.text.length;
  const spans: Span[] = [];
  if (block.kind === 'tableRow') {
    const starts = cellStarts(block);
    // A cell runs to the next cell's start, tab included: the tab sits at the cell's end, where
    // the grid item's white-space hides it, and every character stays in some grid item.
    starts.forEach((start, index) => {
      const end = starts[index + 1] ?? length;
      if (end > start) spans.push({ start, end, mark: marks.cell(index) });
    });
  }
  for (const inline of block.marks ?? []) {
    const start = Math.max(0, Math.min(length, Math.floor(inline.start)));
    const end = Math.max(0, Math.min(length, Math.floor(inline.end)));
    if (!(end > start)) continue;
    const mark = marks.of(inline);
    if (mark) spans.push({ start, end, mark });
  }
  return spans;
}

/** The text nodes of a block: exactly its text, cut where marks begin and end. */
function inlineContent(block: Block, marks: Marks): PMNode[] {
  const { text } = block;
  if (!text) return [];
  const spans = spansOf(block, marks);
  if (!spans.length) return [readerSchema.text(text)];
  const points = [0, text.length];
  for (const s of spans) points.push(s.start, s.end);
  points.sort((a, b) => a - b);
  const nodes: PMNode[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to === from) continue;
    // addToSet keeps the set valid: one mark of a type (two overlapping links: the later wins), sup or sub.
    let active: readonly Mark[] = Mark.none;
    for (const s of spans) if (s.start <= from && s.end >= to) active = s.mark.addToSet(active);
    nodes.push(readerSchema.text(text.slice(from, to), active));
  }
  return nodes;
}

/**
 * The number each list item shows: numbered items count up through a run at their level; a
 * bulleted item, a shallower item or any other block ends the runs below it.
 */
export function listOrdinals(blocks: readonly Block[]): (number | null)[] {
  let counters: number[] = [];
  return blocks.map((b) => {
    if (b.kind !== 'listItem') {
      counters = [];
      return null;
    }
    const level = Math.max(1, Math.floor(b.level ?? 1));
    counters = counters.slice(0, level);
    if (!b.ordered) {
      counters[level - 1] = 0;
      return null;
    }
    const n = (counters[level - 1] ?? 0) + 1;
    counters[level - 1] = n;
    return n;
  });
}

/** The image URL of a figure, when the image is in the library and its address is known. */
function imageSrc(block: Block, options: DocOptions): string | null {
  const id = block.image?.id;
  if (!id || options.imageBase === undefined || !IMAGE_ID.test(id)) return null;
  return options.imageBase + id;
}

const positive = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n > 0 ? Math.round(n) : null);

/** The one textblock node of a block, of its kind, holding exactly its text. */
export function blockNode(block: Block, ordinal: number | null, options: DocOptions, marks = new Marks()): PMNode {
  const { nodes } = readerSchema;
  const content = inlineContent(block, marks);
  switch (block.kind) {
    case 'heading':
      return nodes.heading.create({ level: block.level ?? 1 }, content);
    case 'quote':
      return nodes.quote.create({ level: block.level ?? 1 }, content);
    case 'listItem':
      return nodes.listItem.create({ level: block.level ?? 1, ordered: block.ordered === true, ordinal }, content);
    case 'preformatted':
      return nodes.preformatted.create(null, content);
    case 'figure':
      return nodes.figure.create(
        {
          src: imageSrc(block, options),
          alt: block.image?.alt ?? '',
          width: positive(block.image?.width),
          height: positive(block.image?.height),
        },
        content,
      );
    case 'rule':
      return nodes.rule.create(null, content);
    case 'tableRow':
      return nodes.tableRow.create({ header: block.header === true, cols: cellStarts(block).length }, content);
    default:
      return nodes.paragraph.create(null, content);
  }
}

/** The textblock nodes of a column of blocks, numbered lists counted over the whole column. */
export function blockNodes(blocks: readonly Block[], options: DocOptions): PMNode[] {
  const ordinals = listOrdinals(blocks);
  const marks = new Marks();
  return blocks.map((b, i) => blockNode(b, ordinals[i] ?? null, options, marks));
}
