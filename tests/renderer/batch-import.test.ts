import { describe, expect, it } from 'vitest';
import type { AppError, ArticleSummary, EncodingChoice, ImportReport, Result } from '../../preload/contract/types';
import {
  answers,
  applyToAll,
  choiceFor,
  commonEncodings,
  type NeedsEncoding,
} from '../../renderer/ui/encoding-choices';
import { countReport, detailsOpenAtFirst, detailsOrder } from '../../renderer/library/import-summary';
import { answerInChunks, CHOICES_PER_CALL, type ReportLine } from '../../renderer/library/use-import';

const ask = (token: string, ...encodings: NeedsEncoding['candidates'][number]['encoding'][]): NeedsEncoding => ({
  status: 'needsEncoding',
  name: `${token}.txt`,
  token,
  candidates: encodings.map((encoding) => ({ encoding, preview: `${token} in ${encoding}` })),
});

const summary = (title: string) => ({ title }) as ArticleSummary;
const error: AppError = { code: 'binary', detail: 'not text' };
const line = {
  imported: (name: string): ReportLine => ({ status: 'imported', name, article: summary(name) }),
  duplicate: (name: string): ReportLine => ({ status: 'duplicate', name, existing: summary(name) }),
  failed: (name: string): ReportLine => ({ status: 'failed', name, error }),
  skipped: (name: string): ReportLine => ({ status: 'skipped', name }),
};

describe('the encoding dialog for a batch', () => {
  const asks = [
    ask('a', 'gb18030', 'big5'),
    ask('b', 'big5', 'gb18030'),
    ask('c', 'gb18030', 'big5'),
    ask('d', 'utf-8'),
  ];

  it('starts every file on its best candidate, to be imported', () => {
    expect(answers(asks, new Map())).toEqual([
      { token: 'a', encoding: 'gb18030' },
      { token: 'b', encoding: 'big5' },
      { token: 'c', encoding: 'gb18030' },
      { token: 'd', encoding: 'utf-8' },
    ]);
  });

  it('offers for all every encoding some file offers, the most frequent best guess first', () => {
    expect(commonEncodings(asks)).toEqual(['gb18030', 'big5', 'utf-8']);
  });

  it('"use for all" sets every file that offers the encoding, keeps the others and counts them', () => {
    const excluded = new Map([['c', { ...choiceFor(asks[2]!, new Map()), include: false }]]);
    const result = applyToAll(asks, excluded, 'big5');
    expect(result).toMatchObject({ applied: 3, kept: 1 });
    // A file left out stays left out; one that cannot be read in Big5 keeps its encoding.
    expect(answers(asks, result.choices)).toEqual([
      { token: 'a', encoding: 'big5' },
      { token: 'b', encoding: 'big5' },
      { token: 'c', encoding: null },
      { token: 'd', encoding: 'utf-8' },
    ]);
  });
});

describe('the import report', () => {
  it('counts each outcome for the summary line', () => {
    const lines = [
      line.imported('1'),
      line.imported('2'),
      line.duplicate('3'),
      line.failed('4'),
      line.skipped('5'),
      { status: 'cancelled' as const, name: '6' },
    ];
    expect(countReport(lines)).toEqual({ imported: 2, duplicate: 1, failed: 1, skipped: 1, cancelled: 1 });
  });

  it('opens its details by itself only for a small batch with a failure', () => {
    const five = [line.imported('1'), line.imported('2'), line.duplicate('3'), line.failed('4'), line.skipped('5')];
    expect(detailsOpenAtFirst(five)).toBe(true);
    expect(detailsOpenAtFirst(five.filter((l) => l.status !== 'failed'))).toBe(false);
    expect(detailsOpenAtFirst([...five, line.imported('6')])).toBe(false);
  });

  it('lists failures first, then duplicates, skips and imports, each in import order', () => {
    const lines = [line.imported('1'), line.failed('2'), line.skipped('3'), line.duplicate('4'), line.failed('5')];
    expect(detailsOrder(lines).map((l) => l.name)).toEqual(['2', '5', '4', '3', '1']);
  });
});

describe('answering the dialog', () => {
  const asks = Array.from({ length: CHOICES_PER_CALL + 2 }, (_, i) => ask(`t${i}`, 'gb18030'));

  it('sends bounded calls and names every line as the dialog did', async () => {
    const calls: EncodingChoice[][] = [];
    const send = (chunk: EncodingChoice[]): Promise<Result<ImportReport>> => {
      calls.push(chunk);
      return Promise.resolve({
        ok: true,
        value: {
          batchId: 'b',
          outcomes: chunk.map((c) =>
            c.encoding === null
              ? { status: 'skipped', name: `${c.token}.txt` }
              : c.token === 't1'
                ? { status: 'failed', name: '', error: { code: 'expired', detail: 'gone' } }
                : { status: 'imported', name: `${c.token}.txt`, article: summary(c.token) },
          ),
        },
      });
    };
    const choices = answers(asks, new Map([['t2', { encoding: 'gb18030' as const, include: false }]]));
    const lines = await answerInChunks(asks, choices, send);
    expect(calls.map((c) => c.length)).toEqual([CHOICES_PER_CALL, 2]);
    expect(lines).toHaveLength(asks.length);
    expect(lines.slice(0, 3)).toMatchObject([
      { status: 'imported', name: 't0.txt' },
      { status: 'failed', name: 't1.txt', error: { code: 'expired' } },
      { status: 'skipped', name: 't2.txt' },
    ]);
  });

  it('a call that fails fails its own files only; the skipped stay skipped', async () => {
    let call = 0;
    const send = (chunk: EncodingChoice[]): Promise<Result<ImportReport>> =>
      Promise.resolve(
        call++ === 0
          ? { ok: false, error: { code: 'internal', detail: 'bridge down' } }
          : {
              ok: true,
              value: {
                batchId: 'b',
                outcomes: chunk.map((c) => ({ status: 'imported', name: `${c.token}.txt`, article: summary(c.token) })),
              },
            },
      );
    const choices = answers(asks, new Map([['t0', { encoding: 'gb18030' as const, include: false }]]));
    const lines = await answerInChunks(asks, choices, send);
    expect(countReport(lines)).toEqual({
      imported: 2,
      duplicate: 0,
      failed: CHOICES_PER_CALL - 1,
      skipped: 1,
      cancelled: 0,
    });
    expect(lines[0]).toEqual({ status: 'skipped', name: 't0.txt' });
    expect(lines[1]).toMatchObject({ status: 'failed', name: 't1.txt', error: { detail: 'bridge down' } });
  });
});
