import type { Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Highlight } from '../../preload/contract/types';
import type { TextLayout } from './layout';

/**
 * Where highlights show in the text on screen, and the decorations that draw them. They are
 * stored in source offsets; the script on screen may be a conversion of the source, so each range
 * goes through the layout (the conversion's alignment, then ProseMirror positions).
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

// Laying out goes through the alignment and costs a little per highlight; a highlight object that
// did not change (the store replaces only what changed) is laid out once per layout.
const placed = new WeakMap<TextLayout, WeakMap<Highlight, ShownHighlight[]>>();

function placeOne(highlight: Highlight, layout: TextLayout): ShownHighlight[] {
  let cache = placed.get(layout);
  if (!cache) placed.set(layout, (cache = new WeakMap()));
  let out = cache.get(highlight);
  if (!out) {
    out = [];
    layout.place(highlight).forEach(({ from, to }, i) => {
      if (to > from) out!.push({ highlight, from, to, key: `${highlight.id}:${i}` });
    });
    cache.set(highlight, out);
  }
  return out;
}

/** Lays out every highlight that is not orphaned, in document order. */
export function layoutHighlights(highlights: readonly Highlight[], layout: TextLayout): ShownHighlight[] {
  const shown: ShownHighlight[] = [];
  for (const highlight of highlights) if (!highlight.orphaned) shown.push(...placeOne(highlight, layout));
  return shown.sort((a, b) => a.from - b.from || b.to - a.to);
}

/** The class a highlight is drawn with: its colour, and whether it has a note. */
export const highlightClass = (h: Highlight) => `hl hl-${h.color}${h.note ? ' hl-noted' : ''}`;

function decorationOf({ highlight: h, from, to, key }: ShownHighlight): Decoration {
  return Decoration.inline(
    from,
    to,
    // An element per colour: ProseMirror merges overlapping decorations of the same element into
    // one span (one background), and nests different ones, so overlaps show as layered colours.
    { nodeName: `dz-hl-${h.color}`, class: highlightClass(h), 'data-hl': h.id },
    { id: h.id, key },
  );
}

/** Whether two layouts of a highlight draw the same: same place, colour and note mark. */
export const drawnAlike = (a: ShownHighlight, b: ShownHighlight) =>
  a.from === b.from &&
  a.to === b.to &&
  // The same highlight object draws the same (the store replaces only what changed): no classes built.
  (a.highlight === b.highlight || highlightClass(a.highlight) === highlightClass(b.highlight));

/** The highlight decorations of one document, and what each was drawn from (by layout key). */
export interface HighlightDrawing {
  readonly doc: PMNode | null;
  readonly set: DecorationSet;
  readonly drawn: ReadonlyMap<string, ShownHighlight>;
}

export const NO_DRAWING: HighlightDrawing = { doc: null, set: DecorationSet.empty, drawn: new Map() };

/**
 * The drawing for `shown` on `doc`, from the previous one. Building the set for thousands of
 * highlights takes tens of milliseconds, adding or changing one a fraction of that, so only a new
 * document (another script, another text) builds it whole; otherwise only what changed is redrawn.
 */
export function drawHighlights(
  prev: HighlightDrawing,
  doc: PMNode,
  shown: readonly ShownHighlight[],
): HighlightDrawing {
  const drawn = new Map(shown.map((s) => [s.key, s]));
  if (doc !== prev.doc) return { doc, set: DecorationSet.create(doc, shown.map(decorationOf)), drawn };
  const removed: Decoration[] = [];
  for (const [key, old] of prev.drawn) {
    const now = drawn.get(key);
    if (!now || !drawnAlike(old, now)) {
      removed.push(...prev.set.find(old.from, old.to, (spec: { key?: string }) => spec.key === key));
    }
  }
  const added: Decoration[] = [];
  for (const [key, now] of drawn) {
    const old = prev.drawn.get(key);
    if (!old || !drawnAlike(old, now)) added.push(decorationOf(now));
  }
  let set = prev.set;
  if (removed.length) set = set.remove(removed);
  if (added.length) set = set.add(doc, added);
  return { doc, set, drawn };
}

/** The drawing carried through a change of the document (positions mapped, nothing redrawn). */
export function mapDrawing(prev: HighlightDrawing, mapping: Transaction['mapping'], doc: PMNode): HighlightDrawing {
  const drawn = new Map<string, ShownHighlight>();
  for (const [key, s] of prev.drawn) {
    const from = mapping.map(s.from, 1);
    const to = mapping.map(s.to, -1);
    if (to > from) drawn.set(key, { ...s, from, to });
  }
  return { doc, set: prev.set.map(mapping, doc), drawn };
}

/** The highlights covering a document position, innermost (shortest) first. */
export function highlightsAt(shown: Iterable<ShownHighlight>, pos: number): ShownHighlight[] {
  return [...shown].filter((s) => s.from <= pos && pos < s.to).sort((a, b) => a.to - a.from - (b.to - b.from));
}
