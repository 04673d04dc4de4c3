import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { type RefObject, useCallback, useState } from 'react';
import { decorationPlugins } from './decorations';
import { findPlugin } from './find-decorations';
import { rubyPlugin } from './ruby';
import type { TextLayout } from './layout';
import type { ViewHandle } from './view-handle';

/**
 * The reader's ProseMirror view of a layout's document. The text takes a caret, so that it can be
 * selected from the keyboard (Shift+arrows) as well as with the mouse, but it never changes: every
 * transaction that would edit it is dropped and every way of inserting text is refused. What is
 * drawn over it comes from the decoration plugins, changed by transactions.
 */
export function createReadOnlyView(
  mount: HTMLElement,
  layout: TextLayout,
  attributes: Record<string, string>,
): EditorView {
  const refuse = (_view: EditorView, event: Event) => {
    event.preventDefault();
    return true;
  };
  const view: EditorView = new EditorView(mount, {
    state: EditorState.create({ doc: layout.doc, plugins: [...decorationPlugins(), findPlugin(), rubyPlugin()] }),
    editable: () => true,
    dispatchTransaction: (tr) => {
      if (!tr.docChanged) view.updateState(view.state.apply(tr));
    },
    handleTextInput: () => true,
    handleKeyDown: (_view, event) => event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter',
    handleDOMEvents: { beforeinput: refuse, paste: refuse, cut: refuse, drop: refuse, dragstart: refuse },
    attributes: {
      class: layout.paired ? 'dz-article dz-paired' : 'dz-article',
      role: 'document',
      spellcheck: 'false',
      autocorrect: 'off',
      autocapitalize: 'off',
      inputmode: 'none',
      ...attributes,
    },
  });
  return view;
}

/**
 * Mounts a read-only view of `layout` with `attributes` (rebuilt when either changes; memoise
 * them): `mount` goes on the element that holds it. `handle` is the view on screen, for rendering;
 * `handleRef` is kept equal to it, for handlers that must see the view as it is now.
 */
export function useReadOnlyView(
  handleRef: RefObject<ViewHandle | null>,
  layout: TextLayout | null,
  attributes: Record<string, string>,
) {
  const [handle, setHandle] = useState<ViewHandle | null>(null);
  // A ref callback with a cleanup: the view lives exactly as long as its element and its layout.
  const mount = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element || !layout) return;
      const made: ViewHandle = { view: createReadOnlyView(element, layout, attributes), layout };
      handleRef.current = made;
      setHandle(made);
      return () => {
        made.view.destroy();
        if (handleRef.current === made) handleRef.current = null;
        setHandle((now) => (now === made ? null : now));
      };
    },
    [handleRef, layout, attributes],
  );
  return { mount, handle };
}
