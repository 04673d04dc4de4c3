import { z } from 'zod';
import { correctionDraft } from '../../preload/contract/corrections';
import { AppFailure } from '../../preload/contract/errors';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../preload/contract/types';

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
/** Conversion corrections exported with the notes (see formats.ts ExportedCorrection). */
const importedCorrections = z
  .array(
    z.object({
      source: correctionDraft.shape.source,
      target: correctionDraft.shape.target,
      chains: correctionDraft.shape.chains,
      article: z.string().max(300).optional(),
    }),
  )
  .max(10_000);

const UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** One annotation of an export file, checked and reduced to what importing it uses. */
export interface ParsedNote {
  /** Its own id (a UUID, lower case) when it carries one: an annotation already there is left alone. */
  id: string | null;
  /** The article it was made on (`urn:…` of its content hash). */
  source: string;
  title: string | null;
  /** Its quote selector; null when it has only a position (it then finds no article). */
  quote: { exact: string; prefix: string; suffix: string } | null;
  /** Its position selector, or the quote's length from the top when it has none. */
  start: number;
  end: number;
  color: HighlightColor | null;
  note: string;
  created: string | null;
  modified: string | null;
}

/** A conversion correction of an export file. */
export interface ParsedCorrection {
  source: string;
  target: string;
  chains: string[];
  /** `urn:…` of its article's content hash; null: every article. */
  article: string | null;
}

export interface ParsedNotes {
  items: ParsedNote[];
  corrections: ParsedCorrection[];
}

/**
 * Reads an annotation export (our Web Annotation JSON) whole and checks every annotation; one
 * that is not valid refuses the file (code `not_an_export`), so nothing of a bad file is stored.
 * Pure, and runs in the import worker: a 38 MB file is parsed off the main thread.
 */
export function parseNotesFile(bytes: Uint8Array): ParsedNotes {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch {
    throw new AppFailure('not_an_export', 'This file is not JSON.');
  }
  const file = importedFile.safeParse(parsed);
  if (!file.success) {
    throw new AppFailure('not_an_export', 'This is not a Duizhao annotation export (no annotation collection).');
  }
  const items = file.data.first.items.map((item, i): ParsedNote => {
    const checked = importedAnnotation.safeParse(item);
    if (!checked.success) throw new AppFailure('not_an_export', `Annotation ${i + 1} is not valid.`);
    const a = checked.data;
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    const exact = quote?.type === 'TextQuoteSelector' ? quote : null;
    return {
      id: UUID.exec(a.id)?.[1]?.toLowerCase() ?? null,
      source: a.target.source,
      title: a['dz:article']?.title ?? null,
      quote: exact && { exact: exact.exact, prefix: exact.prefix, suffix: exact.suffix },
      start: position?.type === 'TextPositionSelector' ? position.start : 0,
      end: position?.type === 'TextPositionSelector' ? position.end : (exact?.exact.length ?? 0),
      color: a['dz:color'] ?? null,
      note: a.body?.[0]?.value ?? '',
      created: a.created ?? null,
      modified: a.modified ?? null,
    };
  });
  const raw = (file.data as Record<string, unknown>)['dz:corrections'];
  const corrections = raw === undefined ? { success: true as const, data: [] } : importedCorrections.safeParse(raw);
  if (!corrections.success) throw new AppFailure('not_an_export', 'Its conversion corrections are not valid.');
  return {
    items,
    corrections: corrections.data.map((c) => ({
      source: c.source,
      target: c.target,
      chains: c.chains,
      article: c.article ?? null,
    })),
  };
}
