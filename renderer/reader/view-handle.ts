import type { EditorView } from 'prosemirror-view';
import type { TextLayout } from './layout';

/** The reader's ProseMirror view with the layout it shows: replaced whole when the text changes. */
export interface ViewHandle {
  readonly view: EditorView;
  readonly layout: TextLayout;
}

/**
 * Whether a handle's view is still on screen. When the text changes, effects of the render that
 * built the new layout still see the old handle, whose view was just destroyed.
 */
export const isLive = (handle: ViewHandle | null): handle is ViewHandle => handle !== null && !handle.view.isDestroyed;
