import { describe, expect, it } from 'vitest';
import { readingsFor } from '../../main/reading/readings';
import type { CharacterReading, ReadingOptions } from '../../preload/contract/reading';
import { sample } from '../helpers/data';

const PINYIN: ReadingOptions = { system: 'pinyin', sandhi: true };
const PLAIN: ReadingOptions = { system: 'pinyin', sandhi: false };
const ZHUYIN: ReadingOptions = { system: 'zhuyin', sandhi: true };

/** "character:reading" for each reading, read off the text by its range. */
const shown = (text: string, readings: CharacterReading[]) =>
  readings.map((r) => `${text.slice(r.start, r.end)}:${r.reading}`).join(' ');

describe('readingsFor', () => {
  it('reads 多音字 in context', () => {
    expect(shown('重庆', readingsFor('重庆', PINYIN))).toBe('重:chóng 庆:qìng');
    expect(shown('很重', readingsFor('很重', PINYIN))).toBe('很:hěn 重:zhòng');
    expect(shown('银行', readingsFor('银行', PINYIN))).toBe('银:yín 行:háng');
    expect(shown('行长', readingsFor('行长', PINYIN))).toBe('行:háng 长:zhǎng');
    expect(shown('长大', readingsFor('长大', PINYIN))).toBe('长:zhǎng 大:dà');
  });

  it('applies the sandhi of 一 and 不 only when asked', () => {
    expect(shown('不对', readingsFor('不对', PINYIN))).toBe('不:bú 对:duì');
    expect(shown('不对', readingsFor('不对', PLAIN))).toBe('不:bù 对:duì');
    expect(shown('一个', readingsFor('一个', PINYIN))).toBe('一:yí 个:gè');
    expect(shown('一个', readingsFor('一个', PLAIN))).toBe('一:yī 个:gè');
    // No change before tones 1–3 for 不, and 一 as a number keeps its tone.
    expect(shown('不好', readingsFor('不好', PINYIN))).toBe('不:bù 好:hǎo');
    expect(shown('第一', readingsFor('第一', PINYIN))).toBe('第:dì 一:yī');
  });

  it('writes Zhuyin, with the neutral tone as a leading dot', () => {
    expect(shown('我们的软件', readingsFor('我们的软件', ZHUYIN))).toBe(
      '我:ㄨㄛˇ 们:˙ㄇㄣ 的:˙ㄉㄜ 软:ㄖㄨㄢˇ 件:ㄐㄧㄢˋ',
    );
    expect(shown('绿', readingsFor('绿', ZHUYIN))).toBe('绿:ㄌㄩˋ');
  });

  it('gives readings to Han characters only, at their UTF-16 offsets', () => {
    const text = '用 AI 芯片，2024年。';
    const readings = readingsFor(text, PINYIN);
    expect(shown(text, readings)).toBe('用:yòng 芯:xīn 片:piàn 年:nián');
    expect(readings.map((r) => r.start)).toEqual([0, 5, 6, 12]);
    expect(readingsFor('hello, world', PINYIN)).toEqual([]);
    expect(readingsFor('', PINYIN)).toEqual([]);
  });

  it('maps readings of Traditional text back to its own characters', () => {
    // Read as written, pinyin-pro would say zhòng qìng and yín xíng.
    expect(shown('重慶銀行', readingsFor('重慶銀行', PINYIN))).toBe('重:chóng 慶:qìng 銀:yín 行:háng');
    const text = sample('001');
    const readings = readingsFor(text, PINYIN);
    const han = [...text.matchAll(/\p{Script=Han}/gu)];
    expect(readings.length).toBe(han.length);
    expect(readings.map((r) => r.start)).toEqual(han.map((m) => m.index));
    expect(readings.every((r) => r.end === r.start + 1)).toBe(true);
    const at = text.indexOf('騰訊產業互聯網');
    expect(
      shown(
        text,
        readings.filter((r) => r.start >= at && r.end <= at + 7),
      ),
    ).toBe('騰:téng 訊:xùn 產:chǎn 業:yè 互:hù 聯:lián 網:wǎng');
  });

  it('keeps one reading per character where t2s changes the length (二噁英 → 二𫫇英)', () => {
    const text = '這是二噁英污染，㗲很好';
    const readings = readingsFor(text, PINYIN);
    expect(shown(text, readings)).toBe('這:zhè 是:shì 二:èr 噁:è 英:yīng 污:wū 染:rǎn 很:hěn 好:hǎo');
    expect(readings.every((r) => r.end === r.start + 1)).toBe(true);
  });

  it('asks the fallback for Han characters pinyin-pro does not know', () => {
    const text = '𠀀好';
    expect(shown(text, readingsFor(text, PINYIN))).toBe('好:hǎo');
    const readings = readingsFor(text, PINYIN, { fallback: (c) => (c === '𠀀' ? 'qiu1' : null) });
    expect(shown(text, readings)).toBe('𠀀:qiū 好:hǎo');
    expect(readings[0]).toEqual({ start: 0, end: 2, reading: 'qiū' });
  });
});
