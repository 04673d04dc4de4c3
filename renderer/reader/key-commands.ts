import { type RefObject, useEffect } from 'react';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../preload/contract/types';
import type { MessageKey } from '../i18n';
import type { ReadingAidKeys } from './reading-aids';

/** What the reader's keys act on, read when a key is pressed (never captured at subscription). */
export interface ReaderKeyContext {
  hasSelection: boolean;
  hasTools: boolean;
  canUndo: boolean;
  /** More than one script to show (switching, side by side). */
  canSwitch: boolean;
  undo(): void;
  /** Highlights the selection; no colour: the last one used. */
  highlight(color: HighlightColor | null, withNote: boolean): void;
  clearSelection(): void;
  closeTools(): void;
  togglePanel(): void;
  panelOpen: boolean;
  closePanel(): void;
  /** Brings the next (1) or previous (-1) highlight in reading order on screen and opens its tools. */
  stepHighlight(step: 1 | -1): void;
  /** Puts the caret on the first visible line when it is off screen (before Shift+arrows select). */
  caretToView(): void;
  showShortcuts(): void;
  /** The article has headings, so a table of contents. */
  hasContents: boolean;
  contentsOpen: boolean;
  toggleContents(): void;
  closeContents(): void;
  /** The link the caret is in, if any (read when Enter is pressed). */
  caretLink(): string | null;
  openLink(href: string): void;
  toggleParallel(): void;
  toggleWordChanges(): void;
  back(): void;
  /** Scrolls by lines (positive: down) or by screens. */
  scroll(by: { lines?: number; pages?: number }): void;
  scrollToEnd(end: 'start' | 'end'): void;
  /** Shows the next (1) or the previous (-1) script. */
  nextScript(step: 1 | -1): void;
  fontSize(delta: 1 | -1): void;
  /** Corrects how the selected phrase converts (absent when the text on screen is not converted). */
  correct?: (() => void) | undefined;
  /** Find in the article (find-bar.tsx). */
  openFind(): void;
  /** Focus mode (the text alone) is on; full screen. */
  focusMode: boolean;
  toggleFocus(): void;
  toggleFullScreen(): void;
  /** Ruby, the dictionary and word steps (reading-aids.tsx). */
  aids: ReadingAidKeys;
}

/** One row of the key table: the first row whose keys match and whose condition holds runs. */
export interface KeyCommand {
  /** `KeyboardEvent.key` values; letters are matched in either case. */
  keys: readonly string[];
  /** Ctrl or Cmd held (and only then); without it, no modifier but Shift may be held. */
  mod?: boolean;
  /** Alt held instead (and no Ctrl or Cmd): macOS's word steps. */
  alt?: boolean;
  when?(c: ReaderKeyContext, e: KeyboardEvent): boolean;
  run(c: ReaderKeyContext, e: KeyboardEvent): void;
  /** What it does, for people reading the table. */
  description: string;
  /** Leave the browser's own action (no preventDefault). */
  keepDefault?: boolean;
  /** For the shortcuts sheet (`?`): the keys as shown, and what they do in the interface's language. */
  sheet?: { keys: string; help: MessageKey };
}

const colorKeys = ['1', '2', '3', '4', '5'];

