import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';

/** A stretch of one textblock's text and the document position of its first character. */
export interface TextPiece {
  from: number;
  text: string;
}

/** Inline leaves (images, breaks) count as one character, as they take one position. */
const LEAF = '\ufffc';

/** The text of a textblock at `pos` (its start), one character per position. */
export function blockText(doc: PMNode, pos: number): TextPiece {
  const node = doc.nodeAt(pos);
  if (!node?.isTextblock) return { from: pos + 1, text: '' };
  return { from: pos + 1, text: node.textBetween(0, node.content.size, undefined, LEAF) };
}

/** The textblock around a document position, with its text; null outside any. */
export function textblockAt(doc: PMNode, pos: number): TextPiece | null {
  const $pos = doc.resolve(Math.min(Math.max(pos, 0), doc.content.size));
  if (!$pos.parent.isTextblock) return null;
  return blockText(doc, $pos.before());
}

/** Longest piece of one block handed out at once (a screen holds about 2,000 characters). */
const MAX_PIECE = 4000;

/**
 * The textblocks on screen (and `margin` screens around it), cut to what is near the screen when
 * a block is long. Finds the first block on screen by bisecting the top-level blocks' rectangles, so
 * it costs what is on screen, not the article's length.
 */
export function visiblePieces(view: EditorView, scroller: HTMLElement, margin = 0.5): TextPiece[] {
  const box = scroller.getBoundingClientRect();
  const top = box.top - box.height * margin;
  const bottom = box.bottom + box.height * margin;
  const children = view.dom.children;
  let lo = 0;
  let hi = children.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (children[mid]!.getBoundingClientRect().bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const pieces: TextPiece[] = [];
  const { doc } = view.state;
  for (let i = lo; i < children.length; i++) {
    const element = children[i]!;
    const rect = element.getBoundingClientRect();
    if (rect.top > bottom) break;
    if (rect.bottom < top) continue;
    let inside: number;
    try {
      inside = view.posAtDOM(element, 0);
    } catch {
      continue;
    }
    const $inside = doc.resolve(inside);
    const start = $inside.depth >= 1 ? $inside.before(1) : inside;
    const node = doc.nodeAt(start);
    if (!node) continue;
    const take = (pos: number, block: PMNode, dom: Element | null) => {
      const r = dom?.getBoundingClientRect();
      if (r && (r.bottom < top || r.top > bottom)) return;
      if (block.content.size > 0) pushLong(pieces, blockText(doc, pos), view, r, top, bottom);
    };
    if (node.isTextblock) take(start, node, element);
    else
      node.descendants((child, rel) => {
        if (!child.isTextblock) return true;
        const pos = start + 1 + rel;
        take(pos, child, view.nodeDOM(pos) as Element | null);
        return false;
      });
  }
  return pieces;
}

/** Adds a piece, cut to the part near the screen when it is longer than MAX_PIECE. */
function pushLong(
  pieces: TextPiece[],
  piece: TextPiece,
  view: EditorView,
  rect: DOMRect | undefined,
  top: number,
  bottom: number,
) {
  if (piece.text.length <= MAX_PIECE || !rect) {
    if (piece.text) pieces.push({ from: piece.from, text: piece.text.slice(0, MAX_PIECE) });
    return;
  }
  const x = rect.left + 2;
  const at = (y: number) => view.posAtCoords({ left: x, top: Math.min(Math.max(y, rect.top + 2), rect.bottom - 2) });
  const first = (at(top)?.pos ?? piece.from) - piece.from;
  const last = (at(bottom)?.pos ?? piece.from + MAX_PIECE) - piece.from;
  for (let s = Math.max(0, first - 200); s < Math.min(piece.text.length, last + 200); s += MAX_PIECE) {
    pieces.push({ from: piece.from + s, text: piece.text.slice(s, s + MAX_PIECE) });
  }
}
