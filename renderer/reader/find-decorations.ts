import { type EditorState, Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { DocRange } from './layout';

/**
 * What find draws over the text: every hit, and the current one apart. Decorations only (the text
 * is never touched), held in plugin state and changed by transactions, like the highlights.
 */
export interface FindDrawing {
  /** Every hit's ranges on screen (side by side: one per column). */
  hits: readonly DocRange[][];
  /** The index of the current hit in `hits`, or -1. */
  current: number;
}

const findKey = new PluginKey<DecorationSet>('dz-find');
const updateKey = 'dz-find';

function draw(state: EditorState, { hits, current }: FindDrawing): DecorationSet {
  if (hits.length === 0) return DecorationSet.empty;
  const size = state.doc.content.size;
  const decos: Decoration[] = [];
  hits.forEach((ranges, i) => {
    const attrs = i === current ? { class: 'dz-find dz-find-current' } : { class: 'dz-find' };
    for (const r of ranges) {
      const from = Math.max(0, Math.min(size, r.from));
      const to = Math.max(0, Math.min(size, r.to));
      if (to > from) decos.push(Decoration.inline(from, to, attrs));
    }
  });
  return DecorationSet.create(state.doc, decos);
}

/** The plugin every reader view carries for find. */
export function findPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const drawing = tr.getMeta(updateKey) as FindDrawing | undefined;
        if (drawing) return draw(state, drawing);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: { decorations: (state) => findKey.getState(state) },
  });
}

/** Marks a transaction to draw find's hits. */
export const setFindDrawing = (tr: Transaction, drawing: FindDrawing): Transaction => tr.setMeta(updateKey, drawing);

/** The find decorations of a state (tests look at them). */
export const findSet = (state: EditorState): DecorationSet => findKey.getState(state) ?? DecorationSet.empty;
