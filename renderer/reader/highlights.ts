import type { Node as PMNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Alignment, Range } from '../../preload/contract/alignment';
import type { Highlight } from '../../preload/contract/types';
import type { TextLayout } from './layout';
import type { PositionMap } from './positions';

/**
 * Where highlights show in the text on screen. They are stored in source offsets; the script on
 * screen may be a conversion of the source, so each range goes through the conversion's alignment
 * (widened to whole segments where a length-changing phrase is cut) and then to ProseMirror
 * positions. Selections come back the same way.
 */

/** A highlight as laid out in the document on screen (once per column it shows in). */
export interface ShownHighlight {
  highlight: Highlight;
  /** ProseMirror positions. */
  from: number;
  to: number;
  /** Tells apart the places one highlight shows in (side by side: one per column). */
  key: string;
}

/** The document-on-screen range of a source range. */
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

/** Lays out every highlight that is not orphaned, in reading order. */
export function layoutHighlights(highlights: readonly Highlight[], layout: TextLayout): ShownHighlight[] {
  const shown: ShownHighlight[] = [];
  for (const highlight of highlights) {
    if (highlight.orphaned) continue;
    layout.place(highlight).forEach(({ from, to }, i) => {
      if (to > from) shown.push({ highlight, from, to, key: `${highlight.id}:${i}` });
    });
  }
  return shown.sort((a, b) => a.from - b.from || b.to - a.to);
}

function decorationOf({ highlight: h, from, to, key }: ShownHighlight): Decoration {
  return Decoration.inline(
    from,
    to,
    // An element per colour: ProseMirror merges overlapping decorations of the same element into
    // one span (one background), and nests different ones, so overlaps show as layered colours.
    { nodeName: `dz-hl-${h.color}`, class: `hl hl-${h.color}${h.note ? ' hl-noted' : ''}`, 'data-hl': h.id },
    { id: h.id, key },
  );
}

/**
 * The decorations that draw highlights: one inline decoration per highlight. ProseMirror splits
 * overlapping ones into nested spans, so overlaps and nesting show as layered colours.
 */
export function highlightDecorations(doc: PMNode, shown: readonly ShownHighlight[]): DecorationSet {
  return DecorationSet.create(doc, shown.map(decorationOf));
}

const drawnAlike = (a: ShownHighlight, b: ShownHighlight) =>
  a.from === b.from &&
  a.to === b.to &&
  a.highlight.color === b.highlight.color &&
  !a.highlight.note === !b.highlight.note;

/**
 * The highlight decorations of one document, kept up to date incrementally: building the set for
 * thousands of highlights takes tens of milliseconds, adding or changing one a fraction of that,
 * so only a new document (another script, another text) rebuilds it.
 */
export class HighlightLayer {
  private doc: PMNode | null = null;
  private set = DecorationSet.empty;
  private drawn = new Map<string, ShownHighlight>();

  /** The decorations for `shown` on `doc`. */
  update(doc: PMNode, shown: readonly ShownHighlight[]): DecorationSet {
    const next = new Map(shown.map((s) => [s.key, s]));
    if (doc !== this.doc) {
      this.doc = doc;
      this.set = highlightDecorations(doc, shown);
    } else {
      const removed: Decoration[] = [];
      for (const [key, old] of this.drawn) {
        const now = next.get(key);
        if (!now || !drawnAlike(old, now)) {
          removed.push(...this.set.find(old.from, old.to, (spec: { key?: string }) => spec.key === key));
        }
      }
      const added: Decoration[] = [];
      for (const [key, now] of next) {
        const old = this.drawn.get(key);
        if (!old || !drawnAlike(old, now)) added.push(decorationOf(now));
      }
      if (removed.length) this.set = this.set.remove(removed);
      if (added.length) this.set = this.set.add(doc, added);
    }
    this.drawn = next;
    return this.set;
  }

  /**
   * The decorations with one highlight emphasised (hovered, or its note or tools in use) wherever
   * it shows, and any extra decorations (the counterpart of a selection, marked changes).
   */
  withOverlay(doc: PMNode, emphasised: string | null, extra: readonly Decoration[] = []): DecorationSet {
    if (doc !== this.doc) return this.set;
    const overlay = [...extra];
    if (emphasised !== null) {
      for (const s of this.drawn.values()) {
        if (s.highlight.id === emphasised) overlay.push(Decoration.inline(s.from, s.to, { class: 'hl-active' }));
      }
    }
    return overlay.length ? this.set.add(doc, overlay) : this.set;
  }
}

/** The highlights covering a document position, innermost (shortest) first. */
export function highlightsAt(shown: readonly ShownHighlight[], pos: number): ShownHighlight[] {
  return shown.filter((s) => s.from <= pos && pos < s.to).sort((a, b) => a.to - a.from - (b.to - b.from));
}
