import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../main/script/dictionaries';
import { extractTofuRisk, openccDataDir, parseLexicon, reverseDictionary } from '../../main/script/opencc/data';
import {
  type EntrySpan,
  firstValueOf,
  keyOf,
  scanDictionary,
  valuesOf,
} from '../../main/script/opencc/dictionary-format';

const DICTIONARY_DIR = join(openccDataDir(), 'dictionary');
const NAMES = readdirSync(DICTIONARY_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4));
const read = (name: string) => readFileSync(join(DICTIONARY_DIR, `${name}.txt`), 'utf8');
/** The same file as Windows would save it: a BOM and CRLF line ends. */
const windows = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;

function scan(text: string) {
  const entries: { key: string; first: string; values: string[]; line: number }[] = [];
  const comments: [string, number][] = [];
  scanDictionary(text, {
    entry: (t, s: EntrySpan) =>
      entries.push({ key: keyOf(t, s), first: firstValueOf(t, s), values: valuesOf(t, s), line: s.line }),
    comment: (c, line) => comments.push([c, line]),
  });
  return { entries, comments };
}

describe('the dictionary text format', () => {
  it('reads entries, comments, blank lines, a BOM and CRLF line ends', () => {
    const text = '\ufeff# header\r\n\r\n一\t壹 一\r\n二\t貳  弍\t两\n#\tnot an entry\n三\t參';
    expect(scan(text)).toEqual({
      entries: [
        { key: '一', first: '壹', values: ['壹', '一'], line: 3 },
        { key: '二', first: '貳', values: ['貳', '弍', '两'], line: 4 },
        { key: '三', first: '參', values: ['參'], line: 6 },
      ],
      comments: [
        ['# header', 1],
        ['#\tnot an entry', 5],
      ],
    });
  });

  it('refuses an entry line without a tab, naming the dictionary and the line', () => {
    expect(() => scanDictionary('一\t壹\n二 貳\n', { entry: () => {} }, 'Test')).toThrow(
      /^Test: no tab in line 2 "二 貳"$/,
    );
    expect(() => parseLexicon('# ok\nbroken\n', 'Lex')).toThrow(/Lex: no tab in line 2/);
    expect(() => parseDictionary('broken', 'Dict')).toThrow(/Dict: no tab in line 1/);
  });

  it('every reader of OpenCC’s files reads them alike, BOM and CRLF or not', () => {
    for (const name of NAMES) {
      const text = read(name);
      const lexicon = parseLexicon(text, name);
      expect(parseLexicon(windows(text), name), name).toEqual(lexicon);
      // The conversion's lexicon and the detector's dictionary agree on every key's output.
      const dictionary = parseDictionary(text, name);
      const lastFirst = new Map(lexicon.keys.map((k, i) => [k, lexicon.values[i]]));
      expect(new Map([...dictionary].map(([k, v]) => [k, v[0]])), name).toEqual(lastFirst);
      expect(parseDictionary(windows(text), name), name).toEqual(dictionary);
    }
    // The build-script ports read the annotations the same way through the one scanner.
    for (const name of ['TWVariants', 'HKVariants', 'JPShinjitaiCharacters']) {
      expect(reverseDictionary(windows(read(name))), name).toEqual(reverseDictionary(read(name)));
    }
    const tofu = extractTofuRisk(read('TSCharacters'));
    expect(tofu.length).toBeGreaterThan(100);
    expect(extractTofuRisk(windows(read('TSCharacters')))).toEqual(tofu);
  });

  it('the tofu-risk and reverse-preference annotations are checked where they stand', () => {
    expect(extractTofuRisk('# @tofu-risk: rare\n丟\t丢 𠮷\n乾\t干\n')).toEqual([{ key: '丟', values: ['丢', '𠮷'] }]);
    expect(() => extractTofuRisk('# @tofu-risk: rare\n\n丟\t丢\n')).toThrow(
      /Expected mapping after # @tofu-risk: at line 1/,
    );
    expect(() => extractTofuRisk('# @tofu-risk: rare\n# another\n丟\t丢\n')).toThrow(/at line 1/);
    expect(() => extractTofuRisk('乾\t干\n# @tofu-risk: rare')).toThrow(/at line 2/);
    expect(() => extractTofuRisk('# @tofu-risk:\n丟\t丟\n')).toThrow(/Expected extension mapping/);
    expect(reverseDictionary('# @reverse-prefer: 干 乾\n乾\t干\n幹\t干\n')).toEqual([
      { key: '干', values: ['乾', '幹'] },
    ]);
    expect(reverseDictionary('乾\t干\n幹\t干\n# @reverse-prefer: 干 幹\r\n')).toEqual([
      { key: '干', values: ['幹', '乾'] },
    ]);
    expect(() => reverseDictionary('# @reverse-prefer: 干 x\n乾\t干\n')).toThrow(/has no matching mapping/);
  });
});
