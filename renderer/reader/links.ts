import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useState } from 'react';
import { safeHref } from '../../preload/contract/article-model';
import { isLive, type ViewHandle } from './view-handle';

/**
 * Links of an article. The reader never navigates: a link is a mark drawn as a span carrying its
 * target (already checked to be http, https or mailto when the document was built), and opening
 * it asks main to hand the target to the system's browser or mail app.
 */

/** The link target of a clicked element, if it is (inside) a link of the article. */
export function linkOfElement(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  const link = target.closest('.dz-article [data-href]');
  return safeHref(link?.getAttribute('data-href'));
}

/** The link the caret is in (an empty selection touching a link's text), if any. */
export function linkAtCaret(state: EditorState): string | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  for (const node of [$pos.nodeAfter, $pos.nodeBefore]) {
    const mark = node?.marks.find((m) => m.type.name === 'link');
    if (mark) return safeHref(String(mark.attrs.href));
  }
  return null;
}

function caretLinkOf(view: EditorView): string | null {
  return view.hasFocus() ? linkAtCaret(view.state) : null;
}

/**
 * The link whose address is shown, as a browser's status bubble does: the one under the pointer,
 * else the one the caret is in (so that a link reached from the keyboard shows it too).
 */
export function useShownLink(handle: ViewHandle | null): string | null {
  const [caret, setCaret] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  useEffect(() => {
    if (!isLive(handle)) return;
    const { view } = handle;
    // After the view has read the new selection from the DOM.
    const update = () => window.setTimeout(() => setCaret(view.isDestroyed ? null : caretLinkOf(view)), 0);
    const listening = new AbortController();
    const { signal } = listening;
    for (const type of ['keyup', 'mouseup', 'focus', 'blur'] as const)
      view.dom.addEventListener(type, update, { signal });
    view.dom.addEventListener('mouseover', (e) => setHovered(linkOfElement(e.target)), { signal });
    view.dom.addEventListener('mouseleave', () => setHovered(null), { signal });
    return () => {
      listening.abort();
      setCaret(null);
      setHovered(null);
    };
  }, [handle]);
  return hovered ?? caret;
}
