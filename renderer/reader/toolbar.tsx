import { type ReactNode, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { forDisplay } from '../../preload/contract/display';
import { useI18n } from '../i18n';

/**
 * One group of the reader's toolbar: a few related controls that stay together, in the bar when
 * there is room and in the overflow menu when there is not. The toolbar knows nothing of what a
 * group holds: adding one is one entry in the list given to it (see reader-toolbar.tsx).
 */
export interface ToolbarGroup {
  /** Stable id (measured widths are kept by it). */
  id: string;
  /** What the group is for, read out and shown as its heading in the overflow menu. */
  label: string;
  /**
   * Which groups fold first when the window is narrow: the lowest. Groups of equal priority fold
   * from the end of the bar.
   */
  priority: number;
  /** The controls: the same element in the bar and in the menu (the menu lays it out in rows). */
  content: ReactNode;
}

/** Room the title keeps before a group folds (its full text is on hover and focus). */
const TITLE_MIN = 96;
/** The bar's gap between groups (as styles.css). */
const GAP = 8;

/** The ids of the groups that fold, in folding order (lowest priority first, then last first). */
export function foldOrder(groups: readonly ToolbarGroup[]): string[] {
  return groups
    .map((g, index) => ({ g, index }))
    .sort((a, b) => a.g.priority - b.g.priority || b.index - a.index)
    .map(({ g }) => g.id);
}

/**
 * The reader's toolbar: back, the article's title (cut short, whole on hover and focus), the
 * groups that fit, and a "More" button holding the rest. It never wraps and never overflows: a
 * group that does not fit goes into the menu whole, and comes back when the window widens.
 */
export function ReaderToolbar({
  title,
  onBack,
  groups,
  status,
}: {
  title: string | undefined;
  onBack(): void;
  groups: readonly ToolbarGroup[];
  /** Read out politely (e.g. "Converting…"). */
  status: string;
}) {
  const { t } = useI18n();
  const barRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [folded, setFolded] = useState(0);
  const [open, setOpen] = useState(false);
  const widths = useRef(new Map<string, number>());
  const [room, setRoom] = useState('');
  const menuId = useId();
  const moreRef = useRef<HTMLButtonElement>(null);

  const ids = groups.map((g) => `${g.id}:${g.priority}`).join(' ');
  const order = useMemo(() => foldOrder(groups), [ids]); // eslint-disable-line react-hooks/exhaustive-deps -- the ids say it all
  const foldedIds = new Set(order.slice(0, folded));
  const inBar = groups.filter((g) => !foldedIds.has(g.id));
  const inMenu = groups.filter((g) => foldedIds.has(g.id));
  const menuOpen = open && inMenu.length > 0;

  // The bar's width and the title's (which takes what the groups leave): any change to either
  // (a resize, a group's content, the language) measures again.
  useEffect(() => {
    const bar = barRef.current;
    const titleBox = titleRef.current;
    if (!bar || !titleBox) return;
    const observer = new ResizeObserver(() => setRoom(`${bar.clientWidth}|${titleBox.offsetWidth}`));
    observer.observe(bar);
    observer.observe(titleBox);
    return () => observer.disconnect();
  }, []);

  // Before paint: measure the groups on the bar; fold one more while the bar overflows, unfold
  // one while the title has room to spare for it. Each step renders again and measures again.
  useLayoutEffect(() => {
    const bar = barRef.current;
    const titleBox = titleRef.current;
    if (!bar || !titleBox) return;
    for (const element of bar.querySelectorAll<HTMLElement>('[data-group]')) {
      widths.current.set(element.dataset.group ?? '', element.offsetWidth);
    }
    const overflows = bar.scrollWidth > bar.clientWidth + 1 || titleBox.offsetWidth < TITLE_MIN - 1;
    if (overflows && folded < order.length) return setFolded(folded + 1);
    if (!overflows && folded > 0) {
      const next = order[folded - 1] ?? '';
      const need = (widths.current.get(next) ?? Infinity) + GAP;
      // The More button goes when the last group comes back: its room counts too.
      const freed = folded === 1 ? (moreRef.current?.offsetWidth ?? 0) + GAP : 0;
      if (titleBox.offsetWidth - TITLE_MIN + freed >= need) setFolded(folded - 1);
    }
  }, [folded, room, order]);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) moreRef.current?.focus();
  }, []);
  // The menu closes on a click outside it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const menu = document.getElementById(menuId);
      if (!(e.target instanceof Node) || menu?.contains(e.target) || moreRef.current?.contains(e.target)) return;
      close(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, menuId, close]);

  const shownTitle = title === undefined ? '' : forDisplay(title);
  // The window and document title: the article's, then the app's in the interface's language.
  const appTitle = t('app.windowTitle');
  useEffect(() => {
    if (!shownTitle) return;
    document.title = `${shownTitle} — ${appTitle}`;
    return () => {
      document.title = appTitle;
    };
  }, [shownTitle, appTitle]);
  return (
    <header className="toolbar-header" ref={barRef}>
      <button
        type="button"
        className="tool back-tool"
        onClick={onBack}
        aria-label={t('reader.back')}
        title={`${t('reader.back')} (Esc)`}
      >
        <span aria-hidden="true">← </span>
        <span className="tool-label">{t('library.title')}</span>
      </button>
      {/* Cut short on the bar; its whole text on hover (title) and on focus (styles.css). */}
      <h1
        className="toolbar-title"
        ref={titleRef}
        title={shownTitle}
        data-full={shownTitle}
        tabIndex={shownTitle ? 0 : undefined}
        data-testid="toolbar-title"
      >
        {shownTitle}
      </h1>
      <div className="toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
        {inBar.map((g) => (
          <div key={g.id} className="tool-group" role="group" aria-label={g.label} data-group={g.id}>
            {g.content}
          </div>
        ))}
        {inMenu.length > 0 && (
          <button
            type="button"
            ref={moreRef}
            className="tool more-tool"
            aria-expanded={menuOpen}
            aria-controls={menuOpen ? menuId : undefined}
            onClick={() => setOpen((o) => !o)}
            title={t('toolbar.moreHint')}
            data-testid="toolbar-more"
          >
            {t('toolbar.more')}
            <span aria-hidden="true"> ▾</span>
          </button>
        )}
        {menuOpen && (
          <div
            id={menuId}
            className="toolbar-menu"
            data-testid="toolbar-menu"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                close(true);
              }
            }}
          >
            {inMenu.map((g) => (
              <div key={g.id} className="menu-group" role="group" aria-label={g.label} data-menu-group={g.id}>
                <div className="menu-group-label" aria-hidden="true">
                  {g.label}
                </div>
                <div className="tool-group">{g.content}</div>
              </div>
            ))}
          </div>
        )}
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {status}
      </span>
    </header>
  );
}
