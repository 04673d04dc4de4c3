import { Alignment } from '../../preload/contract/alignment';
import { AppFailure } from '../../preload/contract/errors';
import type { Correction } from '../../preload/contract/corrections';
import type { DisplayScript } from '../../preload/contract/scripts';
import type {
  AnnotationImportReport,
  Block,
  ExportRequest,
  ExportScript,
  Highlight,
} from '../../preload/contract/types';
import type { AnchorResult } from '../annotations/anchor';
import { describe } from '../annotations/quote-selector';
import type { Db } from '../db/connection';
import type { ExportableArticle, ExportReads } from '../db/export-reads';
import type { HighlightStore } from '../db/highlights';
import { convertChain } from '../script/convert';
import type { ConversionService } from '../script/conversions';
import { noEmit, type Emit } from '../events';
import { Batches } from '../library/batches';
import type { WorkRunner } from '../library/work-runner';
import { InlineWork } from '../library/work-runner';
import { ScriptDetector } from '../script/detect';
import {
  articleUrn,
  type ExportedArticle,
  type ExportedCorrection,
  FORMAT_FILES,
  type HighlightContext,
  render,
} from './formats';
import { NOTES_CHUNK, type ParsedNote, unpackNotes } from './notes-file';

export { writeFileAtomic } from './write-file';

/** A file name made of an article's title, safe on every system. */
function safeName(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.slice(0, 60) || 'duizhao';
}

/** What the script choice means for one article: the scripts to quote in, in order. */
function scriptsFor(choice: ExportScript, article: ExportableArticle): DisplayScript[] {
  if (choice === 'both') return ['original', article.scriptForm ? 'simplified' : 'traditional'];
  return [choice];
}

/** What the import of notes runs on besides the library: the worker, progress events, the running imports. */
export interface NotesImportDeps {
  work?: WorkRunner;
  emit?: Emit;
  batches?: Batches;
  /** The conversion corrections, exported with the notes in JSON and imported back. */
  corrections?: CorrectionsForNotes;
}

/** What export and import of notes need of the conversion corrections. */
export interface CorrectionsForNotes {
  list(): { corrections: Correction[] };
  importMany(items: { source: string; target: string; chains: string[]; articleId: number | null }[]): number;
}

export { NOTES_CHUNK } from './notes-file';

/**
 * Export of highlights and notes in the formats people use, with quotes in the script the reader
 * chooses; and import of our own JSON back, re-anchored onto the matching article.
 */
export class Exporter {
  /**
   * @param db - only for the transaction an import runs in.
   * @param reads - everything an export reads: articles in the library, never softly deleted ones.
   */
  constructor(
    private readonly db: Db,
    private readonly reads: ExportReads,
    private readonly highlights: HighlightStore,
    private readonly conversions: ConversionService,
    private readonly now: () => Date = () => new Date(),
    private readonly notes: NotesImportDeps = {},
  ) {}

  /** The exported file's name, type and text. */
  async build(request: ExportRequest): Promise<{ fileName: string; mimeType: string; content: string; count: number }> {
    const summaries = request.articleId
      ? [this.reads.article(request.articleId)].filter((a): a is ExportableArticle => a !== undefined)
      : this.reads.articles();
    if (request.articleId && summaries.length === 0) {
      throw new AppFailure('not_found', 'That article is not in the library.');
    }
    const exported: ExportedArticle[] = [];
    for (const summary of summaries) {
      const list = this.reads.highlights(summary.id);
      if (list.length === 0 && !request.articleId) continue;
      const source = this.reads.sourceText(summary.id) ?? '';
      const scripts = scriptsFor(request.script, summary);
      // Each script's text and alignment, from the conversion cache.
      const views = await Promise.all(scripts.map((s) => this.conversions.view(summary.id, s)));
      const texts = views.map((v) => ({
        script: v.script,
        chain: v.chain,
        text: v.blocks.map((b) => b.text).join('\n'),
        alignment: Alignment.fromJSON(v.alignment),
      }));
      // "Both" of an article already in the other script is just the original.
      const distinct = texts.filter((t, i) => i === 0 || t.script !== 'original');
      const first = views[0] && texts[0] ? { blocks: views[0].blocks, alignment: texts[0].alignment } : undefined;
      const sourceBlocks = source.split('\n');
      exported.push({
        title: summary.title,
        author: summary.author,
        source: summary.source,
        publishedAt: summary.publishedAt,
        contentHash: summary.contentHash,
        highlights: list.map((h) => {
          const quotes = distinct.map((t) => {
            // An orphaned highlight's offsets point into a text its words are no longer in: its
            // stored quote is all there is of it, converted like the rest.
            if (h.orphaned) return t.chain.length === 0 ? h.exact : convertChain(h.exact, t.chain).text;
            if (t.script === 'original') return source.slice(h.start, h.end);
            const r = t.alignment.rangeToTarget(h);
            return t.text.slice(r.start, r.end);
          });
          const context = first
            ? contextOf(first.blocks, first.alignment.toTarget(h.start), summary.title, sourceBlocks)
            : undefined;
          return { highlight: h, quotes, scripts: distinct.map((t) => t.script), ...(context ? { context } : {}) };
        }),
      });
    }
    const count = exported.reduce((n, a) => n + a.highlights.length, 0);
    const { extension, mimeType } = FORMAT_FILES[request.format];
    const first = exported[0];
    const base = request.articleId && first ? safeName(first.title) : 'duizhao-highlights';
    const suffix = request.format === 'csv' ? '-readwise' : request.format === 'anki' ? '-anki' : '';
    return {
      fileName: `${base}${suffix}.${extension}`,
      mimeType,
      content: render(
        request.format,
        exported,
        this.now().toISOString(),
        request.format === 'json' ? this.correctionsFor(request.articleId) : [],
      ),
      count,
    };
  }

