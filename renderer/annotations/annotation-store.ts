import type { DuizhaoApi } from '../../preload/contract/api';
import type { AppError, Highlight, HighlightColor, Result } from '../../preload/contract/types';
import { type Clock, systemClock } from './clock';
import { NOTE_SAVE_TIMES, type NoteSaveTimes, NoteSaves, type NoteState } from './note-saves';

/** The bridge calls the store makes (tests pass a fake that fails, waits or records). */
export type AnnotationBridge = Pick<
  DuizhaoApi,
  'listHighlights' | 'createHighlight' | 'updateHighlight' | 'deleteHighlight' | 'restoreHighlight' | 'foldForSearch'
>;

/** Which highlights the notes panel lists. */
export interface AnnotationFilter {
  /** The colours shown; empty shows every colour. */
  readonly colors: readonly HighlightColor[];
  /** Text searched in quotes and notes, in any script (腾讯 finds 騰訊). */
  readonly query: string;
}

/** What views draw, replaced (never changed) on every change. */
export interface AnnotationSnapshot {
  /** Whether the first load is done. */
  readonly loaded: boolean;
  /** Every highlight of the article in reading order, orphaned ones last; notes as typed. */
  readonly highlights: readonly Highlight[];
  /** The highlights passing the filter, in the same order. */
  readonly visible: readonly Highlight[];
  readonly filter: AnnotationFilter;
  /** Whether there is something to undo. */
  readonly canUndo: boolean;
  /** The highlight just deleted, while its "undo" notice is up. */
  readonly deleted: Highlight | null;
  /** Notes not stored as shown, and why; a note not listed is saved. */
  readonly notes: ReadonlyMap<string, NoteState>;
  /** The colour used last, for the next highlight made from the keyboard. */
  readonly lastColor: HighlightColor;
}

export interface AnnotationStoreOptions {
  bridge: AnnotationBridge;
  articleId: number;
  clock?: Clock;
  noteTimes?: NoteSaveTimes;
  /** How long the notice of a delete offers to undo it. */
  deletedNoticeMs?: number;
  /** How long a search rests before its texts are folded. */
  foldDelayMs?: number;
  /** A call failed (note saves are retried instead, and shown unsaved). */
  onError?(error: AppError): void;
}

type UndoStep =
  | { kind: 'create'; id: string }
  | { kind: 'recolor'; id: string; color: HighlightColor }
  | { kind: 'delete'; highlight: Highlight };

const UNDO_DEPTH = 50;

/** The id a highlight has while main has not stored it yet (never one of main's ids). */
const PENDING = 'pending:';

/** Whether a highlight is drawn before main has stored it (it cannot be changed until then). */
export const isPending = (id: string) => id.startsWith(PENDING);

/** Reading order: by where they start, longer first at the same start; orphaned ones at the end. */
const readingOrder = (a: Highlight, b: Highlight) =>
  Number(a.orphaned) - Number(b.orphaned) || a.start - b.start || b.end - a.end;

/**
 * The one owner of an article's annotations in the renderer: the list in reading order, the
 * notes panel's filter, every change (create, recolour, delete, each undoable), and note saving
 * (see NoteSaves). Views subscribe (useSyncExternalStore), draw the snapshot and report what the
 * reader did; they never call the bridge for annotations themselves.
 */
export class AnnotationStore {
  private readonly bridge: AnnotationBridge;
  private readonly articleId: number;
  private readonly clock: Clock;
  private readonly onError: (error: AppError) => void;
  private readonly deletedNoticeMs: number;
  private readonly foldDelayMs: number;
  private readonly saves: NoteSaves;
  private readonly listeners = new Set<() => void>();
  private list: Highlight[] = [];
  private loaded = false;
  private filter: AnnotationFilter = { colors: [], query: '' };
  private undoSteps: UndoStep[] = [];
  private deleted: Highlight | null = null;
  private deletedTimer: unknown;
  private lastColor: HighlightColor = 'yellow';
  private pendingCount = 0;
  private quoteOf: (h: Highlight) => string = (h) => h.exact;
  /** Search keys folded to one script by main, for the query they were folded with. */
  private folded: { query: string; keys: Map<string, string> } | null = null;
  private foldTimer: unknown;
  private foldRun = 0;
  private snapshot: AnnotationSnapshot;

  constructor(options: AnnotationStoreOptions) {
    this.bridge = options.bridge;
    this.articleId = options.articleId;
    this.clock = options.clock ?? systemClock;
    this.onError = options.onError ?? (() => undefined);
    this.deletedNoticeMs = options.deletedNoticeMs ?? 8000;
    this.foldDelayMs = options.foldDelayMs ?? 120;
    this.saves = new NoteSaves(
      (id, note) => this.storeNote(id, note),
      this.clock,
      () => this.emit(),
      options.noteTimes ?? NOTE_SAVE_TIMES,
    );
    this.snapshot = this.build();
  }

