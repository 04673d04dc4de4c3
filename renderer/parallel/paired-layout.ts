import type { Node as PMNode } from 'prosemirror-model';
import { Alignment, type Range } from '../../preload/contract/alignment';
import type { Block } from '../../preload/contract/types';
import { Changes, type DocRange, joined, type TextLayout } from '../reader/layout';
import { PositionMap, positionsToSource, sourceToPositions } from '../reader/positions';
import { blockNodes, type DocOptions } from '../reader/rich-blocks';
import { readerSchema } from '../reader/schema';

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
  options: DocOptions = {},
): { doc: PMNode; sourceStarts: number[]; targetStarts: number[] } {
  const { nodes } = readerSchema;
  // Both columns are built as one column would be (same kinds, marks, list numbers, images).
  const left = blockNodes(source, options);
  const right = blockNodes(
    source.map((b, i) => target[i] ?? { ...b, text: '', marks: [] }),
    options,
  );
  // A column holds about 32 characters a line at the reading width; a row is about a line taller
  // than its longer paragraph (the gap between paragraphs); a figure's image takes about ten.
  const lines = (b: Block | undefined) =>
    Math.max(1, Math.ceil((b?.text.length ?? 0) / 32)) + (b?.kind === 'figure' ? 10 : 0);
  const rows = source.map((b, i) => ({
    lines: Math.max(lines(b), lines(target[i])) + 1,
    node: nodes.pair.create(null, [
      nodes.cell.create({ side: 'source', lang: langs.source }, left[i]),
      nodes.cell.create({ side: 'target', lang: langs.target }, right[i]),
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

/** Side by side: the original on the left, the converted text on the right, row by row. */
export class PairedLayout implements TextLayout {
  readonly doc: PMNode;
  readonly paired = true;
  private readonly left: PositionMap;
  private readonly right: PositionMap;
  private readonly identity: Alignment;
  private readonly targetText: string;
  private readonly changes: Changes;

  constructor(
    source: readonly Block[],
    target: readonly Block[],
    readonly alignment: Alignment,
    langs: { source: string; target: string },
    options: DocOptions = {},
  ) {
    const built = buildPairedDoc(source, target, langs, options);
    this.doc = built.doc;
    this.left = new PositionMap(source, built.sourceStarts);
    this.right = new PositionMap(target, built.targetStarts);
    const sourceText = joined(source);
    this.targetText = joined(target);
    this.identity = Alignment.identity(sourceText.length);
    this.changes = new Changes(sourceText, this.targetText, alignment);
  }

  get sourceLength(): number {
    return this.alignment.sourceLength;
  }

  /** Which column a document position is in. */
  side(pos: number): 'source' | 'target' {
    const $pos = this.doc.resolve(Math.max(0, Math.min(pos, this.doc.content.size)));
    for (let depth = $pos.depth; depth > 0; depth--) {
      const node = $pos.node(depth);
      if (node.type.name === 'cell') return node.attrs.side === 'target' ? 'target' : 'source';
    }
    // Between rows: the start of the next row's left cell.
    return 'source';
  }

  /** Where a source range shows: in each column, one range per row it crosses (never the other column between). */
  place(range: Range): DocRange[] {
    const shown = this.alignment.rangeToTarget(range);
    return [...this.left.pieces(range.start, range.end), ...this.right.pieces(shown.start, shown.end)];
  }

  toSource(from: number, to: number): Range | null {
    const side = this.side(from);
    if (this.side(Math.max(from, to - 1)) !== side) return null;
    return side === 'source'
      ? positionsToSource(from, to, this.identity, this.left)
      : positionsToSource(from, to, this.alignment, this.right);
  }

  sourceAt(pos: number): number {
    return this.side(pos) === 'source' ? this.left.toOffset(pos) : this.alignment.toSource(this.right.toOffset(pos));
  }

  posOf(offset: number): number {
    return this.left.toPos(offset);
  }

  shownText(range: Range): string {
    const r = this.alignment.rangeToTarget(range);
    return this.targetText.slice(r.start, r.end);
  }

  counterpart(from: number, to: number): DocRange | null {
    const source = this.toSource(from, to);
    if (!source) return null;
    const left = sourceToPositions(source, this.identity, this.left);
    const right = sourceToPositions(source, this.alignment, this.right);
    return this.side(from) === 'source' ? right : left;
  }

  originalAt(pos: number): { shown: string; original: string } | null {
    if (this.side(pos) !== 'target') return null;
    return this.changes.around(this.right.toOffset(pos));
  }
}
