/** Where a sentence ends: Chinese and Western full stops, question and exclamation marks, semicolons. */
const ENDS = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);
/** A sentence is cut to this many UTF-16 units either side of the phrase (a paragraph with no stop). */
const MAX_SIDE = 60;

/**
 * The sentences of `text` that contain `phrase`, each once, in order: from after the previous
 * sentence end to the next one (included), at most MAX_SIDE units either side of the phrase.
 */
export function sentencesWith(text: string, phrase: string): string[] {
  const out: string[] = [];
  let lastEnd = -1;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (at < lastEnd) continue;
    let start = at;
    while (start > 0 && at - start < MAX_SIDE && !ENDS.has(text[start - 1]!)) start--;
    let end = at + phrase.length;
    while (end < text.length && end - at - phrase.length < MAX_SIDE && !ENDS.has(text[end - 1]!)) end++;
    if (end > 0 && text[end - 1] === '\n') end--;
    // A sentence cut short says so (no conversion changes an ellipsis).
    const cutBefore = start > 0 && !ENDS.has(text[start - 1]!);
    const cutAfter = end < text.length && !ENDS.has(text[end - 1]!) && text[end] !== '\n';
    out.push(`${cutBefore ? '…' : ''}${text.slice(start, end).trim()}${cutAfter ? '…' : ''}`);
    lastEnd = end;
  }
  return out;
}
