import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, parsePlainText } from '../../main/library/parse';
import { sample } from '../helpers/data';

const nonEmptyLines = (text: string) =>
  normalizeText(text)
    .split('\n')
    .filter((l) => l.trim() !== '');
const squash = (s: string) => s.replace(/\s/g, '');

describe('parsePlainText on the samples', () => {
  it('000: skips the breadcrumb for the title, keeps it and the attribution line as text', () => {
    const a = parsePlainText(sample('000'));
    expect(a.title).toBe('从消费互联网到产业互联网 腾讯迎来第三次“开放”');
    expect(a.blocks[0]).toEqual({ kind: 'paragraph', text: '您的位置首页 >购物宝典 >' });
    expect(a.blocks[1]).toEqual({ kind: 'heading', text: a.title });
    expect(a.blocks.at(-1)!.text).toMatch(/^郑重声明:本文版权归原作者所有.*多谢。$/);
    expect(a.blocks).toHaveLength(nonEmptyLines(sample('000')).length);
  });

  it('001: title, date, source and reporter from the header lines', () => {
    const text = sample('001');
    const a = parsePlainText(text);
    expect(a.title).toBe(nonEmptyLines(text)[0]);
    expect(a.blocks[0]!.kind).toBe('heading');
    expect(a).toMatchObject({ publishedAt: '2019-09-30', source: '每日經濟新聞', author: '郭榮村' });
    expect(a.blocks).toHaveLength(nonEmptyLines(text).length);
    // Indentation is presentation, not text.
    expect(a.blocks[2]!.text).toBe('來源:每日經濟新聞');
  });

  it('003: title is the first line; no metadata invented', () => {
    const text = sample('003');
    const a = parsePlainText(text);
    expect(a.title).toBe('產業互聯網六年,騰訊正在超越騰訊');
    expect(a).toMatchObject({ author: null, source: null });
    expect(a.blocks.filter((b) => b.kind === 'heading')).toHaveLength(1);
    expect(a.blocks).toHaveLength(nonEmptyLines(text).length);
  });

  it('CRLF and CR give the same blocks as LF', () => {
    const text = sample('001');
    const lf = parsePlainText(text).blocks;
    expect(parsePlainText(text.replace(/\n/g, '\r\n')).blocks).toEqual(lf);
    expect(parsePlainText(text.replace(/\n/g, '\r')).blocks).toEqual(lf);
  });

  it('hard-wrapped text is joined back into its paragraphs', () => {
    const original = parsePlainText(sample('003')).blocks.map((b) => b.text);
    // Wrap at about 30 characters, like an editor would: never inside a run of Latin letters or digits.
    const wrap = (p: string) => {
      const lines: string[] = [''];
      for (const ch of p) {
        const line = lines.at(-1)!;
        const inWord = /[A-Za-z0-9]/.test(ch) && /[A-Za-z0-9]$/.test(line);
        if ([...line].length >= 30 && !inWord) lines.push(ch);
        else lines[lines.length - 1] = line + ch;
      }
      return lines.join('\n');
    };
    const wrapped = original.map(wrap).join('\n\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(original.length * 2);
    expect(parsePlainText(wrapped).blocks.map((b) => b.text)).toEqual(original);
  });

  it('wrapped English joins with spaces', () => {
    const text =
      'A title\n\nThe quick brown fox jumps over the lazy dog and keeps\nrunning far across the wide green fields until the\nsun goes down behind the distant silent hills at last.\n\nSecond paragraph is here and it is long enough to wrap\nonto another line of roughly the same width as above\nand then it ends.';
    const a = parsePlainText(text);
    expect(a.blocks[1]!.text).toBe(
      'The quick brown fox jumps over the lazy dog and keeps running far across the wide green fields until the sun goes down behind the distant silent hills at last.',
    );
  });

  it('falls back to the given title when no line is short enough', () => {
    const long = '很'.repeat(120);
    const a = parsePlainText(long, 'notes');
    expect(a.title).toBe('notes');
    expect(a.blocks).toEqual([{ kind: 'paragraph', text: long }]);
  });

  it('never drops a character (property)', () => {
    const piece = fc.constantFrom(
      '腾讯',
      '產業',
      '\n',
      '\n\n',
      ' ',
      '\u3000',
      '\r\n',
      'abc',
      '，',
      '。',
      '>',
      '2019年9月30日',
      '來源:新華社',
      '𠮷',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const blocks = parsePlainText(text).blocks;
        expect(squash(blocks.map((b) => b.text).join(''))).toBe(squash(text));
        for (const b of blocks) expect(b.text).toBe(b.text.trim());
      }),
    );
  });
});
