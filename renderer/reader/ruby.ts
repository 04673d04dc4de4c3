import { type EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { type RefObject, useEffect } from 'react';
import type { CharacterReading, ReadingOptions, ReadingSystem } from '../../preload/contract/reading';
import { api } from '../api';
import { type TextPiece, visiblePieces } from './text-pieces';
import { isLive, type ViewHandle } from './view-handle';

/**
 * Ruby: pinyin or zhuyin over the characters on screen, drawn as decorations. A reading is only an
 * attribute of a span around its character (`data-rt`), shown by the stylesheet's ::before: it is
 * never text of the document, so selections, copies, highlight quotes, search and exports never
 * see it. Readings are asked of main (pinyin-pro in the reading worker) for the blocks near the
 * screen only, again as the reader scrolls, and kept per block while the view lives.
 */

interface RubyState {
  system: ReadingSystem | null;
  set: DecorationSet;
}

const rubyKey = new PluginKey<RubyState>('dz-ruby');
const OFF: RubyState = { system: null, set: DecorationSet.empty };

/** Changes to ruby: on in a system (with decorations to add), or off. */
type RubyMeta = { system: ReadingSystem; add: readonly Decoration[]; reset: boolean } | { system: null };

/** The plugin every reader view carries: the ruby decorations, and the article's class while on. */
export function rubyPlugin(): Plugin<RubyState> {
  return new Plugin<RubyState>({
    key: rubyKey,
    state: {
      init: () => OFF,
      apply(tr, ruby) {
        const meta = tr.getMeta(rubyKey) as RubyMeta | undefined;
        if (!meta) return tr.docChanged ? { ...ruby, set: ruby.set.map(tr.mapping, tr.doc) } : ruby;
        if (meta.system === null) return OFF;
        const base = meta.reset ? DecorationSet.empty : ruby.set;
        return { system: meta.system, set: meta.add.length ? base.add(tr.doc, [...meta.add]) : base };
      },
    },
    props: {
      decorations: (state) => rubyKey.getState(state)?.set,
      attributes: (state): Record<string, string> => {
        const system = rubyKey.getState(state)?.system;
        return system ? { class: `dz-ruby-on dz-ruby-${system}` } : {};
      },
    },
  });
}

/** The ruby decorations of a state (tests look at them). */
export const rubySet = (state: EditorState): DecorationSet => rubyKey.getState(state)?.set ?? DecorationSet.empty;

/** One reading as a decoration over its character. */
export const rubyDecoration = (from: number, r: CharacterReading): Decoration =>
  Decoration.inline(from + r.start, from + r.end, {
    class: 'dz-rb',
    'data-rt': r.reading,
    // The span is made as wide as its reading (Latin letters at half size are ~0.3em each).
    style: `--dz-rt: ${r.reading.length}`,
  });

/** How many characters of readings are asked for in one call (a call per chunk keeps each short). */
const CHUNK_CHARS = 6000;

/**
 * Shows ruby in `options` (null: off) over the text near the screen, following the scroll. Blocks
 * already read are not asked again; when the options or the view change everything is read anew.
 */
export function useRuby(
  handle: ViewHandle | null,
  scrollRef: RefObject<HTMLElement | null>,
  options: ReadingOptions | null,
  onError: () => void,
) {
  const system = options?.system ?? null;
  const sandhi = options?.sandhi ?? false;
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!isLive(handle) || !scroller) return;
    const { view } = handle;
    if (system === null) {
      if (rubyKey.getState(view.state)?.system) view.dispatch(view.state.tr.setMeta(rubyKey, { system: null }));
      return;
    }
    /** Blocks read (or being read) by the position of their first character. */
    const done = new Set<number>();
    let reset = true;
    let stopped = false;
    let frame = 0;
    const fill = async () => {
      frame = 0;
      // The screen first, in one call, then half a screen either side.
      const screen = visiblePieces(view, scroller, 0).filter((p) => !done.has(p.from));
      for (const p of screen) done.add(p.from);
      const near = visiblePieces(view, scroller).filter((p) => !done.has(p.from));
      for (const p of near) done.add(p.from);
      const wanted = [...screen, ...near];
      for (let i = 0; i < wanted.length && !stopped;) {
        const chunk: TextPiece[] = [];
        const limit = i < screen.length ? screen.length : wanted.length;
        for (let n = 0; i < limit && (chunk.length === 0 || n + wanted[i]!.text.length <= CHUNK_CHARS); i++) {
          n += wanted[i]!.text.length;
          chunk.push(wanted[i]!);
        }
        const result = await api().getReadings(
          chunk.map((p) => p.text),
          { system, sandhi },
        );
        if (stopped || view.isDestroyed) return;
        if (!result.ok) {
          for (const p of chunk) done.delete(p.from);
          onError();
          return;
        }
        const add = chunk.flatMap((p, k) => (result.value[k] ?? []).map((r) => rubyDecoration(p.from, r)));
        view.dispatch(view.state.tr.setMeta(rubyKey, { system, add, reset } satisfies RubyMeta));
        reset = false;
      }
      // Turned on with nothing to read (no Han characters near): still on, for the class.
      if (reset && !stopped) {
        view.dispatch(view.state.tr.setMeta(rubyKey, { system, add: [], reset } satisfies RubyMeta));
        reset = false;
      }
    };
    const onScroll = () => {
      frame ||= window.requestAnimationFrame(() => void fill());
    };
    void fill();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      stopped = true;
      window.cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [handle, scrollRef, system, sandhi, onError]);
}
