import { TextSelection } from 'prosemirror-state';
import { useEffect } from 'react';
import { isLive, type ViewHandle } from './view-handle';

interface Handlers {
  /** The selection may have changed (mouse up, Shift+arrows). */
  readSelection(): void;
  /** The selection went away. */
  clearSelection(): void;
  click(event: MouseEvent): void;
  /** The source offset the reader is at, for the caret on tabbing in. */
  readerAt(): number | null;
}

/**
 * The text's own events: selecting offers to highlight, clicking a highlight opens its tools,
 * tabbing in puts the caret where the reader is. Listeners come off with one signal.
 */
export function useTextEvents(handle: ViewHandle | null, { readSelection, clearSelection, click, readerAt }: Handlers) {
  useEffect(() => {
    if (!isLive(handle)) return;
    const { view, layout } = handle;
    const onUp = () => window.setTimeout(readSelection, 0);
    // Selecting with Shift+arrows offers the same tools as selecting with the mouse.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.shiftKey || e.key === 'Shift') readSelection();
    };
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed) clearSelection();
    };
    // Tabbing into the text puts the caret where the reader is, not at the top of the article.
    const onFocus = () => {
      const offset = readerAt();
      if (offset === null || !view.state.selection.empty || view.state.selection.from > 1) return;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, layout.posOf(offset))));
    };
    const listening = new AbortController();
    const { signal } = listening;
    view.dom.addEventListener('mouseup', onUp, { signal });
    view.dom.addEventListener('keyup', onKeyUp, { signal });
    view.dom.addEventListener('click', click, { signal });
    view.dom.addEventListener('focus', onFocus, { signal });
    document.addEventListener('selectionchange', onSelectionChange, { signal });
    return () => listening.abort();
  }, [handle, readSelection, clearSelection, click, readerAt]);
}
