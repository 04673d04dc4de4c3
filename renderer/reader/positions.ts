import type { Node as PMNode } from 'prosemirror-model';
import type { Alignment, Range } from '../../preload/contract/alignment';
import type { Block } from '../../preload/contract/types';
import { blockNodes, type DocOptions } from './rich-blocks';
import { readerSchema } from './schema';

/**
 * Maps between offsets in the article's source text (blocks joined by one line break) and
 * positions in the ProseMirror document built from those blocks, where each block boundary
 * costs two positions (close and open tokens) instead of one character.
 */
export class PositionMap {
  /** PM position of the first character of each block. */
  private readonly pmStarts: number[];

  /**
   * @param starts - the document position of each block's first character, when the blocks are
   *   not simply laid one after the other (side by side, each sits in a cell of a row).
   */
  constructor(
    private readonly blocks: readonly Block[],
    starts?: readonly number[],
  ) {
    let pos = 0;
    this.pmStarts = starts
      ? [...starts]
      : blocks.map((b) => {
          const start = pos + 1;
          pos += b.text.length + 2;
          return start;
        });
  }

  /** Index of the block containing source offset `offset` (a line break belongs to the block before it). */
  private blockAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.blocks[mid] as Block).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  toPos(offset: number): number {
    if (this.blocks.length === 0) return 0;
    const i = this.blockAtOffset(Math.max(0, offset));
    const block = this.blocks[i] as Block;
    return (this.pmStarts[i] as number) + Math.min(offset - block.start, block.text.length);
  }

  toOffset(pos: number): number {
    if (this.blocks.length === 0) return 0;
    let lo = 0;
    let hi = this.pmStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.pmStarts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    const block = this.blocks[lo] as Block;
    const within = pos - (this.pmStarts[lo] as number);
    return block.start + Math.max(0, Math.min(within, block.text.length));
  }

  /**
   * The document ranges of a text range, one per block it touches (line breaks left out). Side by
   * side, the blocks of one column are not next to each other: a range from one row to the next
   * would otherwise cover the other column's cell between them.
   */
  pieces(start: number, end: number): { from: number; to: number }[] {
    if (this.blocks.length === 0 || end <= start) return [];
    const out: { from: number; to: number }[] = [];
    for (let i = this.blockAtOffset(Math.max(0, start)); i < this.blocks.length; i++) {
      const block = this.blocks[i] as Block;
      if (block.start > end || (block.start === end && out.length > 0)) break;
      const from = Math.max(start, block.start) - block.start;
      const to = Math.min(end, block.start + block.text.length) - block.start;
      const at = this.pmStarts[i] as number;
      if (to > from) out.push({ from: at + from, to: at + to });
    }
    return out;
  }

  /** Length of the source text. */
  get sourceLength(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last ? last.start + last.text.length : 0;
  }
}

/** Builds the reading document from an article's blocks: one textblock of its kind per block. */
export function buildDoc(blocks: readonly Block[], options: DocOptions = {}): PMNode {
  const { nodes } = readerSchema;
  const children = blockNodes(blocks, options);
  return nodes.doc.create(null, children.length ? children : [nodes.paragraph.create()]);
}

/** The document-on-screen range of a source range: through the conversion's alignment, then to positions. */
export function sourceToPositions(range: Range, alignment: Alignment, map: PositionMap): { from: number; to: number } {
  const shown = alignment.rangeToTarget(range);
  return { from: map.toPos(shown.start), to: map.toPos(shown.end) };
}

/** The source range of a range of the document on screen. */
export function positionsToSource(from: number, to: number, alignment: Alignment, map: PositionMap): Range {
  const a = map.toOffset(Math.min(from, to));
  const b = map.toOffset(Math.max(from, to));
  return alignment.rangeToSource({ start: a, end: b });
}
