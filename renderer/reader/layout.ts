import type { Node as PMNode } from 'prosemirror-model';
import { type AlignedSegment, Alignment, type Range } from '../../preload/contract/alignment';
import type { Block } from '../../preload/contract/types';
import { positionsToSource, sourceToPositions } from './highlights';
import { buildDoc, buildPairedDoc, PositionMap } from './positions';

/** A span of the document on screen, in ProseMirror positions. */
export interface DocRange {
  from: number;
  to: number;
}

/**
 * The text on screen and every map the reader needs over it: where a source range shows (once,
 * or once per column side by side), which source range a selection is, and where the reader is.
 * Highlights, notes and the reading position all go through it, so they work the same in one
 * column and in two.
 */
export interface TextLayout {
  readonly doc: PMNode;
  readonly alignment: Alignment;
  readonly sourceLength: number;
  /** Where a source range shows: one range per column it shows in. */
  place(range: Range): DocRange[];
  /** The source range of a stretch of the document; null when it crosses from one column to the other. */
  toSource(from: number, to: number): Range | null;
  /** The source offset at a document position. */
  sourceAt(pos: number): number;
  /** Where a source offset is, in the column that leads (the converted one). */
  posOf(offset: number): number;
  /** The text of a source range as the leading column shows it. */
  shownText(range: Range): string;
  /** For a stretch of one column, the same words in the other column (side by side only). */
  counterpart(from: number, to: number): DocRange | null;
  /** The converted text and the source text around a document position, if it was changed there. */
  originalAt(pos: number): { shown: string; original: string } | null;
}

const joined = (blocks: readonly Block[]) => blocks.map((b) => b.text).join('\n');

/** The changed stretches of a conversion, listed once per layout and searched by target offset. */
class Changes {
  private list: AlignedSegment[] | null = null;

  constructor(
    private readonly source: string,
    private readonly target: string,
    private readonly alignment: Alignment,
  ) {}

  /** The converted and the original text around `offset` of the target, when it was changed there. */
  around(offset: number): { shown: string; original: string } | null {
    this.list ??= [...this.alignment.segments({ source: this.source, target: this.target })].filter((s) => s.changed);
    const list = this.list;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const seg = list[mid]!;
      if (seg.target.end <= offset) lo = mid + 1;
      else if (seg.target.start > offset) hi = mid - 1;
      else {
        // Keep it to a word's worth: long runs of changed characters are cut around the pointer.
        const from = Math.max(seg.target.start, offset - 3);
        const to = Math.min(seg.target.end, offset + 4);
        const src = this.alignment.rangeToSource({ start: from, end: to });
        return { shown: this.target.slice(from, to), original: this.source.slice(src.start, src.end) };
      }
    }
    return null;
  }
}

/** One column: the article as written or converted. */
export class SingleLayout implements TextLayout {
  readonly doc: PMNode;
  readonly map: PositionMap;
  private readonly text: string;
  private readonly changes: Changes;

  constructor(
    blocks: readonly Block[],
    readonly alignment: Alignment,
    sourceText: string,
  ) {
    this.doc = buildDoc(blocks);
    this.map = new PositionMap(blocks);
    this.text = joined(blocks);
    this.changes = new Changes(sourceText, this.text, alignment);
  }

  get sourceLength(): number {
    return this.alignment.sourceLength;
  }

  place(range: Range): DocRange[] {
    return [sourceToPositions(range, this.alignment, this.map)];
  }

  toSource(from: number, to: number): Range {
    return positionsToSource(from, to, this.alignment, this.map);
  }

  sourceAt(pos: number): number {
    return this.alignment.toSource(this.map.toOffset(pos));
  }

  posOf(offset: number): number {
    return this.map.toPos(this.alignment.toTarget(offset));
  }

  shownText(range: Range): string {
    const r = this.alignment.rangeToTarget(range);
    return this.text.slice(r.start, r.end);
  }

  counterpart(): DocRange | null {
    return null;
  }

  originalAt(pos: number): { shown: string; original: string } | null {
    return this.changes.around(this.map.toOffset(pos));
  }
}

/** Side by side: the original on the left, the converted text on the right, row by row. */
export class PairedLayout implements TextLayout {
  readonly doc: PMNode;
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
  ) {
    const built = buildPairedDoc(source, target, langs);
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

  place(range: Range): DocRange[] {
    return [sourceToPositions(range, this.identity, this.left), sourceToPositions(range, this.alignment, this.right)];
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
    const [left, right] = this.place(source);
    return (this.side(from) === 'source' ? right : left) ?? null;
  }

  originalAt(pos: number): { shown: string; original: string } | null {
    if (this.side(pos) !== 'target') return null;
    return this.changes.around(this.right.toOffset(pos));
  }
}
