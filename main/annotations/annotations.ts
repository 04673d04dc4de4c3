import { randomUUID } from 'node:crypto';
import type { CallArgs } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import type { Highlight } from '../../preload/contract/types';
import type { ArticleReads } from '../db/article-reads';
import type { HighlightReads, HighlightWrites } from '../db/highlights';
import { anchor, type AnchorResult } from './anchor';
import { describe, type TextAnchor } from './quote-selector';

/** How re-anchoring went, in counts. */
export interface ReanchorCounts {
  exact: number;
  moved: number;
  orphaned: number;
}

/** Finds selectors in a text: in this thread, or in the import worker. */
export type FindAll = (text: string, selectors: TextAnchor[]) => Promise<AnchorResult[]>;

const findInline: FindAll = (text, selectors) => Promise.resolve(selectors.map((s) => anchor(text, s)));

/** Where an article's highlights land in a text about to replace its own, found ahead of the write. */
export interface ReanchorPlan {
  text: string;
  /** The highlights as they were when the plan was made, each with where it lands. */
  placed: { highlight: Highlight; found: AnchorResult }[];
}

/** Whether a highlight still stands where it stood when a plan was made (else the plan's answer is stale). */
const samePlace = (a: Highlight, b: Highlight): boolean =>
  a.start === b.start &&
  a.end === b.end &&
  a.exact === b.exact &&
  a.prefix === b.prefix &&
  a.suffix === b.suffix &&
  a.orphaned === b.orphaned;

/**
 * Highlights and notes. Ranges arrive in source-text offsets (the renderer maps what the reader
 * selected in whatever script back through the alignment); the quote selector is always cut from
 * the stored source text here, never taken from the renderer.
 */
export class Annotations {
  constructor(
    private readonly articles: Pick<ArticleReads, 'sourceText' | 'contentHash'>,
    private readonly store: HighlightReads & HighlightWrites,
    private readonly now: () => Date = () => new Date(),
    /** Where re-anchoring searches (the import worker in the app). */
    private readonly findAll: FindAll = findInline,
  ) {}

  private source(articleId: number): string {
    const text = this.articles.sourceText(articleId);
    if (text === undefined) throw new AppFailure('not_found', 'That article is not in the library.');
    return text;
  }

  list(articleId: number): Highlight[] {
    // Whether the article is there; its text is not needed to list.
    if (this.articles.contentHash(articleId) === undefined) {
      throw new AppFailure('not_found', 'That article is not in the library.');
    }
    return this.store.list(articleId);
  }

  create(input: CallArgs<'createHighlight'>[0]): Highlight {
    const text = this.source(input.articleId);
    if (input.end > text.length || input.start >= input.end) {
      throw new AppFailure('invalid_argument', 'That range is not inside the article.');
    }
    const selector = describe(text, input.start, input.end);
    if (selector.exact.trim() === '') throw new AppFailure('invalid_argument', 'Only blank space was selected.');
    const stamp = this.now().toISOString();
    return this.store.insert({
      id: randomUUID(),
      articleId: input.articleId,
      ...selector,
      color: input.color,
      note: input.note ?? '',
      orphaned: false,
      createdAt: stamp,
      updatedAt: stamp,
    });
  }

  update(input: CallArgs<'updateHighlight'>[0]): Highlight {
    const { id, ...patch } = input;
    const updated = this.store.update(id, patch, this.now().toISOString());
    if (!updated) throw new AppFailure('not_found', 'That highlight no longer exists.');
    return updated;
  }

  delete(id: string): Highlight {
    const existing = this.store.get(id);
    if (!existing || !this.store.delete(id)) throw new AppFailure('not_found', 'That highlight no longer exists.');
    return existing;
  }

  /** Undo of a delete: the highlight comes back as it was, re-anchored if the text changed since. */
  restore(h: Highlight): Highlight {
    const text = this.source(h.articleId);
    if (this.store.get(h.id)) throw new AppFailure('invalid_argument', 'That highlight is already there.');
    const found = anchor(text, h);
    const placed =
      found.status === 'orphaned'
        ? { ...h, orphaned: true }
        : { ...h, ...describe(text, found.start, found.end), orphaned: false };
    return this.store.insert(placed);
  }

  /** How an article's highlights stand now, in the counts re-anchoring reports (nothing moved). */
  tally(articleId: number): ReanchorCounts {
    const all = this.store.list(articleId);
    const orphaned = all.filter((h) => h.orphaned).length;
    return { exact: all.length - orphaned, moved: 0, orphaned };
  }

  /**
   * Checks every highlight of an article against its (new) text: those whose quote is still at
   * their offsets stay, the others are found again by quote and context (fuzzy, as Hypothesis
   * does) and moved, and those that cannot be found are kept and marked orphaned. Every placed
   * highlight's quote selector is cut again from the new text: a stale prefix or suffix would
   * mislead the next re-anchoring.
   */
  reanchor(articleId: number): ReanchorCounts {
    const text = this.source(articleId);
    const counts: ReanchorCounts = { exact: 0, moved: 0, orphaned: 0 };
    for (const h of this.store.list(articleId)) this.place(text, h, anchor(text, h), counts);
    return counts;
  }

  /**
   * The search half of re-anchoring, for a text not stored yet (Update text…): where each
   * highlight lands, found by `findAll` (off the main thread in the app). Nothing is written.
   */
  async plan(articleId: number, text: string): Promise<ReanchorPlan> {
    const highlights = this.store.list(articleId);
    const found = await this.findAll(
      text,
      highlights.map(({ start, end, exact, prefix, suffix }) => ({ start, end, exact, prefix, suffix })),
    );
    return {
      text,
      placed: highlights.map((highlight, i) => ({ highlight, found: found[i] ?? { status: 'orphaned' } })),
    };
  }

  /**
   * The writing half, inside the transaction that stores the plan's text: each highlight goes
   * where the plan found it, as {@link reanchor} would put it. One made, moved or edited since
   * the plan (the search awaited) is anchored here instead, so none is placed from stale data.
   */
  apply(articleId: number, plan: ReanchorPlan): ReanchorCounts {
    const planned = new Map(plan.placed.map((p) => [p.highlight.id, p]));
    const counts: ReanchorCounts = { exact: 0, moved: 0, orphaned: 0 };
    for (const h of this.store.list(articleId)) {
      const p = planned.get(h.id);
      this.place(plan.text, h, p && samePlace(p.highlight, h) ? p.found : anchor(plan.text, h), counts);
    }
    return counts;
  }

  /** Writes where one highlight landed, and counts it. */
  private place(text: string, h: Highlight, found: AnchorResult, counts: ReanchorCounts): void {
    if (found.status === 'orphaned') {
      counts.orphaned++;
      if (!h.orphaned) this.store.reposition({ ...h, orphaned: true });
      return;
    }
    if (found.status === 'exact' && !h.orphaned) {
      counts.exact++;
      // The quote is unchanged; its context may not be.
      const selector = describe(text, found.start, found.end);
      if (selector.prefix !== h.prefix || selector.suffix !== h.suffix) {
        this.store.reposition({ id: h.id, ...selector, orphaned: false });
      }
      return;
    }
    counts.moved++;
    this.store.reposition({ id: h.id, ...describe(text, found.start, found.end), orphaned: false });
  }
}