  // --- subscribing ---------------------------------------------------------------------------

  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AnnotationSnapshot => this.snapshot;

  get(id: string): Highlight | undefined {
    return this.list.find((h) => h.id === id);
  }

  // --- loading -------------------------------------------------------------------------------

  /** Loads (or loads again, after the text was replaced) the article's highlights; notes being typed are kept. */
  async load(): Promise<void> {
    const result = await this.bridge.listHighlights(this.articleId);
    if (!this.ok(result)) return;
    this.list = result.value.map((h) => {
      const draft = this.saves.draft(h.id);
      return draft === undefined ? h : { ...h, note: draft };
    });
    this.loaded = true;
    this.changed(true);
  }

  // --- changes -------------------------------------------------------------------------------

  /**
   * Highlights a source range; returns the new highlight. It is drawn at once, before main answers
   * (a pending highlight with the range and colour asked for), then replaced by the stored one;
   * if main refuses, it is taken away again and the error reported.
   */
  async create(range: { start: number; end: number }, color: HighlightColor): Promise<Highlight | null> {
    this.lastColor = color;
    const at = new Date(this.clock.now()).toISOString();
    const pending: Highlight = {
      id: `${PENDING}${++this.pendingCount}`,
      articleId: this.articleId,
      ...range,
      exact: '',
      prefix: '',
      suffix: '',
      color,
      note: '',
      orphaned: false,
      createdAt: at,
      updatedAt: at,
    };
    this.list = [...this.list, pending];
    this.changed(true);
    const result = await this.bridge.createHighlight({ articleId: this.articleId, ...range, color });
    if (!this.ok(result)) {
      this.list = this.list.filter((h) => h !== pending);
      this.changed(false);
      return null;
    }
    this.list = this.list.map((h) => (h === pending ? result.value : h));
    this.pushUndo({ kind: 'create', id: result.value.id });
    this.changed(true);
    return result.value;
  }

  async recolor(id: string, color: HighlightColor): Promise<void> {
    const before = this.get(id);
    this.lastColor = color;
    if (!before || before.color === color || isPending(id)) return this.emit();
    const result = await this.bridge.updateHighlight({ id, color });
    if (!this.ok(result)) return;
    this.pushUndo({ kind: 'recolor', id, color: before.color });
    this.replace(id, (h) => ({ ...h, color: result.value.color, updatedAt: result.value.updatedAt }));
  }

  /** Deletes a highlight (its note saved first, so that undo brings back what was typed). */
  async remove(id: string): Promise<void> {
    if (isPending(id)) return;
    await this.saves.flush(id);
    const result = await this.bridge.deleteHighlight(id);
    if (!this.ok(result)) return;
    this.saves.forget(id);
    this.list = this.list.filter((h) => h.id !== id);
    this.pushUndo({ kind: 'delete', highlight: result.value });
    this.showDeleted(result.value);
    this.changed(true);
  }

  /** Undoes the last change still undoable (a create, a recolour, a delete). */
  async undo(): Promise<void> {
    const step = this.undoSteps.pop();
    if (!step) return;
    this.showDeleted(null);
    if (step.kind === 'delete') {
      const result = await this.bridge.restoreHighlight(step.highlight);
      if (!this.ok(result)) return;
      this.list = [...this.list, result.value];
      return this.changed(true);
    }
    if (!this.get(step.id)) return this.undo(); // gone since: nothing left to undo there
    if (step.kind === 'create') {
      const result = await this.bridge.deleteHighlight(step.id);
      if (!this.ok(result)) return;
      this.saves.forget(step.id);
      this.list = this.list.filter((h) => h.id !== step.id);
      return this.changed(true);
    }
    const result = await this.bridge.updateHighlight({ id: step.id, color: step.color });
    if (!this.ok(result)) return;
    this.replace(step.id, (h) => ({ ...h, color: result.value.color, updatedAt: result.value.updatedAt }));
  }

  // --- notes ---------------------------------------------------------------------------------

  /** The reader typed in a note: shown at once, saved debounced (see NoteSaves). */
  editNote(id: string, text: string): void {
    const h = this.get(id);
    if (!h || isPending(id)) return;
    // Before the first edit the note in the list is the stored one; after it NoteSaves knows.
    const stored = h.note;
    this.list = this.list.map((x) => (x.id === id ? { ...x, note: text } : x));
    this.saves.edit(id, text, stored);
    if (this.filter.query.trim() !== '') this.refold();
  }

  /** Saves a note now if it is not stored (blur, unmount). */
  flushNote(id: string): Promise<void> {
    return this.saves.flush(id);
  }

