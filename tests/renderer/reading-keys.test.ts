// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { commandFor, READER_KEYS, type ReaderKeyContext } from '../../renderer/reader/key-commands';

/** A reader context whose every action is a spy, with the reading aids' as asked. */
function context(lookupOpen = false) {
  const aids = {
    lookupOpen: () => lookupOpen,
    closeLookup: vi.fn(),
    cycleRuby: vi.fn(),
    toggleLookupOnClick: vi.fn(),
    lookUpCaret: vi.fn(),
    wordStep: vi.fn(),
  };
  const spy = () => vi.fn();
  const c = {
    hasSelection: false,
    hasTools: false,
    canUndo: false,
    canSwitch: true,
    undo: spy(),
    highlight: spy(),
    clearSelection: spy(),
    closeTools: spy(),
    togglePanel: spy(),
    panelOpen: false,
    closePanel: spy(),
    stepHighlight: spy(),
    caretToView: spy(),
    showShortcuts: spy(),
    hasContents: false,
    contentsOpen: false,
    toggleContents: spy(),
    closeContents: spy(),
    caretLink: () => null,
    openLink: spy(),
    toggleParallel: spy(),
    toggleWordChanges: spy(),
    back: spy(),
    scroll: spy(),
    scrollToEnd: spy(),
    nextScript: spy(),
    fontSize: spy(),
    openFind: spy(),
    focusMode: false,
    toggleFocus: spy(),
    toggleFullScreen: spy(),
    aids,
  } satisfies ReaderKeyContext;
  return c;
}

const press = (c: ReaderKeyContext, key: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key, ...init });
  commandFor(READER_KEYS, c, e)?.run(c, e);
};

describe('reading aid keys', () => {
  it('step by word with Ctrl or Alt and the arrows, extending with Shift', () => {
    const c = context();
    press(c, 'ArrowRight', { ctrlKey: true });
    press(c, 'ArrowLeft', { ctrlKey: true, shiftKey: true });
    press(c, 'ArrowRight', { altKey: true, shiftKey: true });
    press(c, 'ArrowLeft', { altKey: true });
    expect(c.aids.wordStep.mock.calls).toEqual([
      [1, false],
      [-1, true],
      [1, true],
      [-1, false],
    ]);
    // Plain arrows still scroll or move the caret; Cmd+arrows (line ends on macOS) are not word steps.
    press(c, 'ArrowRight');
    press(c, 'ArrowRight', { metaKey: true });
    press(c, 'ArrowDown');
    expect(c.aids.wordStep).toHaveBeenCalledTimes(4);
    expect(c.scroll).toHaveBeenCalledWith({ lines: 1 });
  });

  it('R cycles ruby, D toggles lookup on click, L looks up at the caret', () => {
    const c = context();
    press(c, 'r');
    press(c, 'R', { shiftKey: true });
    press(c, 'd');
    press(c, 'l');
    expect(c.aids.cycleRuby).toHaveBeenCalledTimes(2);
    expect(c.aids.toggleLookupOnClick).toHaveBeenCalledTimes(1);
    expect(c.aids.lookUpCaret).toHaveBeenCalledTimes(1);
    // Ctrl+R (reload) and Ctrl+L are left alone.
    press(c, 'r', { ctrlKey: true });
    press(c, 'l', { ctrlKey: true });
    expect(c.aids.cycleRuby).toHaveBeenCalledTimes(2);
    expect(c.aids.lookUpCaret).toHaveBeenCalledTimes(1);
  });

  it('Escape closes the dictionary before it leaves the reader', () => {
    const open = context(true);
    press(open, 'Escape');
    expect(open.aids.closeLookup).toHaveBeenCalledTimes(1);
    expect(open.back).not.toHaveBeenCalled();
    const closed = context(false);
    press(closed, 'Escape');
    expect(closed.aids.closeLookup).not.toHaveBeenCalled();
    expect(closed.back).toHaveBeenCalledTimes(1);
  });
});
