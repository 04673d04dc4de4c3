import type { Node as PMNode } from 'prosemirror-model';
import type { Block } from '../../preload/contract/types';
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

  /** Length of the source text. */
  get sourceLength(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last ? last.start + last.text.length : 0;
  }
}

/** Rows per chunk of the side-by-side document (see the schema's chunk). */
const CHUNK_ROWS = 24;

/**
 * Builds the side-by-side document: one row per block, the original on the left and the converted
 * block on the right, so that each pair starts on the same line and the taller sets the height.
 * Returns the document and where each column's blocks start in it.
 */
export function buildPairedDoc(
  source: readonly Block[],
  target: readonly Block[],
  langs: { source: string; target: string },
): { doc: PMNode; sourceStarts: number[]; targetStarts: number[] } {
  const { nodes } = readerSchema;
  const block = (b: Block) =>
    (b.kind === 'heading' ? nodes.heading : nodes.paragraph).create(null, b.text ? readerSchema.text(b.text) : null);
  // A column holds about 32 characters a line at the reading width; a row is about a line taller
  // than its longer paragraph (the gap between paragraphs).
  const lines = (b: Block | undefined) => Math.max(1, Math.ceil((b?.text.length ?? 0) / 32));
  const rows = source.map((b, i) => ({
    lines: Math.max(lines(b), lines(target[i])) + 1,
    node: nodes.pair.create(null, [
      nodes.cell.create({ side: 'source', lang: langs.source }, block(b)),
      nodes.cell.create({ side: 'target', lang: langs.target }, block(target[i] ?? { ...b, text: '' })),
    ]),
  }));
  const chunks: PMNode[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const group = rows.slice(i, i + CHUNK_ROWS);
    chunks.push(
      nodes.chunk.create(
        { lines: group.reduce((n, r) => n + r.lines, 0) },
        group.map((r) => r.node),
      ),
    );
  }
  const doc = nodes.doc.create(null, chunks);
  const sourceStarts: number[] = [];
  const targetStarts: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cell') return true;
    // Cell open, block open: the text starts two positions in.
    (node.attrs.side === 'target' ? targetStarts : sourceStarts).push(pos + 2);
    return false;
  });
  return { doc, sourceStarts, targetStarts };
}

/** Builds the reading document from an article's blocks. */
export function buildDoc(blocks: readonly Block[]): PMNode {
  const { nodes } = readerSchema;
  const children = blocks.map((b) => {
    const type = b.kind === 'heading' ? nodes.heading : nodes.paragraph;
    return type.create(null, b.text ? readerSchema.text(b.text) : null);
  });
  return nodes.doc.create(null, children.length ? children : [nodes.paragraph.create()]);
}
