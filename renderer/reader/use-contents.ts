import { TextSelection } from 'prosemirror-state';
import { type RefObject, useMemo, useState } from 'react';
import type { Block } from '../../preload/contract/types';
import { type ContentsEntry, contentsOf, currentEntry } from './contents-panel';
import { showAtTop } from './reading-position';
import { isLive, type ViewHandle } from './view-handle';

/** Below this width the contents panel lies over the text, and closes after a jump (as styles.css). */
const NARROW_CONTENTS = '(max-width: 900px)';

/**
 * The table of contents: the article's headings in the script on screen, whether the panel is
 * open (and the heading the reader was under when it opened), and jumping to a heading.
 */
export function useContents(
  source: readonly Block[] | undefined,
  shown: readonly Block[] | undefined,
  refs: {
    handleRef: RefObject<ViewHandle | null>;
    scrollRef: RefObject<HTMLElement | null>;
    anchorRef: RefObject<number>;
  },
  /** The reading position now (a source offset), if known. */
  readerAt: () => number | null,
  /** Saves the reading position after a jump. */
  save: () => void,
) {
  const [contents, setContents] = useState<{ current: number | null } | null>(null);
  const entries = useMemo(() => (source && shown ? contentsOf(source, shown) : []), [source, shown]);
  const { handleRef, scrollRef, anchorRef } = refs;
  const toggle = () =>
    setContents((open) =>
      open ? null : { current: currentEntry(entries, readerAt() ?? anchorRef.current)?.index ?? null },
    );
  /** Brings a heading to the top and makes it the reading position; a narrow window gets the text back. */
  const jumpTo = (entry: ContentsEntry) => {
    const live = handleRef.current;
    const scroller = scrollRef.current;
    if (!isLive(live) || !scroller) return;
    const pos = live.layout.posOf(entry.offset);
    showAtTop(scroller, live, entry.offset);
    anchorRef.current = entry.offset;
    // The caret goes there too, so that reading on from the keyboard starts at the heading.
    live.view.dispatch(live.view.state.tr.setSelection(TextSelection.create(live.view.state.doc, pos)));
    save();
    if (window.matchMedia(NARROW_CONTENTS).matches) {
      setContents(null);
      scroller.focus({ preventScroll: true });
    } else {
      setContents({ current: entry.index });
    }
  };
  return { entries, contents, open: contents !== null, toggle, close: () => setContents(null), jumpTo };
}
