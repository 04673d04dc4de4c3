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

/**
 * How many annotations are stored per transaction (and between progress events): short enough
 * that the main thread is never held long (2,000 held it 200 ms on a loaded machine), long enough
 * that 100,000 take a couple of hundred steps.
 */
export const NOTES_CHUNK = 500;

/** Parsed notes as they cross from the worker: how many, and {@link NOTES_CHUNK} of them a JSON string. */
export interface PackedNotes {
  total: number;
  chunks: string[];
  /** The file's conversion corrections. */
  corrections: ParsedCorrection[];
}

/** One chunk of {@link PackedNotes} as notes again. */
export const unpackNotes = (chunk: string): ParsedNote[] => JSON.parse(chunk) as ParsedNote[];

/**
 * Reads an annotation export (our Web Annotation JSON) whole and checks every annotation; one
 * that is not valid refuses the file (code `not_an_export`), so nothing of a bad file is stored.
 * Pure, and runs in the import worker: a 141 MB file is parsed off the main thread. The checked
 * notes are packed {@link NOTES_CHUNK} a JSON string as they are made, each raw annotation let go
 * once read, so that the file is not held three times over (raw, checked, packed).
 */
export function parseNotesFile(bytes: Uint8Array): PackedNotes {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch {
    throw new AppFailure('not_an_export', 'This file is not JSON.');
  }
  const file = importedFile.safeParse(parsed);
  parsed = undefined;
  if (!file.success) {
    throw new AppFailure('not_an_export', 'This is not a Duizhao annotation export (no annotation collection).');
  }
  const raw = file.data.first.items;
  const chunks: string[] = [];
  let chunk: ParsedNote[] = [];
  for (let i = 0; i < raw.length; i++) {
    chunk.push(toParsedNote(raw[i], i));
    raw[i] = undefined;
    if (chunk.length === NOTES_CHUNK || i === raw.length - 1) {
      chunks.push(JSON.stringify(chunk));
      chunk = [];
    }
  }
  const rawCorrections = (file.data as Record<string, unknown>)['dz:corrections'];
  const corrections =
    rawCorrections === undefined ? { success: true as const, data: [] } : importedCorrections.safeParse(rawCorrections);
  if (!corrections.success) throw new AppFailure('not_an_export', 'Its conversion corrections are not valid.');
  return {
    total: raw.length,
    chunks,
    corrections: corrections.data.map((c) => ({
      source: c.source,
      target: c.target,
      chains: c.chains,
      article: c.article ?? null,
    })),
  };
}

/** One annotation checked (the `i`th: a bad one refuses the file) and reduced to what importing uses. */
function toParsedNote(item: unknown, i: number): ParsedNote {
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
}
