import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { DisplayScript } from '../../preload/contract/scripts';
import { READER_KEYS, type ReaderKeyContext, useKeyCommands } from './key-commands';
import { linkAtCaret } from './links';
import { scrollReader, scrollReaderTo } from './vertical';
import { isLive, type ViewHandle } from './view-handle';

const LINE_STEP = 64;

/** What the reader gives its keys: its state and actions; scrolling, links and script steps are derived here. */
export type ReaderKeyDeps = Omit<
  ReaderKeyContext,
  'canSwitch' | 'caretLink' | 'scroll' | 'scrollToEnd' | 'nextScript'
> & {
  scrollRef: RefObject<HTMLElement | null>;
  handleRef: RefObject<ViewHandle | null>;
  offered: readonly DisplayScript[];
  /** The script being shown or switched to. */
  target(): DisplayScript;
  paired: boolean;
  switchScript(script: DisplayScript, options: { firstScreen: boolean }): void;
};

/**
 * The reader's keys (the table in key-commands.ts): one listener, added once, reading the reader
 * as it is when a key is pressed.
 */
export function useReaderKeys(deps: ReaderKeyDeps) {
  const keys = useRef<ReaderKeyContext | null>(null);
  useLayoutEffect(() => {
    const { scrollRef, handleRef, offered, target, paired, switchScript, ...rest } = deps;
    keys.current = {
      ...rest,
      canSwitch: offered.length > 1,
      caretLink: () => {
        const live = handleRef.current;
        return isLive(live) && live.view.hasFocus() ? linkAtCaret(live.view.state) : null;
      },
      // Down the page, or across it in vertical writing (vertical.ts).
      scroll: ({ lines = 0, pages = 0 }) => {
        if (scrollRef.current) scrollReader(scrollRef.current, lines * LINE_STEP, pages * 0.9);
      },
      scrollToEnd: (end) => {
        if (scrollRef.current) scrollReaderTo(scrollRef.current, end);
      },
      nextScript: (step) => {
        const at = offered.indexOf(target());
        const next = offered[(at + (step === 1 ? 1 : offered.length - 1)) % offered.length] ?? 'original';
        switchScript(next, { firstScreen: !paired });
      },
    };
  });
  useKeyCommands(READER_KEYS, keys);
}
