import { Alignment } from '../../../preload/contract/alignment';
import { idsLength } from './engine';
import { INFO_KIDS, type PrefixTrie, TIER_MASK, TIER_SHIFT, VALUE_SHIFT } from './trie';

/**
 * Phrase overrides: corrections of OpenCC's output that take part in the conversion itself. An
 * override is a source phrase and the text it must become; its source joins the segmentation
 * dictionary above every OpenCC tier, so maximum-forward-match segmentation picks it wherever it
 * reaches its first character (as a phrase added to OpenCC's dictionaries would be picked), and
 * the segment it forms becomes the override's text instead of going through the chain.
 *
 * Converting the text between two overridden segments on its own gives exactly what the same
 * stretch gives inside the whole conversion (segmentation lands on the override's start, so no
 * dictionary match crosses it), so the result is the stretches' conversions and the overrides'
 * texts laid end to end, and so is the alignment: exact, with an override of unchanged length
 * mapping character by character.
 */

/** A source phrase and what it converts to. */
export interface Override {
  source: string;
  target: string;
}

/** Overrides compiled for matching: by first code unit, longest first (the first given wins a tie). */
export class OverrideSet {
  private readonly byFirst = new Map<number, Override[]>();
  readonly overrides: readonly Override[];

  constructor(overrides: readonly Override[]) {
    const seen = new Set<string>();
    const kept: Override[] = [];
    for (const o of overrides) {
      if (o.source.length === 0 || seen.has(o.source)) continue;
      seen.add(o.source);
      kept.push(o);
      const first = o.source.charCodeAt(0);
      const list = this.byFirst.get(first);
      if (list) list.push(o);
      else this.byFirst.set(first, [o]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.source.length - a.source.length);
    this.overrides = kept;
  }

  get size(): number {
    return this.overrides.length;
  }

  /** Whether any override's source occurs in `text` (else converting ignores them all). */
  occursIn(text: string): boolean {
    return this.overrides.some((o) => text.includes(o.source));
  }

  /** The longest override whose source starts at `i` in `text`. */
  matchAt(text: string, i: number): Override | undefined {
    const list = this.byFirst.get(text.charCodeAt(i));
    return list?.find((o) => text.startsWith(o.source, i));
  }
}

/**
 * Length of the segmentation match at `i` (0: none), as {@link segment} in engine.ts chooses it:
 * the lowest tier up to `maxTier`, then the longest key.
 */
export function segmentMatchAt(trie: PrefixTrie, maxTier: number, inp: Uint16Array, i: number, n: number): number {
  let node = trie.root[inp[i]!]!;
  let bestTier = TIER_MASK + 1;
  let bestLen = 0;
  let k = i;
  while (node !== 0) {
    const inf = trie.info[node]!;
    if (inf >>> VALUE_SHIFT !== 0) {
      const tier = (inf >>> TIER_SHIFT) & TIER_MASK;
      if (tier <= bestTier && tier <= maxTier) {
        bestTier = tier;
        bestLen = k - i + 1;
      }
    }
    if ((inf & INFO_KIDS) === 0 || ++k >= n) break;
    node = trie.child(node, inp[k]!);
  }
  return bestLen;
}

/** What the overridden conversion needs of a converter. */
export interface OverrideTarget {
  /** Length of the segmentation dictionary's match at `i` of `inp[0, n)`, 0 when none. */
  segmentMatchAt(inp: Uint16Array, i: number, n: number): number;
  /** The plain conversion of a stretch of text. */
  convert(text: string): { text: string; alignment: Alignment };
}

function needsAtom(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

/** The overridden segments of `text` (start offsets and overrides), in order. */
export function overrideHits(text: string, overrides: OverrideSet, segmenter: OverrideTarget): [number, Override][] {
  const n = text.length;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  const hits: [number, Override][] = [];
  let i = 0;
  while (i < n) {
    const o = overrides.matchAt(text, i);
    if (o) {
      hits.push([i, o]);
      i += o.source.length;
      continue;
    }
    const len = segmenter.segmentMatchAt(units, i, n);
    if (len > 0) {
      i += len;
      continue;
    }
    // No match here: one code point (or a whole IDS) on its own, as the segmenter steps.
    const c = units[i]!;
    if ((c & 0xfc00) === 0xd800 && i + 1 < n && (units[i + 1]! & 0xfc00) === 0xdc00) i += 2;
    else if ((c & 0xfff0) === 0x2ff0) i += idsLength(units, i, n) || 1;
    else i++;
  }
  return hits;
}

/** Converts `text` with `converter`, the overrides replacing what they match. */
export function convertWithOverrides(
  text: string,
  overrides: OverrideSet,
  converter: OverrideTarget,
): { text: string; alignment: Alignment } {
  const hits = overrides.size > 0 && overrides.occursIn(text) ? overrideHits(text, overrides, converter) : [];
  if (hits.length === 0) return converter.convert(text);
  const parts: string[] = [];
  const quads: number[] = [];
  let src = 0;
  let tgt = 0;
  const stretch = (end: number) => {
    if (end <= src) return;
    const part = converter.convert(text.slice(src, end));
    for (const seg of part.alignment.segments()) {
      quads.push(src + seg.source.start, src + seg.source.end, tgt + seg.target.start, tgt + seg.target.end);
    }
    parts.push(part.text);
    tgt += part.text.length;
    src = end;
  };
  for (const [start, o] of hits) {
    stretch(start);
    if (o.source.length !== o.target.length || needsAtom(o.source) || needsAtom(o.target)) {
      quads.push(src, src + o.source.length, tgt, tgt + o.target.length);
    }
    parts.push(o.target);
    src += o.source.length;
    tgt += o.target.length;
  }
  stretch(text.length);
  const result = parts.join('');
  const alignment = new Alignment(text.length, result.length, Int32Array.from(quads));
  return { text: result, alignment: alignment.withChangedFrom(text, result) };
}
