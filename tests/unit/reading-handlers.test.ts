import { afterAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../preload/contract/errors';
import type { LookupResult } from '../../preload/contract/reading';
import { createHandlers } from '../../main/handlers';
import { dispatch } from '../../main/rpc';
import { openServices } from '../../main/services';
import { SAMPLES_DIR, sample, tempDir } from '../helpers/data';

// One library for the file: the dictionary loads once (inline here; a worker in the app).
const services = openServices({ dataDir: tempDir(), samplesDir: SAMPLES_DIR });
const h = createHandlers(services, {
  appInfo: () => ({ version: 'test', systemLocale: 'zh-TW', nativeDialogs: false, imageBase: '/library-images/' }),
  pickImportPaths: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
  pickSavePath: () => Promise.reject(new AppFailure('unsupported', 'no dialogs here')),
  openExternal: () => Promise.resolve(),
});
afterAll(() => services.close());

const call = async <T>(name: string, ...args: unknown[]): Promise<T> => {
  const r = await dispatch(h, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.detail}`);
  return r.value as T;
};

describe('reading aids through the contract', () => {
  it('looks words up in Simplified, Traditional and Taiwan-phrase text of the seeds', async () => {
    const simplified = sample('000');
    const traditional = sample('001');
    const at = (text: string, word: string) => text.slice(text.indexOf(word), text.indexOf(word) + 32);
    const s = await call<LookupResult>('lookupWord', at(simplified, '云计算'));
    expect([s.word, s.senses[0]!.pinyin, s.senses[0]!.traditional]).toEqual(['云计算', 'yún jì suàn', '雲計算']);
    const t = await call<LookupResult>('lookupWord', at(traditional, '騰訊'));
    expect([t.word, t.senses[0]!.simplified, t.senses[0]!.zhuyin]).toEqual(['騰訊', '腾讯', 'ㄊㄥˊ ㄒㄩㄣˋ']);
    // The Simplified seed shown with Taiwan phrases: 软件 reads 軟體.
    const shown = await call<{ blocks: { text: string }[] }>(
      'getConvertedText',
      (await call<{ id: number; title: string }[]>('listArticles')).find((a) => a.title.includes('腾讯迎来'))!.id,
      'taiwanPhrases',
    );
    const text = shown.blocks.map((b) => b.text).join('\n');
    const tw = await call<LookupResult>('lookupWord', at(text, '軟體'));
    expect([tw.word, tw.senses[0]!.pinyin, tw.mainland?.word]).toEqual(['軟體', 'ruǎn tǐ', '软件']);
    expect(await call('lookupWord', '，。')).toBeNull();
  });

  it('refuses what the contract does not allow', async () => {
    for (const [name, args] of [
      ['lookupWord', ['']],
      ['lookupWord', ['字'.repeat(33)]],
      ['getReadings', [['重庆'], { system: 'ipa', sandhi: true }]],
      ['getReadings', [['重庆'], { system: 'pinyin' }]],
      ['getReadings', [['重'.repeat(20_001)], { system: 'pinyin', sandhi: true }]],
      ['getWordAt', ['', 0]],
      ['getWordAt', ['骑车', -1]],
      ['saveVocabulary', [{ articleId: null, word: ' ', reading: '', meaning: '', sentence: '' }]],
      ['deleteVocabulary', [0]],
    ] as const) {
      expect(await dispatch(h, name, [...args]), name).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
    }
    expect(await dispatch(h, 'getWordAt', ['骑车', 3])).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(h, 'deleteVocabulary', [12345])).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('gives ruby readings per text, words and boundaries', async () => {
    const readings = await call<{ start: number; reading: string }[][]>('getReadings', ['重庆银行', '不对'], {
      system: 'pinyin',
      sandhi: true,
    });
    expect(readings.map((r) => r.map((x) => x.reading).join(' '))).toEqual(['chóng qìng yín háng', 'bú duì']);
    expect(await call('getWordAt', '騰訊產業互聯網', 3)).toEqual({ start: 2, end: 4 });
    expect(await call('getWordBoundaries', '騰訊產業互聯網')).toEqual([0, 2, 4, 7]);
  });

  it('saves, lists, exports for Anki and deletes vocabulary', async () => {
    const id = (await call<{ id: number; title: string }[]>('listArticles'))[0]!.id;
    const saved = await call<{ id: number; articleTitle: string }>('saveVocabulary', {
      articleId: id,
      word: '云计算',
      reading: 'yún jì suàn',
      meaning: 'cloud computing',
      sentence: '对云计算和产业互联网',
    });
    expect(saved.articleTitle.length).toBeGreaterThan(0);
    const file = await call<{ saved: false; fileName: string; content: string; count: number }>('exportVocabulary');
    expect(file).toMatchObject({ saved: false, fileName: 'duizhao-vocabulary.tsv', count: 1 });
    expect(file.content.split('\n')[4]).toBe(
      `云计算\tyún jì suàn<br>cloud computing<br>对云计算和产业互联网<br><small>${saved.articleTitle}</small>\tduizhao vocabulary`,
    );
    expect(await call('deleteVocabulary', saved.id)).toBeNull();
    expect(await call('listVocabulary')).toEqual([]);
  });
});
