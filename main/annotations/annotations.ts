import { randomUUID } from 'node:crypto';
import type { CallArgs } from '../../preload/contract/api';
import { AppFailure } from '../../preload/contract/errors';
import type { Highlight } from '../../preload/contract/types';
import type { ArticleReads } from '../db/articles';
import type { HighlightReads, HighlightWrites } from '../db/highlights';
import { anchor, describe } from './anchor';

/** How re-anchoring went, in counts. */
export interface ReanchorCounts {
  exact: number;
  moved: number;
  orphaned: number;
}

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
    for (const h of this.store.list(articleId)) {
      const found = anchor(text, h);
      if (found.status === 'orphaned') {
        counts.orphaned++;
        if (!h.orphaned) this.store.reposition({ ...h, orphaned: true });
        continue;
      }
      if (found.status === 'exact' && !h.orphaned) {
        counts.exact++;
        // The quote is unchanged; its context may not be.
        const selector = describe(text, found.start, found.end);
        if (selector.prefix !== h.prefix || selector.suffix !== h.suffix) {
          this.store.reposition({ id: h.id, ...selector, orphaned: false });
        }
        continue;
      }
      counts.moved++;
      this.store.reposition({ id: h.id, ...describe(text, found.start, found.end), orphaned: false });
    }
    return counts;
  }
}
