import type { Alignment } from '../../preload/contract/alignment';
import { convertChain, dictionaryVersion, type Variant } from './convert';

/**
 * Folding for search and find: any script and any regional wording become one form, Simplified
 * with mainland phrases, so that 腾讯 finds 騰訊, 软件 finds 軟體 and U盘 finds 隨身碟. It is
 * phrase-aware (Taiwan phrases first, before characters change under them: tw2sp, then hk2s for
 * Hong Kong's variant characters such as 衞) and keeps the alignment, so a hit in folded text maps
 * back to the words as written.
 *
 * OpenCC's phrase tables have chains (Taiwan's 程式 is mainland 程序, and Taiwan's 程序 is mainland
 * 进程), so one pass is not stable: 程式 would fold to 程序 while a typed 程序 folds to 进程. Folding
 * repeats the Taiwan-phrase pass until nothing changes (twice in practice, at most three times),
 * which makes it idempotent: fold(fold(x)) = fold(x), the property search needs.
 */
export interface Folded {
  text: string;
  /** From the text as written to the folded text. */
  alignment: Alignment;
}

const FIRST: readonly Variant[] = ['tw2sp', 'hk2s'];
const AGAIN: readonly Variant[] = ['tw2sp'];
const MAX_PASSES = 3;

export function fold(text: string): Folded {
  let result = convertChain(text, FIRST);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const next = convertChain(result.text, AGAIN);
    if (next.text === result.text) break;
    result = { text: next.text, alignment: result.alignment.compose(next.alignment) };
  }
  return { text: lowerLatin(result.text), alignment: result.alignment };
}

/**
 * Names this folding: its steps and OpenCC's dictionaries. Anything stored folded (the search
 * index) under another name is folded again. Bump the number when fold() itself changes.
 */
export function foldVersion(): string {
  return `fold-1 ${FIRST.join('+')} ${dictionaryVersion()}`;
}

/**
 * Latin letters in one case and full-width ASCII in half width (ＡＢＣ１２３ → abc123), one UTF-16
 * unit for one, so the alignment still holds.
 */
export function lowerLatin(text: string): string {
  if (!/[A-Z\uff01-\uff5e]/.test(text)) return text;
  // Into one buffer, decoded once: adding a million characters one by one builds a rope that
  // costs many times the text (a 45 MB import folds 15 million).
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    units[i] = c;
  }
  // In pieces (not a decoder: it would replace lone surrogates, which the alignment counts).
  let out = '';
  for (let at = 0; at < units.length; at += 8192) out += String.fromCharCode(...units.subarray(at, at + 8192));
  return out;
}

/** The source ranges of every occurrence of `query` (folded) in a folded text. */
export function findFolded(folded: Folded, query: string): { start: number; end: number }[] {
  const q = fold(query).text.trim();
  if (q === '') return [];
  const out: { start: number; end: number }[] = [];
  for (let at = folded.text.indexOf(q); at >= 0; at = folded.text.indexOf(q, at + q.length)) {
    out.push(folded.alignment.rangeToSource({ start: at, end: at + q.length }));
  }
  return out;
}