  /** Saves every note not stored (leaving the article, closing the window). */
  flushNotes(): Promise<void> {
    return this.saves.flushAll();
  }

  private async storeNote(id: string, note: string): Promise<boolean> {
    const result = await this.bridge.updateHighlight({ id, note });
    if (!result.ok) return false;
    // Keep what is being typed: only the stored fields come back.
    this.list = this.list.map((h) => (h.id === id ? { ...h, updatedAt: result.value.updatedAt } : h));
    return true;
  }

  // --- the filter ----------------------------------------------------------------------------

  setColors(colors: readonly HighlightColor[]): void {
    this.filter = { ...this.filter, colors: [...colors] };
    this.emit();
  }

  setQuery(query: string): void {
    this.filter = { ...this.filter, query };
    this.emit();
    this.refold();
  }

  /** How quotes show on screen (the script shown), so that a search finds what is seen. */
  setQuoteOf(quoteOf: (h: Highlight) => string): void {
    this.quoteOf = quoteOf;
    this.emit();
    this.refold();
  }

  /** Folding goes through main (one script for all), a little after the query or the texts last changed. */
  private refold() {
    if (this.foldTimer !== undefined) this.clock.clearTimeout(this.foldTimer);
    this.foldTimer = undefined;
    const query = this.filter.query.trim();
    if (query === '') {
      this.folded = null;
      return;
    }
    const run = ++this.foldRun;
    this.foldTimer = this.clock.setTimeout(() => {
      this.foldTimer = undefined;
      const list = this.list;
      void this.bridge.foldForSearch([query, ...list.map((h) => this.searchText(h))]).then((r) => {
        if (run !== this.foldRun || !r.ok) return;
        const [q = '', ...keys] = r.value;
        this.folded = { query: q, keys: new Map(list.map((h, i) => [h.id, keys[i] ?? ''])) };
        this.emit();
      });
    }, this.foldDelayMs);
  }

  private searchText(h: Highlight): string {
    return [this.quoteOf(h), h.exact, h.note].join('\n');
  }

  private matches(h: Highlight): boolean {
    const { colors, query } = this.filter;
    if (colors.length > 0 && !colors.includes(h.color)) return false;
    const q = query.trim().toLowerCase();
    if (q === '') return true;
    // Until the folded forms arrive, plain matching stands in.
    if (this.searchText(h).toLowerCase().includes(q)) return true;
    const folded = this.folded;
    return folded !== null && folded.query !== '' && (folded.keys.get(h.id)?.includes(folded.query) ?? false);
  }

  // --- the rest ------------------------------------------------------------------------------

  /**
   * Leaving the article: saves what is unsaved and stops the notice and search timers. A note
   * whose save fails goes on being retried; the store stays usable.
   */
  async dispose(): Promise<void> {
    if (this.foldTimer !== undefined) this.clock.clearTimeout(this.foldTimer);
    if (this.deletedTimer !== undefined) this.clock.clearTimeout(this.deletedTimer);
    this.foldTimer = this.deletedTimer = undefined;
    await this.saves.flushAll();
  }

  private ok<T>(result: Result<T>): result is { ok: true; value: T } {
    if (!result.ok) this.onError(result.error);
    return result.ok;
  }

  private pushUndo(step: UndoStep) {
    this.undoSteps = [...this.undoSteps.slice(-(UNDO_DEPTH - 1)), step];
  }

  private showDeleted(h: Highlight | null) {
    if (this.deletedTimer !== undefined) this.clock.clearTimeout(this.deletedTimer);
    this.deletedTimer = undefined;
    this.deleted = h;
    if (h) {
      this.deletedTimer = this.clock.setTimeout(() => {
        this.deletedTimer = undefined;
        this.deleted = null;
        this.emit();
      }, this.deletedNoticeMs);
    }
  }

  private replace(id: string, change: (h: Highlight) => Highlight) {
    this.list = this.list.map((h) => (h.id === id ? change(h) : h));
    this.changed(false);
  }

  /** The list changed: sorted again when highlights came or went, searched again when searching. */
  private changed(reorder: boolean) {
    if (reorder) this.list = [...this.list].sort(readingOrder);
    this.emit();
    if (this.filter.query.trim() !== '') this.refold();
  }

  private build(): AnnotationSnapshot {
    return {
      loaded: this.loaded,
      highlights: this.list,
      visible: this.list.filter((h) => this.matches(h)),
      filter: this.filter,
      canUndo: this.undoSteps.length > 0,
      deleted: this.deleted,
      notes: this.saves.states(),
      lastColor: this.lastColor,
    };
  }

  private emit() {
    this.snapshot = this.build();
    for (const listener of this.listeners) listener();
  }
}
