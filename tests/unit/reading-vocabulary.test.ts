import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../main/reading/dictionary';
import { toAnkiVocabularyTsv } from '../../main/reading/vocabulary';
import type { VocabularyEntry } from '../../preload/contract/reading';
import { sample } from '../helpers/data';

describe('toAnkiVocabularyTsv', () => {
  it('writes one card per word from a real lookup, front the word, back reading, meaning, sentence, title', () => {
    const text = sample('000');
    const title = text
      .split('\n')
      .find((l) => l.includes('腾讯迎来'))!
      .trim();
    const at = text.indexOf('云计算');
    const sentenceStart = text.lastIndexOf('。', at) + 1;
    const sentence = text.slice(sentenceStart, text.indexOf('。', at) + 1).trim();
    const found = new Dictionary().lookupAt(text, at)!;
    const entry: VocabularyEntry = {
      word: found.word,
      reading: found.senses[0]!.pinyin,
      meaning: found.senses[0]!.definitions.join('; '),
      sentence,
      articleTitle: title,
    };
    const lines = toAnkiVocabularyTsv([entry]).split('\n');
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3']);
    expect(lines[5]).toBe('');
    const [front, back, tags, ...rest] = lines[4]!.split('\t');
    expect(rest).toEqual([]);
    expect(front).toBe('云计算');
    expect(back).toBe(`yún jì suàn<br>cloud computing<br>${sentence}<br><small>${title}</small>`);
    expect(tags).toBe('duizhao vocabulary');
  });

  it('keeps every field in its column: tabs, line breaks and markup are escaped', () => {
    const tsv = toAnkiVocabularyTsv([
      {
        word: '軟體',
        reading: 'ruǎn\ttǐ',
        meaning: '(Tw) software\r\n<b>soft</b> & bodied',
        sentence: '第一行\n第二行',
        articleTitle: '',
      },
    ]);
    const card = tsv.split('\n')[4]!;
    expect(card.split('\t')).toEqual([
      '軟體',
      'ruǎn tǐ<br>(Tw) software<br>&lt;b&gt;soft&lt;/b&gt; &amp; bodied<br>第一行<br>第二行',
      'duizhao vocabulary',
    ]);
    expect(tsv.split('\n')).toHaveLength(6);
  });
});
