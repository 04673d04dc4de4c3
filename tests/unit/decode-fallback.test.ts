import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { detectEncoding } from '../../main/library/decode';
import { commonness } from '../../main/library/hanzi-frequency';
import { sample } from '../helpers/data';

// OpenCC's data folder gone (a broken install): the frequency table cannot be built.
vi.mock('../../main/script/opencc/data', () => ({ openccDataDir: () => '/nonexistent/opencc/data' }));

describe('detection without OpenCC’s dictionaries', () => {
  it('has no commonness to judge by, and says so instead of throwing', () => {
    expect(commonness('中文')).toBeNull();
  });

  it('falls back to the byte rows: a GBK article is still detected, a tie still asks', () => {
    const text = sample('000');
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'gb18030', confident: true });
    // 出面不克里合了回 in GBK, 堤醱祥親爵磁賸隙 in Big5: both clean, and with the dictionaries the
    // commonness rule says GBK (the first eight pairs of decode-commonness.test.ts's CLEAR).
    const tie = new Uint8Array([
      0xb3, 0xf6, 0xc3, 0xe6, 0xb2, 0xbb, 0xbf, 0xcb, 0xc0, 0xef, 0xba, 0xcf, 0xc1, 0xcb, 0xbb, 0xd8,
    ]);
    expect(iconv.decode(Buffer.from(tie), 'gbk')).toBe('出面不克里合了回');
    expect(detectEncoding(tie).confident).toBe(false);
  });
});
