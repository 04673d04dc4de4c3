/**
 * OpenCC's dictionary text format, read in one place. Each line is `key<TAB>value value…` (the
 * first value is what OpenCC outputs); lines starting with `#` are comments, some of which carry
 * annotations for OpenCC's build scripts (`# @reverse-prefer:`, `# @tofu-risk:`); empty lines are
 * skipped; a BOM and CRLF line ends are tolerated. This is how OpenCC's text loader
 * (Lexicon::ParseKeyValues) and its data/scripts/common.py read it.
 */

/** What a scan reports for one entry line, as offsets into the text (no per-line strings). */
export interface EntrySpan {
  /** Start of the key (the line's start). */
  start: number;
  /** The tab after the key. */
  tab: number;
  /** End of the line, without its line break or CR. */
  end: number;
  /** 1-based line number, for messages. */
  line: number;
}

/** Receives a scan's lines in file order. */
export interface DictionaryVisitor {
  entry(text: string, span: EntrySpan): void;
  /** A comment line, `#` included. */
  comment?(comment: string, line: number): void;
}

/**
 * Scans a dictionary text, calling the visitor for each entry and comment in order. An entry
 * line without a tab is an error (named after `name`). Written as an index scan because
 * STPhrases has 49k lines and start-up time matters.
 */
export function scanDictionary(text: string, visitor: DictionaryVisitor, name = 'dictionary'): void {
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (pos < n) {
    line++;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const end = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    if (end > pos) {
      if (text.charCodeAt(pos) === 35) {
        visitor.comment?.(text.slice(pos, end), line);
      } else {
        const tab = text.indexOf('\t', pos);
        if (tab < 0 || tab >= end)
          throw new Error(`${name}: no tab in line ${line} ${JSON.stringify(text.slice(pos, end))}`);
        visitor.entry(text, { start: pos, tab, end, line });
      }
    }
    pos = eol + 1;
  }
}

/** The entry's key. */
export const keyOf = (text: string, s: EntrySpan): string => text.slice(s.start, s.tab);

/** The entry's first value: what OpenCC converts the key to. */
export function firstValueOf(text: string, s: EntrySpan): string {
  let space = text.indexOf(' ', s.tab + 1);
  if (space < 0 || space > s.end) space = s.end;
  return text.slice(s.tab + 1, space);
}

/** All of the entry's values, in order (runs of spaces and tabs separate them). */
export function valuesOf(text: string, s: EntrySpan): string[] {
  return text
    .slice(s.tab + 1, s.end)
    .split(/[ \t]+/)
    .filter((v) => v !== '');
}

/** One dictionary entry: a key and its candidates, the first being OpenCC's output. */
export interface DictEntry {
  key: string;
  values: string[];
}