  /**
   * The reader's own corrections going with an export (the built-in set is not: it is turned on
   * in settings): those of the exported article (or of every article) and those everywhere.
   */
  private correctionsFor(articleId: number | undefined): ExportedCorrection[] {
    const corrections = this.notes.corrections?.list().corrections ?? [];
    const hashes = new Map(this.reads.articles().map((a) => [a.id, a.contentHash]));
    return corrections.flatMap((c): ExportedCorrection[] => {
      if (c.preset !== null) return [];
      const base = { source: c.source, target: c.target, chains: c.chains };
      if (c.articleId === null) return [base];
      const hash = hashes.get(c.articleId);
      if (hash === undefined || (articleId !== undefined && c.articleId !== articleId)) return [];
      return [{ ...base, article: articleUrn(hash) }];
    });
  }

  /**
   * Imports annotations from our Web Annotation JSON: each finds its article by content hash,
   * else by title and quote; it is re-anchored on the article's text (orphaned if its words are
   * not there any more). Annotations already in the library are left alone. The file is parsed
   * and checked whole in the worker first (a bad file stores nothing); then it is stored
   * {@link NOTES_CHUNK} annotations a transaction, each chunk anchored in the worker, with
   * importProgress events between, until done or cancelled (what was stored stays).
   */
  async importJson(file: string | Uint8Array, name = 'notes.json'): Promise<AnnotationImportReport> {
    const work = this.notes.work ?? (this.inlineWork ??= new InlineWork({ detector: ScriptDetector.fromOpencc() }));
    const emit = this.notes.emit ?? noEmit;
    const batches = this.notes.batches ?? (this.ownBatches ??= new Batches());
    const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
    // The notes come back in chunks of JSON, each parsed here only when its turn comes: a
    // hundred thousand objects would take the main thread long to receive, and memory to hold.
    const { total, chunks, corrections } = await work.run('notes', { bytes });
    const report: AnnotationImportReport = {
      total,
      matched: 0,
      orphaned: 0,
      noArticle: 0,
      alreadyThere: 0,
    };
    // Newest first: of two articles with the same title and words, the later import is meant.
    const summaries = this.reads.articles().reverse();
    const byHash = new Map(summaries.map((a) => [articleUrn(a.contentHash), a]));
    const texts = new Map<number, string>();
    const textOf = (id: number) => {
      let t = texts.get(id);
      if (t === undefined) {
        t = this.reads.sourceText(id) ?? '';
        texts.set(id, t);
      }
      return t;
    };
    // Corrections for an article in the file go to that article here; those for none found are left out.
    if (corrections.length > 0 && this.notes.corrections) {
      const placed = corrections.flatMap((c) => {
        const articleId = c.article === null ? null : byHash.get(c.article)?.id;
        return articleId === undefined ? [] : [{ source: c.source, target: c.target, chains: c.chains, articleId }];
      });
      report.corrections = this.notes.corrections.importMany(placed);
    }
    const batchId = batches.start();
    try {
      for (const [k, chunk] of chunks.entries()) {
        const at = k * NOTES_CHUNK;
        if (batches.cancelled(batchId)) {
          report.cancelled = total - at;
          break;
        }
        emit('importProgress', { batchId, done: at, total, name });
        // Which article each annotation belongs to (reads only), then where on it (in the worker).
        const byArticle = new Map<number, ParsedNote[]>();
        for (const item of unpackNotes(chunk)) {
          if (item.id && this.highlights.get(item.id)) {
            report.alreadyThere++;
            continue;
          }
          const quote = item.quote;
          if (!quote) {
            report.noArticle++;
            continue;
          }
          const article =
            byHash.get(item.source) ??
            summaries.find((s) => s.title === item.title && textOf(s.id).includes(quote.exact)) ??
            summaries.find((s) => textOf(s.id).includes(quote.exact));
          if (!article) {
            report.noArticle++;
            continue;
          }
          const list = byArticle.get(article.id) ?? [];
          list.push(item);
          byArticle.set(article.id, list);
        }
        const placed: { articleId: number; item: ParsedNote; found: AnchorResult }[] = [];
        for (const [articleId, list] of byArticle) {
          const selectors = list.map(({ start, end, quote }) => ({ start, end, ...quote! }));
          const found = await work.run('anchor', { text: textOf(articleId), selectors });
          list.forEach((item, i) => placed.push({ articleId, item, found: found[i] ?? { status: 'orphaned' } }));
        }
        const stamp = this.now().toISOString();
        this.db.transaction(() => {
          for (const { articleId, item, found } of placed) {
            // Asked again inside the transaction: the same id twice in a file, or stored meanwhile.
            if (item.id && this.highlights.get(item.id)) {
              report.alreadyThere++;
              continue;
            }
            const highlight = this.toHighlight(articleId, textOf(articleId), item, found, stamp);
            this.highlights.insert(highlight);
            if (highlight.orphaned) report.orphaned++;
            else report.matched++;
          }
        })();
        // Let the window's messages and the progress event out before the next chunk.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      batches.end(batchId);
      emit('importProgress', { batchId, done: total, total, name: '' });
    }
    return report;
  }

  private inlineWork: WorkRunner | undefined;
  private ownBatches: Batches | undefined;

  /** An imported annotation as it is stored: on its words, or orphaned with its stored quote. */
  private toHighlight(
    articleId: number,
    text: string,
    item: ParsedNote,
    found: AnchorResult,
    stamp: string,
  ): Highlight {
    const quote = item.quote ?? { exact: '', prefix: '', suffix: '' };
    const common = {
      id: item.id ?? crypto.randomUUID(),
      articleId,
      color: item.color ?? 'yellow',
      note: item.note,
      createdAt: item.created ?? stamp,
      updatedAt: item.modified ?? stamp,
    };
    if (found.status === 'orphaned') {
      return {
        ...common,
        start: 0,
        end: Math.max(1, Math.min(quote.exact.length, text.length)),
        ...quote,
        orphaned: true,
      };
    }
    return { ...common, ...describe(text, found.start, found.end), orphaned: false };
  }
}

/**
 * Where an offset (in a text shown as `blocks`) sits: the headings above it, outermost first, and
 * the kind of its block. The heading that is the article's title (its source text, the blocks'
 * texts as written, is the stored title) is left out: the export writes the title itself.
 */
export function contextOf(
  blocks: readonly Block[],
  offset: number,
  title: string,
  sourceTexts: readonly string[],
): HighlightContext | undefined {
  const squash = (text: string) => text.replace(/\s+/g, '');
  let lo = 0;
  let hi = blocks.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((blocks[mid] as Block).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const headings: { level: number; text: string }[] = [];
  for (let i = 0; i < lo; i++) {
    const b = blocks[i] as Block;
    if (b.kind !== 'heading') continue;
    if (squash(sourceTexts[i] ?? b.text) === squash(title)) continue;
    const level = b.level ?? 1;
    while (headings.length > 0 && (headings[headings.length - 1] as { level: number }).level >= level) headings.pop();
    headings.push({ level, text: b.text });
  }
  const block = blocks[lo] as Block;
  return { headings, kind: block.kind, ...(block.kind === 'listItem' ? { ordered: block.ordered ?? false } : {}) };
}
