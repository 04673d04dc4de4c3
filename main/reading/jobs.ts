import type { CharacterReading, LookupResult, ReadingOptions, WordRange } from '../../preload/contract/reading';
import { Dictionary } from './dictionary';
import { prepareReadings, readingsFor } from './readings';
import { prepareWords, wordAt, wordBoundaries } from './words';

/** The reading aids' jobs (dictionary, ruby, words): what each is sent and what it returns. */
export interface ReadingJobs {
  /** Loads ahead: the dictionary, the text tools (readings, words), or both (null). */
  prepare: { request: 'dictionary' | 'text' | null; result: null };
  lookup: { request: { text: string }; result: LookupResult | null };
  readings: { request: { texts: string[]; options: ReadingOptions }; result: CharacterReading[][] };
  wordAt: { request: { text: string; offset: number }; result: WordRange };
  boundaries: { request: { text: string }; result: number[] };
}
export type ReadingJobKind = keyof ReadingJobs;

/** What the jobs run on: one dictionary, loaded once where they run. */
export interface ReadingContext {
  dictionary: Dictionary;
}

export function readingContext(cacheDir: string | undefined): ReadingContext {
  return { dictionary: new Dictionary(cacheDir ? { cacheDir } : {}) };
}

/** Runs one job. Rare characters pinyin-pro does not know are read in CC-CEDICT. */
export function runReadingJob<K extends ReadingJobKind>(
  kind: K,
  request: ReadingJobs[K]['request'],
  { dictionary }: ReadingContext,
): ReadingJobs[K]['result'] {
  const job = { kind, request } as {
    [J in ReadingJobKind]: { kind: J; request: ReadingJobs[J]['request'] };
  }[ReadingJobKind];
  const result = ((): ReadingJobs[ReadingJobKind]['result'] => {
    switch (job.kind) {
      case 'prepare':
        if (job.request !== 'text') dictionary.load();
        if (job.request !== 'dictionary') {
          prepareReadings();
          prepareWords();
        }
        return null;
      case 'lookup':
        return dictionary.lookupAt(job.request.text, 0);
      case 'readings': {
        const fallback = (c: string) => dictionary.lookupWord(c)?.senses[0]?.pinyinNumbered ?? null;
        return job.request.texts.map((text) => readingsFor(text, job.request.options, { fallback }));
      }
      case 'wordAt':
        return wordAt(job.request.text, job.request.offset);
      case 'boundaries':
        return wordBoundaries(job.request.text);
    }
  })();
  return result;
}