/** The reader's keys, in the order they are tried. */
export const READER_KEYS: readonly KeyCommand[] = [
  {
    keys: ['Escape'],
    when: (c) => c.aids.lookupOpen(),
    run: (c) => c.aids.closeLookup(),
    description: 'Close the dictionary',
  },
  {
    keys: ['ArrowLeft', 'ArrowRight'],
    mod: true,
    when: (_c, e) => e.ctrlKey,
    run: (c, e) => c.aids.wordStep(e.key === 'ArrowRight' ? 1 : -1, e.shiftKey),
    description: 'Ctrl+arrows: a word back or on (Shift: extend the selection)',
  },
  {
    keys: ['ArrowLeft', 'ArrowRight'],
    alt: true,
    run: (c, e) => c.aids.wordStep(e.key === 'ArrowRight' ? 1 : -1, e.shiftKey),
    description: 'Alt+arrows: a word back or on (Shift: extend the selection)',
  },
  { keys: ['r'], run: (c) => c.aids.cycleRuby(), description: 'Ruby: off, pinyin, zhuyin' },
  { keys: ['d'], run: (c) => c.aids.toggleLookupOnClick(), description: 'Look words up on click, or not' },
  { keys: ['l'], run: (c) => c.aids.lookUpCaret(), description: 'Look up the word at the caret' },
  {
    keys: ['z'],
    mod: true,
    when: (c) => c.canUndo,
    run: (c) => c.undo(),
    description: 'Undo the last change to highlights',
    sheet: { keys: 'Ctrl+Z', help: 'keys.undo' },
  },
  {
    keys: ['h'],
    when: (c) => c.hasSelection,
    run: (c) => c.highlight(null, false),
    description: 'Highlight the selection in the last colour',
    sheet: { keys: 'H', help: 'keys.highlight' },
  },
  {
    keys: colorKeys,
    when: (c) => c.hasSelection,
    run: (c, e) => c.highlight(HIGHLIGHT_COLORS[colorKeys.indexOf(e.key)] ?? 'yellow', false),
    description: 'Highlight the selection in colour 1–5',
    sheet: { keys: '1–5', help: 'keys.colors' },
  },
  {
    keys: ['n'],
    when: (c) => c.hasSelection,
    run: (c) => c.highlight(null, true),
    description: 'Highlight the selection and write a note',
    sheet: { keys: 'N', help: 'keys.note' },
  },
  {
    keys: ['e'],
    when: (c) => c.hasSelection && c.correct !== undefined,
    run: (c) => c.correct?.(),
    description: 'Correct how the selected phrase converts',
    sheet: { keys: 'E', help: 'keys.correct' },
  },
  { keys: ['Escape'], when: (c) => c.hasSelection, run: (c) => c.clearSelection(), description: 'Drop the selection' },
  { keys: ['Escape'], when: (c) => c.hasTools, run: (c) => c.closeTools(), description: 'Close the highlight tools' },
  { keys: ['Escape'], when: (c) => c.focusMode, run: (c) => c.toggleFocus(), description: 'Leave focus mode' },
  { keys: ['Escape'], when: (c) => c.contentsOpen, run: (c) => c.closeContents(), description: 'Close the contents' },
  { keys: ['Escape'], when: (c) => c.panelOpen, run: (c) => c.closePanel(), description: 'Close the notes panel' },
  {
    keys: [']'],
    run: (c) => c.stepHighlight(1),
    description: 'Next highlight, with its tools',
    sheet: { keys: ']', help: 'keys.nextHighlight' },
  },
  {
    keys: ['['],
    run: (c) => c.stepHighlight(-1),
    description: 'Previous highlight, with its tools',
    sheet: { keys: '[', help: 'keys.previousHighlight' },
  },
  {
    keys: ['?'],
    run: (c) => c.showShortcuts(),
    description: 'The keyboard shortcuts',
    sheet: { keys: '?', help: 'keys.shortcuts' },
  },
  {
    keys: ['Enter'],
    when: (c) => !c.hasSelection && c.caretLink() !== null,
    run: (c) => c.openLink(c.caretLink() ?? ''),
    description: 'Open the link the caret is in (outside the app)',
  },
  {
    keys: ['m'],
    run: (c) => c.togglePanel(),
    description: 'Show or hide the notes panel',
    sheet: { keys: 'M', help: 'keys.panel' },
  },
  {
    keys: ['t'],
    when: (c) => c.hasContents,
    run: (c) => c.toggleContents(),
    description: 'Show or hide the table of contents',
    sheet: { keys: 'T', help: 'keys.contents' },
  },
  {
    keys: ['p'],
    when: (c) => c.canSwitch,
    run: (c) => c.toggleParallel(),
    description: 'Side by side on or off',
    sheet: { keys: 'P', help: 'keys.parallel' },
  },
  {
    keys: ['c'],
    run: (c) => c.toggleWordChanges(),
    description: 'Mark the words the conversion changed',
    sheet: { keys: 'C', help: 'keys.marks' },
  },
  {
    keys: ['Escape'],
    run: (c) => c.back(),
    description: 'Back to the library',
    sheet: { keys: 'Esc', help: 'keys.escape' },
  },
  {
    keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'],
    when: (_c, e) => e.shiftKey,
    run: (c) => c.caretToView(),
    keepDefault: true,
    description: 'Shift+arrows extend the selection from the first visible line (the text has a caret)',
    sheet: { keys: 'Shift+←→↑↓', help: 'keys.select' },
  },
  {
    keys: ['j', 'ArrowDown'],
    run: (c) => c.scroll({ lines: 1 }),
    description: 'Down a line',
    sheet: { keys: 'J ↓ / K ↑', help: 'keys.lines' },
  },
  { keys: ['k', 'ArrowUp'], run: (c) => c.scroll({ lines: -1 }), description: 'Up a line' },
  {
    keys: [' '],
    run: (c, e) => c.scroll({ pages: e.shiftKey ? -1 : 1 }),
    description: 'Down a screen (Shift: up)',
    sheet: { keys: 'Space / PageDown / PageUp', help: 'keys.pages' },
  },
  { keys: ['PageDown'], run: (c) => c.scroll({ pages: 1 }), description: 'Down a screen' },
  { keys: ['PageUp'], run: (c) => c.scroll({ pages: -1 }), description: 'Up a screen' },
  {
    keys: ['Home'],
    run: (c) => c.scrollToEnd('start'),
    description: 'To the top',
    sheet: { keys: 'Home / End', help: 'keys.ends' },
  },
  { keys: ['End'], run: (c) => c.scrollToEnd('end'), description: 'To the end' },
  {
    keys: ['v'],
    when: (c) => c.canSwitch,
    run: (c, e) => c.nextScript(e.shiftKey ? -1 : 1),
    description: 'Next script (Shift: previous)',
    sheet: { keys: 'V / Shift+V', help: 'keys.script' },
  },
  {
    keys: ['+', '='],
    run: (c) => c.fontSize(1),
    keepDefault: true,
    description: 'Larger text',
    sheet: { keys: '+ / −', help: 'keys.size' },
  },
  {
    keys: ['f'],
    mod: true,
    run: (c) => c.openFind(),
    description: 'Find in the article',
    sheet: { keys: 'Ctrl+F / /', help: 'keys.find' },
  },
  { keys: ['/'], run: (c) => c.openFind(), description: 'Find in the article' },
  {
    keys: ['f'],
    run: (c) => c.toggleFocus(),
    description: 'Focus mode on or off (the text alone)',
    sheet: { keys: 'F', help: 'keys.focus' },
  },
  {
    keys: ['F11'],
    run: (c) => c.toggleFullScreen(),
    description: 'Full screen on or off',
    sheet: { keys: 'F11', help: 'keys.fullScreen' },
  },
  { keys: ['-'], run: (c) => c.fontSize(-1), keepDefault: true, description: 'Smaller text' },
];

