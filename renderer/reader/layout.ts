import type { Node as PMNode } from 'prosemirror-model';
import type { AlignedSegment, Alignment, Range } from '../../preload/contract/alignment';
import type { Block } from '../../preload/contract/types';
import { buildDoc, PositionMap, positionsToSource, sourceToPositions } from './positions';
import type { DocOptions } from './rich-blocks';

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
  /** Two columns (side by side) or one. */
  readonly paired: boolean;
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

/** The text of blocks as the source text joins them: one line break between blocks. */
export const joined = (blocks: readonly Block[]) => blocks.map((b) => b.text).join('\n');

/** The changed stretches of a conversion, listed once per layout and searched by target offset. */
export class Changes {
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
  readonly paired = false;
  private readonly text: string;
  private readonly changes: Changes;

  constructor(
    blocks: readonly Block[],
    readonly alignment: Alignment,
    sourceText: string,
    options: DocOptions = {},
  ) {
    this.doc = buildDoc(blocks, options);
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
