import type { EncodingChoice, ImportOutcome, TextEncodingName } from '../../preload/contract/types';

/** A file whose encoding main could not settle, with the candidates' previews (best first). */
export type NeedsEncoding = Extract<ImportOutcome, { status: 'needsEncoding' }>;

/** What the user has said about one file so far: the encoding to read it in, and whether to import it. */
export interface FileChoice {
  encoding: TextEncodingName;
  include: boolean;
}

/** Choices by token. A file not in the map has its default: its best candidate, included. */
export type Choices = ReadonlyMap<string, FileChoice>;

export function choiceFor(ask: NeedsEncoding, choices: Choices): FileChoice {
  return choices.get(ask.token) ?? { encoding: ask.candidates[0]?.encoding ?? 'utf-8', include: true };
}

/**
 * The encodings "use for all" offers: every one that is a candidate of some file, those that are
 * the best guess of more files first (ties in the order main listed them).
 */
export function commonEncodings(asks: readonly NeedsEncoding[]): TextEncodingName[] {
  const best = new Map<TextEncodingName, number>();
  const seen: TextEncodingName[] = [];
  for (const ask of asks) {
    ask.candidates.forEach((c, i) => {
      if (!seen.includes(c.encoding)) seen.push(c.encoding);
      if (i === 0) best.set(c.encoding, (best.get(c.encoding) ?? 0) + 1);
    });
  }
  return seen
    .map((encoding, i) => ({ encoding, i, n: best.get(encoding) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((e) => e.encoding);
}

/**
 * "Use for all": every file that offers `encoding` is read in it. A file that does not offer it
 * keeps its own choice (its bytes are not valid there), and is counted so the user is told.
 */
export function applyToAll(
  asks: readonly NeedsEncoding[],
  choices: Choices,
  encoding: TextEncodingName,
): { choices: Map<string, FileChoice>; applied: number; kept: number } {
  const next = new Map(choices);
  let applied = 0;
  for (const ask of asks) {
    if (!ask.candidates.some((c) => c.encoding === encoding)) continue;
    next.set(ask.token, { ...choiceFor(ask, choices), encoding });
    applied += 1;
  }
  return { choices: next, applied, kept: asks.length - applied };
}

/** The answers to send to main: one per file, null for the files left out. */
export function answers(asks: readonly NeedsEncoding[], choices: Choices): EncodingChoice[] {
  return asks.map((ask) => {
    const choice = choiceFor(ask, choices);
    return { token: ask.token, encoding: choice.include ? choice.encoding : null };
  });
}