/** Whether keys go to a field (the article takes a caret for selecting, but is never typed in). */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || (target.isContentEditable && !target.closest('.dz-article')));

const matches = (command: KeyCommand, e: KeyboardEvent) => {
  const mod = e.ctrlKey || e.metaKey;
  if (command.alt ? !e.altKey || mod : command.mod ? !mod : mod || e.altKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return command.keys.includes(key);
};

/** The command a key press runs, if any. */
export function commandFor(
  table: readonly KeyCommand[],
  context: ReaderKeyContext,
  e: KeyboardEvent,
): KeyCommand | null {
  return table.find((command) => matches(command, e) && (command.when?.(context, e) ?? true)) ?? null;
}

/**
 * One window listener for the whole life of the reader, running the table against the context
 * as it is when the key is pressed (the ref is kept current by the caller).
 */
export function useKeyCommands(table: readonly KeyCommand[], context: RefObject<ReaderKeyContext | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // ProseMirror marks keys like Escape handled in the text it holds; they are still ours.
      const inText = e.target instanceof Element && e.target.closest('.dz-article') !== null;
      if ((e.defaultPrevented && !inText) || isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const c = context.current;
      const command = c && commandFor(table, c, e);
      if (!c || !command) return;
      if (!command.keepDefault) e.preventDefault();
      command.run(c, e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [table, context]);
}
