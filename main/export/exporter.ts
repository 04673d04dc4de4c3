import { z } from 'zod';
import { Alignment } from '../../preload/contract/alignment';
import { AppFailure } from '../../preload/contract/errors';
import type { DisplayScript } from '../../preload/contract/scripts';
import type {
  AnnotationImportReport,
  Block,
  ExportRequest,
  ExportScript,
  Highlight,
} from '../../preload/contract/types';
import { HIGHLIGHT_COLORS } from '../../preload/contract/types';
import { anchor, describe } from '../annotations/anchor';
import type { Db } from '../db/connection';
import type { ExportableArticle, ExportReads } from '../db/export-reads';
import type { HighlightStore } from '../db/highlights';
import { convertChain } from '../script/convert';
import type { ConversionService } from '../script/conversions';
import { articleUrn, type ExportedArticle, FORMAT_FILES, type HighlightContext, render } from './formats';

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

/** The JSON our export writes, as much of it as importing needs (checked field by field). */
const importedAnnotation = z.object({
  id: z.string().max(200),
  created: z.string().max(40).optional(),
  modified: z.string().max(40).optional(),
  body: z.array(z.object({ value: z.string().max(20_000) }).loose()).optional(),
  target: z
    .object({
      source: z.string().max(300),
      selector: z
        .array(
          z.union([
            z.object({
              type: z.literal('TextQuoteSelector'),
              exact: z.string().min(1).max(1_000_000),
              prefix: z.string().max(1000).default(''),
              suffix: z.string().max(1000).default(''),
            }),
            z.object({
              type: z.literal('TextPositionSelector'),
              start: z.number().int().nonnegative(),
              end: z.number().int().nonnegative(),
            }),
          ]),
        )
        .min(1),
    })
    .loose(),
  'dz:color': z.enum(HIGHLIGHT_COLORS).optional(),
  'dz:article': z
    .object({ title: z.string().max(1000).optional() })
    .loose()
    .optional(),
});
const importedFile = z.object({ first: z.object({ items: z.array(z.unknown()).max(100_000) }).loose() }).loose();

const UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

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
      content: render(request.format, exported, this.now().toISOString()),
      count,
    };
  }

  /**
   * Imports annotations from our Web Annotation JSON: each finds its article by content hash,
   * else by title and quote; it is re-anchored on the article's text (orphaned if its words are
   * not there any more). Annotations already in the library are left alone. All or nothing.
   */
  importJson(text: string): AnnotationImportReport {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppFailure('not_an_export', 'This file is not JSON.');
    }
    const file = importedFile.safeParse(parsed);
    if (!file.success) {
      throw new AppFailure('not_an_export', 'This is not a Duizhao annotation export (no annotation collection).');
    }
    const report: AnnotationImportReport = { total: 0, matched: 0, orphaned: 0, noArticle: 0, alreadyThere: 0 };
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
    const stamp = this.now().toISOString();
    this.db.transaction(() => {
      for (const item of file.data.first.items) {
        report.total++;
        const parsedItem = importedAnnotation.safeParse(item);
        if (!parsedItem.success) throw new AppFailure('not_an_export', `Annotation ${report.total} is not valid.`);
        const a = parsedItem.data;
        const id = UUID.exec(a.id)?.[1]?.toLowerCase();
        if (id && this.highlights.get(id)) {
          report.alreadyThere++;
          continue;
        }
        const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
        const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
        if (!quote || quote.type !== 'TextQuoteSelector') {
          report.noArticle++;
          continue;
        }
        const title = a['dz:article']?.title;
        const article =
          byHash.get(a.target.source) ??
          summaries.find((s) => s.title === title && textOf(s.id).includes(quote.exact)) ??
          summaries.find((s) => textOf(s.id).includes(quote.exact));
        if (!article) {
          report.noArticle++;
          continue;
        }
        const text = textOf(article.id);
        const start = position && position.type === 'TextPositionSelector' ? position.start : 0;
        const end = position && position.type === 'TextPositionSelector' ? position.end : quote.exact.length;
        const found = anchor(text, { start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
        const placed: Highlight =
          found.status === 'orphaned'
            ? {
                id: id ?? crypto.randomUUID(),
                articleId: article.id,
                start: 0,
                end: Math.max(1, Math.min(quote.exact.length, text.length)),
                exact: quote.exact,
                prefix: quote.prefix,
                suffix: quote.suffix,
                color: a['dz:color'] ?? 'yellow',
                note: a.body?.[0]?.value ?? '',
                orphaned: true,
                createdAt: a.created ?? stamp,
                updatedAt: a.modified ?? stamp,
              }
            : {
                id: id ?? crypto.randomUUID(),
                articleId: article.id,
                ...describe(text, found.start, found.end),
                color: a['dz:color'] ?? 'yellow',
                note: a.body?.[0]?.value ?? '',
                orphaned: false,
                createdAt: a.created ?? stamp,
                updatedAt: a.modified ?? stamp,
              };
        this.highlights.insert(placed);
        if (placed.orphaned) report.orphaned++;
        else report.matched++;
      }
    })();
    return report;
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
