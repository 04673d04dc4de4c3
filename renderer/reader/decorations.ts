import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { drawHighlights, type HighlightDrawing, mapDrawing, NO_DRAWING, type ShownHighlight } from './highlights';
import type { DocRange } from './layout';

/**
 * What the reader draws over the text, held in ProseMirror plugin state and changed only by
 * transactions (`setDecorations`): the highlights, kept incrementally (only the ones that changed
 * are redrawn), and an overlay over them that changes far more often (the highlight under the
 * pointer, the counterpart of a selection side by side, the words a conversion changed).
 */

/** A change to what is drawn; fields left out stay as they are. */
export interface DecorationUpdate {
  highlights?: readonly ShownHighlight[];
  /** The highlight drawn emphasised wherever it shows (hovered, its note or tools in use). */
  emphasised?: string | null;
  /** Side by side: the same words as the selection, in the other column. */
  counterpart?: DocRange | null;
  /** Where the conversion changed words (软件 → 軟體), when they are marked. */
  wordChanges?: readonly DocRange[];
}

interface Overlay {
  readonly emphasised: string | null;
  readonly counterpart: DocRange | null;
  readonly wordChanges: readonly DocRange[];
  readonly set: DecorationSet;
}

const highlightsKey = new PluginKey<HighlightDrawing>('dz-highlights');
const overlayKey = new PluginKey<Overlay>('dz-overlay');
const updateKey = 'dz-decorations';

const NO_OVERLAY: Overlay = { emphasised: null, counterpart: null, wordChanges: [], set: DecorationSet.empty };

function drawOverlay(state: EditorState, drawing: HighlightDrawing, o: Omit<Overlay, 'set'>): Overlay {
  const decos: Decoration[] = [];
  for (const r of o.wordChanges)
    if (r.to > r.from) decos.push(Decoration.inline(r.from, r.to, { class: 'dz-word-change' }));
  if (o.counterpart) decos.push(Decoration.inline(o.counterpart.from, o.counterpart.to, { class: 'dz-counterpart' }));
  if (o.emphasised !== null) {
    for (const s of drawing.drawn.values()) {
      if (s.highlight.id === o.emphasised) decos.push(Decoration.inline(s.from, s.to, { class: 'hl-active' }));
    }
  }
  return { ...o, set: decos.length ? DecorationSet.create(state.doc, decos) : DecorationSet.empty };
}

/** The two plugins (highlights, then the overlay that reads them) every reader view carries. */
export function decorationPlugins(): Plugin[] {
  const highlights = new Plugin<HighlightDrawing>({
    key: highlightsKey,
    state: {
      init: () => NO_DRAWING,
      apply(tr, drawing) {
        const update = tr.getMeta(updateKey) as DecorationUpdate | undefined;
        let next = tr.docChanged ? mapDrawing(drawing, tr.mapping, tr.doc) : drawing;
        if (update?.highlights) next = drawHighlights(next, tr.doc, update.highlights);
        return next;
      },
    },
    props: { decorations: (state) => highlightsKey.getState(state)?.set },
  });
  const overlay = new Plugin<Overlay>({
    key: overlayKey,
    state: {
      init: () => NO_OVERLAY,
      apply(tr, o, _old, state) {
        const update = tr.getMeta(updateKey) as DecorationUpdate | undefined;
        if (!update) return tr.docChanged ? { ...o, set: o.set.map(tr.mapping, tr.doc) } : o;
        const drawing = highlightsKey.getState(state) ?? NO_DRAWING;
        return drawOverlay(state, drawing, {
          emphasised: update.emphasised !== undefined ? update.emphasised : o.emphasised,
          counterpart: update.counterpart !== undefined ? update.counterpart : o.counterpart,
          wordChanges: update.wordChanges ?? o.wordChanges,
        });
      },
    },
    props: { decorations: (state) => overlayKey.getState(state)?.set },
  });
  return [highlights, overlay];
}

/** Marks a transaction to change what is drawn. */
export const setDecorations = (tr: Transaction, update: DecorationUpdate): Transaction => tr.setMeta(updateKey, update);

/** The highlight decorations of a state (tests and benchmarks look at them). */
export const highlightSet = (state: EditorState): DecorationSet =>
  highlightsKey.getState(state)?.set ?? DecorationSet.empty;

/** The overlay decorations of a state. */
export const overlaySet = (state: EditorState): DecorationSet => overlayKey.getState(state)?.set ?? DecorationSet.empty;

/** The layout of the highlights as last drawn, by layout key (clicks find highlights with it). */
export const drawnHighlights = (state: EditorState): ReadonlyMap<string, ShownHighlight> =>
  (highlightsKey.getState(state) ?? NO_DRAWING).drawn;
