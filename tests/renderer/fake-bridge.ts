import type { AnnotationBridge } from '../../renderer/annotations/annotation-store';
import type { AppError, Highlight, Result } from '../../preload/contract/types';

/** A call the fake bridge answered: its name, its argument, and the fake clock's time. */
export interface RecordedCall {
  name: keyof AnnotationBridge;
  arg: unknown;
  at: number;
}

const busy: AppError = { code: 'busy', detail: 'database is locked' };

/**
 * An in-memory stand-in for main's highlight calls: it keeps rows as main's store would, records
 * every call, can fail the next calls of a kind, and can hold answers until released (a slow disk).
 */
export class FakeBridge implements AnnotationBridge {
  readonly rows = new Map<string, Highlight>();
  readonly calls: RecordedCall[] = [];
  /** Every note the store really holds, in order, with when it was stored. */
  readonly storedNotes: { id: string; note: string; at: number }[] = [];
  private failures = new Map<keyof AnnotationBridge, number>();
  private held: (() => void)[] | null = null;
  private next = 1;

  constructor(
    private readonly now: () => number,
    seed: Partial<Highlight>[] = [],
  ) {
    for (const s of seed) this.insert(s);
  }

  insert(s: Partial<Highlight>): Highlight {
    const h: Highlight = {
      id: `h${this.next++}`,
      articleId: 1,
      start: 0,
      end: 2,
      exact: '',
      prefix: '',
      suffix: '',
      color: 'yellow',
      note: '',
      orphaned: false,
      createdAt: '',
      updatedAt: '',
      ...s,
    };
    this.rows.set(h.id, h);
    return h;
  }

  /** The next `count` calls named `name` fail as a locked database would. */
  failNext(name: keyof AnnotationBridge, count: number) {
    this.failures.set(name, count);
  }

  /** Answers wait until `release` (or until holding stops). */
  hold() {
    this.held ??= [];
  }

  /** Answers the calls waiting now; later calls wait again unless `stopHolding` was called. */
  release() {
    const waiting = this.held ?? [];
    if (this.held) this.held = [];
    for (const go of waiting) go();
  }

  stopHolding() {
    const waiting = this.held ?? [];
    this.held = null;
    for (const go of waiting) go();
  }

  /** Calls held right now. */
  get waiting(): number {
    return this.held?.length ?? 0;
  }

  private async answer<T>(name: keyof AnnotationBridge, arg: unknown, run: () => T): Promise<Result<T>> {
    this.calls.push({ name, arg, at: this.now() });
    if (this.held) await new Promise<void>((go) => this.held!.push(go));
    const failing = this.failures.get(name) ?? 0;
    if (failing > 0) {
      this.failures.set(name, failing - 1);
      return { ok: false, error: busy };
    }
    try {
      return { ok: true, value: run() };
    } catch (e) {
      return { ok: false, error: { code: 'not_found', detail: String(e) } };
    }
  }

  private row(id: string): Highlight {
    const h = this.rows.get(id);
    if (!h) throw new Error(`no highlight ${id}`);
    return h;
  }

  listHighlights = (articleId: number) =>
    this.answer('listHighlights', articleId, () => [...this.rows.values()].filter((h) => h.articleId === articleId));

  createHighlight = (arg: Parameters<AnnotationBridge['createHighlight']>[0]) =>
    this.answer('createHighlight', arg, () => this.insert({ ...arg, exact: `text ${arg.start}-${arg.end}` }));

  updateHighlight = (arg: Parameters<AnnotationBridge['updateHighlight']>[0]) =>
    this.answer('updateHighlight', arg, () => {
      const h = { ...this.row(arg.id), ...arg, updatedAt: String(this.now()) };
      this.rows.set(h.id, h);
      if (arg.note !== undefined) this.storedNotes.push({ id: h.id, note: arg.note, at: this.now() });
      return h;
    });

  deleteHighlight = (id: string) =>
    this.answer('deleteHighlight', id, () => {
      const h = this.row(id);
      this.rows.delete(id);
      return h;
    });

  restoreHighlight = (h: Highlight) =>
    this.answer('restoreHighlight', h, () => {
      this.rows.set(h.id, h);
      return h;
    });

  /** Folds to Simplified for the few characters the tests use, as main's fold would. */
  foldForSearch = (texts: string[]) =>
    this.answer('foldForSearch', texts, () => texts.map((t) => t.replace(/[騰訊歷紀錄]/g, (c) => FOLD[c] ?? c)));
}

const FOLD: Record<string, string> = { 騰: '腾', 訊: '讯', 歷: '历', 紀: '纪', 錄: '录' };
