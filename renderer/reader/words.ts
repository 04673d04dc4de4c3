import { Selection, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEffect } from 'react';
import { api } from '../api';
import { type TextPiece, textblockAt } from './text-pieces';
import { isLive, type ViewHandle } from './view-handle';

/**
 * Words in the reader: a double-click selects the whole word, and Ctrl/Alt+arrows move the caret
 * (with Shift, the selection's end) a word at a time. Words come from main's segmentation
 * (jieba, through t2s for Traditional text; main/reading/words.ts), for the sentence or so around
 * the caret only, so this costs the same in a 1M-character article.
 */

/** Characters either side of the point sent for segmenting. */
const CONTEXT = 200;
const HAN = /\p{Script=Han}/u;

/** The character under a pointer: its position in its textblock, and the textblock. */
export function characterAt(view: EditorView, x: number, y: number): { block: TextPiece; offset: number } | null {
  const hit = view.posAtCoords({ left: x, top: y });
  if (!hit) return null;
  let pos = hit.pos;
  // posAtCoords gives the nearest gap between characters: the right half of one is after it.
  try {
    if (pos > 0 && view.coordsAtPos(pos).left > x + 1) pos--;
  } catch {
    return null;
  }
  const block = textblockAt(view.state.doc, pos);
  if (!block) return null;
  const offset = pos - block.from;
  if (offset < 0 || offset >= block.text.length) return null;
  return { block, offset };
}

/** Selects the word around `offset` of `block`; whether it did (a Han character there, and main answered). */
export async function selectWordAt(view: EditorView, block: TextPiece, offset: number): Promise<boolean> {
  if (!HAN.test(block.text[offset] ?? '')) return false;
  const start = Math.max(0, offset - CONTEXT);
  const text = block.text.slice(start, offset + CONTEXT);
  const result = await api().getWordAt(text, offset - start);
  if (
    !result.ok ||
    view.isDestroyed ||
    view.state.doc.textBetween(block.from, block.from + block.text.length, undefined, '\ufffc') !== block.text
  )
    return false;
  const { start: s, end: e } = result.value;
  view.dispatch(
    view.state.tr.setSelection(TextSelection.create(view.state.doc, block.from + start + s, block.from + start + e)),
  );
  return true;
}

/** Double-click selects the word (Han text; elsewhere the browser's own word stays), then `selected` runs. */
export function useWordSelection(handle: ViewHandle | null, selected: () => void) {
  useEffect(() => {
    if (!isLive(handle)) return;
    const { view } = handle;
    const onDoubleClick = (event: MouseEvent) => {
      const at = characterAt(view, event.clientX, event.clientY);
      if (!at) return;
      void selectWordAt(view, at.block, at.offset).then((done) => {
        if (done) selected();
      });
    };
    view.dom.addEventListener('dblclick', onDoubleClick);
    return () => view.dom.removeEventListener('dblclick', onDoubleClick);
  }, [handle, selected]);
}

/** The next word boundary after (1) or before (-1) `offset` of a block, asking main for the words near it. */
async function nextBoundary(block: TextPiece, offset: number, dir: 1 | -1): Promise<number | null> {
  const start = Math.max(0, offset - CONTEXT);
  const end = Math.min(block.text.length, offset + CONTEXT);
  const result = await api().getWordBoundaries(block.text.slice(start, end));
  if (!result.ok) return null;
  const boundaries = result.value.map((b) => b + start);
  // A word step skips spaces and punctuation after (or before) the word, as text fields do.
  const wordy = (i: number) => /[\p{L}\p{N}]/u.test(block.text[i] ?? '');
  if (dir === 1) {
    const next = boundaries.find((b) => b > offset && wordy(b - 1));
    return next ?? end;
  }
  const before = boundaries.filter((b) => b < offset && wordy(b));
  return before.length ? before[before.length - 1]! : start;
}

let queue: Promise<void> = Promise.resolve();

/**
 * Moves the caret a word forward or back (with `extend`, the selection's head), one step after
 * another when keys come faster than main answers. At a block's end it goes on to the next block.
 */
export function wordStep(view: EditorView, dir: 1 | -1, extend: boolean): void {
  queue = queue.then(async () => {
    if (view.isDestroyed) return;
    const { selection, doc } = view.state;
    const head = selection.head;
    const block = textblockAt(doc, head);
    let target: number | null = null;
    if (block) {
      const offset = head - block.from;
      const atEdge = dir === 1 ? offset >= block.text.length : offset <= 0;
      if (!atEdge) {
        const b = await nextBoundary(block, offset, dir);
        if (b !== null) target = block.from + b;
      }
    }
    if (view.isDestroyed || view.state.doc !== doc) return;
    if (target === null) {
      // Into the next (or previous) textblock.
      const edge = block ? (dir === 1 ? block.from + block.text.length + 1 : block.from - 1) : head + dir;
      const near = Selection.findFrom(doc.resolve(Math.min(Math.max(edge, 0), doc.content.size)), dir, true);
      if (!near) return;
      target = near.head;
    }
    const next = extend ? TextSelection.create(doc, selection.anchor, target) : TextSelection.create(doc, target);
    view.dispatch(view.state.tr.setSelection(next).scrollIntoView());
  });
}
