import { type RefObject, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReadingSystem } from '../../preload/contract/reading';
import { api } from '../api';
import { useI18n } from '../i18n';
import { type Lookup, LookupPopup, lookUp, vocabularyOf } from './lookup-popup';
import { useRuby } from './ruby';
import { textblockAt } from './text-pieces';
import { isLive, type ViewHandle } from './view-handle';
import { characterAt, useWordSelection, wordStep } from './words';

/** What the reader's keys do with the reading aids (rows in key-commands.ts). */
export interface ReadingAidKeys {
  lookupOpen(): boolean;
  closeLookup(): void;
  /** Ruby off → pinyin → zhuyin → off. */
  cycleRuby(): void;
  toggleLookupOnClick(): void;
  /** Looks up the word at the caret (or the selection's start). */
  lookUpCaret(): void;
  wordStep(dir: 1 | -1, extend: boolean): void;
}

interface Prefs {
  ruby: ReadingSystem | null;
  sandhi: boolean;
  lookupOnClick: boolean;
}

/** A view preference, kept on this machine (like the library's sort order), not library data. */
const PREFS_KEY = 'duizhao.readingAids';
const DEFAULT_PREFS: Prefs = { ruby: null, sandhi: true, lookupOnClick: true };

function loadPrefs(): Prefs {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(PREFS_KEY) ?? '{}') as Partial<Prefs>;
    return {
      ruby: stored.ruby === 'pinyin' || stored.ruby === 'zhuyin' ? stored.ruby : null,
      sandhi: typeof stored.sandhi === 'boolean' ? stored.sandhi : DEFAULT_PREFS.sandhi,
      lookupOnClick: typeof stored.lookupOnClick === 'boolean' ? stored.lookupOnClick : DEFAULT_PREFS.lookupOnClick,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

/** Main keeps what it loaded for the app's life: asked once. */
let prepared = false;

const NEXT_RUBY: Record<string, ReadingSystem | null> = { none: 'pinyin', pinyin: 'zhuyin', zhuyin: null };

/**
 * The reading aids of issue 15 in the reader: ruby over the text on screen, the dictionary popup
 * (a click on a word, or `L` at the caret) with "Save word", whole-word double-click and word
 * steps. Returns the controls bar, the popup and the key actions for reader-view to place.
 */
export function useReadingAids({
  handle,
  scrollRef,
  articleId,
  readSelection,
}: {
  handle: ViewHandle | null;
  scrollRef: RefObject<HTMLElement | null>;
  articleId: number;
  readSelection(): void;
}) {
  const { t } = useI18n();
  const [prefs, setPrefs] = useState<Prefs>(loadPrefs);
  // The popup's state lives outside the reader's render: showing it redraws the popup alone.
  const [store] = useState(() => new LookupStore());
  const setLookup = store.set;
  const [failed, setFailed] = useState(false);
  const change = useCallback((patch: Partial<Prefs>) => {
    setPrefs((now) => {
      const next = { ...now, ...patch };
      try {
        globalThis.localStorage?.setItem(PREFS_KEY, JSON.stringify(next));
      } catch {
        // A preference not kept is only forgotten next time.
      }
      return next;
    });
  }, []);

  // The dictionary, pinyin-pro and jieba load in main's workers when the reader first reaches for
  // the text (a press on it, a key), not for every article opened just to be read.
  useEffect(() => {
    if (!isLive(handle)) return;
    const { view } = handle;
    const stop = () => {
      view.dom.removeEventListener('pointerdown', prepare);
      view.dom.removeEventListener('keydown', prepare);
    };
    const prepare = () => {
      stop();
      if (prepared) return;
      prepared = true;
      void api().prepareReading();
    };
    view.dom.addEventListener('pointerdown', prepare);
    view.dom.addEventListener('keydown', prepare);
    return stop;
  }, [handle]);
  const onRubyError = useCallback(() => setFailed(true), []);
  useRuby(handle, scrollRef, prefs.ruby ? { system: prefs.ruby, sandhi: prefs.sandhi } : null, onRubyError);
  useWordSelection(handle, readSelection);

  const show = useCallback(
    async (pos: number, anchor: Lookup['anchor']) => {
      if (!isLive(handle)) return;
      const block = textblockAt(handle.view.state.doc, pos);
      if (!block) return;
      const found = await lookUp(block, pos - block.from);
      setLookup(found ? { ...found, anchor } : null);
    },
    [handle, setLookup],
  );

  // A click on a word (not ending a selection, not on a highlight or a link) looks it up.
  useEffect(() => {
    if (!isLive(handle) || !prefs.lookupOnClick) return;
    const { view } = handle;
    const onClick = (event: MouseEvent) => {
      if (window.getSelection()?.isCollapsed === false || event.detail > 1) return;
      if (event.target instanceof Element && event.target.closest('[data-hl], a')) return;
      const at = characterAt(view, event.clientX, event.clientY);
      if (!at) return setLookup(null);
      const rect = (event.target instanceof Element ? event.target : view.dom).getBoundingClientRect();
      void show(at.block.from + at.offset, {
        left: event.clientX - 16,
        top: event.clientY - 12,
        bottom: Math.min(rect.bottom, event.clientY + 14),
      });
    };
    view.dom.addEventListener('click', onClick);
    return () => view.dom.removeEventListener('click', onClick);
  }, [handle, prefs.lookupOnClick, show, setLookup]);

  const closeLookup = useCallback(() => {
    setLookup(null);
    if (isLive(handle)) handle.view.focus();
  }, [handle, setLookup]);

  const keys: ReadingAidKeys = {
    lookupOpen: () => store.get() !== null,
    closeLookup,
    cycleRuby: () => change({ ruby: NEXT_RUBY[prefs.ruby ?? 'none'] ?? null }),
    toggleLookupOnClick: () => change({ lookupOnClick: !prefs.lookupOnClick }),
    lookUpCaret: () => {
      if (!isLive(handle)) return;
      const { view } = handle;
      const pos = view.state.selection.from;
      const c = view.coordsAtPos(pos);
      void show(pos, { left: c.left, top: c.top, bottom: c.bottom });
    },
    wordStep: (dir, extend) => {
      if (isLive(handle)) wordStep(handle.view, dir, extend);
    },
  };

  const save = useCallback(
    async (lookup: Lookup) => {
      const r = await api().saveVocabulary({ articleId, ...vocabularyOf(lookup, prefs.ruby ?? 'pinyin') });
      return r.ok;
    },
    [articleId, prefs.ruby],
  );

  const bar = useMemo(
    () => (
      <div className="reading-tools" role="group" aria-label={t('aids.group')} data-testid="reading-tools">
        <label className="reading-tool">
          <span>{t('aids.ruby')}</span>
          <select
            value={prefs.ruby ?? 'none'}
            onChange={(e) => change({ ruby: e.target.value === 'none' ? null : (e.target.value as ReadingSystem) })}
            title={`${t('aids.ruby')} (R)`}
            data-testid="ruby-select"
          >
            <option value="none">{t('aids.ruby.none')}</option>
            <option value="pinyin">{t('aids.ruby.pinyin')}</option>
            <option value="zhuyin">{t('aids.ruby.zhuyin')}</option>
          </select>
        </label>
        <label className="reading-tool">
          <input type="checkbox" checked={prefs.sandhi} onChange={(e) => change({ sandhi: e.target.checked })} />
          <span>{t('aids.sandhi')}</span>
        </label>
        <label className="reading-tool" title={`${t('aids.lookupHint')} (D, L)`}>
          <input
            type="checkbox"
            checked={prefs.lookupOnClick}
            onChange={(e) => change({ lookupOnClick: e.target.checked })}
            data-testid="lookup-toggle"
          />
          <span>{t('aids.lookupOnClick')}</span>
        </label>
        {failed && (
          <span className="muted" role="status">
            {t('aids.failed')}
          </span>
        )}
      </div>
    ),
    [t, prefs, change, failed],
  );

  const popup = <LookupLayer store={store} scrollRef={scrollRef} onSave={save} onClose={closeLookup} />;
  return { bar, popup, keys };
}

/** The lookup on screen, if any, as a tiny store the popup subscribes to. */
class LookupStore {
  private current: Lookup | null = null;
  private readonly listeners = new Set<() => void>();
  get = () => this.current;
  set = (lookup: Lookup | null) => {
    if (lookup === this.current) return;
    this.current = lookup;
    for (const listener of this.listeners) listener();
  };
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The popup of the lookup in `store`; scrolling or a press elsewhere closes it (it belongs to a place on screen). */
function LookupLayer({
  store,
  scrollRef,
  onSave,
  onClose,
}: {
  store: LookupStore;
  scrollRef: RefObject<HTMLElement | null>;
  onSave(lookup: Lookup): Promise<boolean>;
  onClose(): void;
}) {
  const lookup = useSyncExternalStore(store.subscribe, store.get);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!lookup || !scroller) return;
    const close = () => store.set(null);
    scroller.addEventListener('scroll', close, { passive: true, once: true });
    document.addEventListener('mousedown', close);
    return () => {
      scroller.removeEventListener('scroll', close);
      document.removeEventListener('mousedown', close);
    };
  }, [lookup, scrollRef, store]);
  return (
    lookup && (
      <LookupPopup
        key={`${lookup.shown}@${lookup.anchor.left},${lookup.anchor.top}`}
        lookup={lookup}
        onSave={() => onSave(lookup)}
        onClose={onClose}
      />
    )
  );
}
