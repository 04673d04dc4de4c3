import { describe, expect, it } from 'vitest';
import { markSyllable, numberedToMarked, parseNumbered } from '../../main/reading/pinyin';
import { numberedToZhuyin, zhuyinSyllable } from '../../main/reading/zhuyin';
import { readCedictData } from '../../main/reading/cedict-data';

/** Numbered syllable → tone marks → Zhuyin, written out by hand. */
const SYLLABLES: [string, string, string | null][] = [
  ['ruan3', 'ruǎn', 'ㄖㄨㄢˇ'],
  ['jian4', 'jiàn', 'ㄐㄧㄢˋ'],
  ['lu:4', 'lǜ', 'ㄌㄩˋ'],
  ['lv4', 'lǜ', 'ㄌㄩˋ'],
  ['lü4', 'lǜ', 'ㄌㄩˋ'],
  ['nu:3', 'nǚ', 'ㄋㄩˇ'],
  ['nu:e4', 'nüè', 'ㄋㄩㄝˋ'],
  ['lu:e4', 'lüè', 'ㄌㄩㄝˋ'],
  ['er2', 'ér', 'ㄦˊ'],
  ['er4', 'èr', 'ㄦˋ'],
  ['de5', 'de', '˙ㄉㄜ'],
  ['de0', 'de', '˙ㄉㄜ'],
  ['ma', 'ma', '˙ㄇㄚ'],
  ['Zhong1', 'Zhōng', 'ㄓㄨㄥ'],
  ['guo2', 'guó', 'ㄍㄨㄛˊ'],
  ['hao3', 'hǎo', 'ㄏㄠˇ'],
  ['lou2', 'lóu', 'ㄌㄡˊ'],
  ['ou1', 'ōu', 'ㄡ'],
  ['liu2', 'liú', 'ㄌㄧㄡˊ'],
  ['gui4', 'guì', 'ㄍㄨㄟˋ'],
  ['dui4', 'duì', 'ㄉㄨㄟˋ'],
  ['lun2', 'lún', 'ㄌㄨㄣˊ'],
  ['xue2', 'xué', 'ㄒㄩㄝˊ'],
  ['ju2', 'jú', 'ㄐㄩˊ'],
  ['qu4', 'qù', 'ㄑㄩˋ'],
  ['jun1', 'jūn', 'ㄐㄩㄣ'],
  ['xuan3', 'xuǎn', 'ㄒㄩㄢˇ'],
  ['xiong2', 'xióng', 'ㄒㄩㄥˊ'],
  ['yong3', 'yǒng', 'ㄩㄥˇ'],
  ['yi1', 'yī', 'ㄧ'],
  ['yin1', 'yīn', 'ㄧㄣ'],
  ['ying2', 'yíng', 'ㄧㄥˊ'],
  ['ya4', 'yà', 'ㄧㄚˋ'],
  ['ye4', 'yè', 'ㄧㄝˋ'],
  ['you3', 'yǒu', 'ㄧㄡˇ'],
  ['yu2', 'yú', 'ㄩˊ'],
  ['yue4', 'yuè', 'ㄩㄝˋ'],
  ['yuan2', 'yuán', 'ㄩㄢˊ'],
  ['yun4', 'yùn', 'ㄩㄣˋ'],
  ['wu3', 'wǔ', 'ㄨˇ'],
  ['wo3', 'wǒ', 'ㄨㄛˇ'],
  ['wei4', 'wèi', 'ㄨㄟˋ'],
  ['wen4', 'wèn', 'ㄨㄣˋ'],
  ['weng1', 'wēng', 'ㄨㄥ'],
  ['zhi1', 'zhī', 'ㄓ'],
  ['chi1', 'chī', 'ㄔ'],
  ['shi4', 'shì', 'ㄕˋ'],
  ['ri4', 'rì', 'ㄖˋ'],
  ['zi3', 'zǐ', 'ㄗˇ'],
  ['ci2', 'cí', 'ㄘˊ'],
  ['si1', 'sī', 'ㄙ'],
  ['bo2', 'bó', 'ㄅㄛˊ'],
  ['feng1', 'fēng', 'ㄈㄥ'],
  ['chuang1', 'chuāng', 'ㄔㄨㄤ'],
  ['e4', 'è', 'ㄜˋ'],
  ['ai4', 'ài', 'ㄞˋ'],
  ['ang2', 'áng', 'ㄤˊ'],
  ['e^2', 'ế', 'ㄝˊ'],
  ['r5', 'r', '˙ㄦ'],
  ['m2', 'ḿ', 'ㄇˊ'],
  ['ng2', 'ńg', 'ㄫˊ'],
  ['hm5', 'hm', '˙ㄏㄇ'],
  ['xx5', 'xx', null],
  ['C', 'C', null],
];

describe('numbered pinyin', () => {
  it.each(SYLLABLES)('%s → %s, %s', (numbered, marked, zhuyin) => {
    expect(markSyllable(numbered)).toBe(marked);
    expect(zhuyinSyllable(numbered)).toBe(zhuyin);
  });

  it('converts whole readings, keeping capitals and tokens that are not syllables', () => {
    expect(numberedToMarked('ruan3 jian4')).toBe('ruǎn jiàn');
    expect(numberedToMarked('Zhong1 hua2 Ren2 min2 Gong4 he2 guo2')).toBe('Zhōng huá Rén mín Gòng hé guó');
    expect(numberedToMarked('qian2 bian5 r5')).toBe('qián bian r');
    expect(numberedToMarked('san1 C')).toBe('sān C');
    expect(numberedToZhuyin('ruan3 jian4')).toBe('ㄖㄨㄢˇ ㄐㄧㄢˋ');
    expect(numberedToZhuyin('nu:3 er2')).toBe('ㄋㄩˇ ㄦˊ');
    expect(numberedToZhuyin('san1 C')).toBe('ㄙㄢ C');
  });

  it('refuses what is not a syllable', () => {
    expect(parseNumbered('4S')).toBeNull();
    expect(parseNumbered('·')).toBeNull();
    expect(markSyllable(',')).toBe(',');
  });

  it('gives every toned syllable of CC-CEDICT exactly one tone mark and a Zhuyin spelling', () => {
    const syllables = new Set<string>();
    for (const [, , numbered] of readCedictData()) {
      for (const token of numbered.split(' ')) if (/^[a-z:]+[1-5]$/i.test(token)) syllables.add(token.toLowerCase());
    }
    expect(syllables.size).toBeGreaterThan(1500);
    const unmarked: string[] = [];
    const noZhuyin: string[] = [];
    for (const s of syllables) {
      const marks =
        markSyllable(s)
          .normalize('NFD')
          .match(/[\u0300\u0301\u0304\u030c]/g) ?? [];
      if (marks.length !== (s.endsWith('5') ? 0 : 1)) unmarked.push(s);
      const zhuyin = zhuyinSyllable(s);
      if (zhuyin === null || !/^˙?[\u3105-\u312f]+[ˊˇˋ]?$/.test(zhuyin)) noZhuyin.push(s);
    }
    expect(unmarked).toEqual([]);
    // CC-CEDICT's placeholder for an unknown reading is the only syllable without a Zhuyin form.
    expect(noZhuyin.filter((s) => !s.startsWith('xx'))).toEqual([]);
  });
});
