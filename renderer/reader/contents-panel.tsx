import { type CSSProperties, type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { forDisplay } from '../../preload/contract/display';
import type { Block } from '../../preload/contract/types';
import { useI18n } from '../i18n';

/** A heading of the article, as the contents list shows it. */
export interface ContentsEntry {
  /** The block's index (the same in the source and in every conversion). */
  index: number;
  level: number;
  /** The heading as shown (in the script on screen). */
  text: string;
  /** Where it starts in the source text: where a jump takes the reader. */
  offset: number;
}

/** The headings of an article in the script on screen; the offsets are the source's. */
export function contentsOf(source: readonly Block[], shown: readonly Block[]): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  source.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    const text = (shown[index]?.text ?? block.text).trim();
    if (!text) return;
    entries.push({ index, level: Math.min(6, Math.max(1, block.level ?? 1)), text, offset: block.start });
  });
  return entries;
}

/** The entry the reader is in: the last heading at or before the source offset. */
export function currentEntry(entries: readonly ContentsEntry[], offset: number): ContentsEntry | null {
  let found: ContentsEntry | null = null;
  for (const e of entries) {
    if (e.offset > offset) break;
    found = e;
  }
  return found;
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The table of contents: the article's headings (deeper levels indented) as buttons that jump
 * there. Arrow keys, Home and End move between them; Esc closes the panel (a reader key).
 */
export function ContentsPanel({
  entries,
  current,
  onGo,
  onClose,
}: {
  entries: readonly ContentsEntry[];
  /** The block index of the heading the reader is under, when opened. */
  current: number | null;
  onGo(entry: ContentsEntry): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const shallowest = entries.reduce((min, e) => Math.min(min, e.level), 6);

  // Opening the panel puts the focus on the heading the reader is under.
  useLayoutEffect(() => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    const at = entries.findIndex((e) => e.index === current);
    const button = buttons?.[Math.max(0, at)];
    button?.focus({ preventScroll: true });
    button?.scrollIntoView({ block: 'nearest' });
    // Only on opening: later changes of `current` must not take the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const move = MOVES[e.key];
    if (move) {
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      buttons[move(Math.max(0, at), buttons.length)]?.focus();
    }
    // The list's own keys (and Enter or Space on an entry) are not the reader's scrolling keys.
    if (move || e.key === 'Enter' || e.key === ' ') {
      if (move) e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <nav className="contents-panel" aria-labelledby="contents-title" data-testid="contents-panel">
      <div className="panel-header">
        <h2 id="contents-title">{t('contents.title')}</h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('contents.close')}
          title={t('contents.close')}
        >
          ×
        </button>
      </div>
      <ol className="contents-list" ref={list} onKeyDown={onKeyDown}>
        {entries.map((e) => (
          <li key={e.index} style={{ '--dz-level': e.level - shallowest } as CSSProperties}>
            <button
              type="button"
              className={`contents-entry contents-h${e.level}`}
              aria-current={e.index === current ? 'location' : undefined}
              onClick={() => onGo(e)}
            >
              {forDisplay(e.text)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
