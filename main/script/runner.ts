import { WorkerChannel } from '../worker-channel';
import type { AlignmentJSON } from '../../preload/contract/alignment';
import type { ConversionVariant } from '../../preload/contract/scripts';
import { convertChain, convertChainWithOverrides } from './convert';
import type { Override } from './opencc/overrides';

/** A converted text with its alignment in JSON form (what crosses threads and is cached). */
export interface ChainResult {
  text: string;
  alignment: AlignmentJSON;
  /**
   * Where the conversion changed words, not just characters (软件 → 軟體, U盘 → 隨身碟): flat
   * quads of source start, source end, target start, target end. Empty for conversions without
   * regional phrases.
   */
  wordChanges: number[];
}

/** Runs conversions somewhere: in this thread, or in a worker so the caller stays responsive. */
export interface ConversionRunner {
  /** Converts `text` through `chain`, with phrase overrides (corrections) when given. */
  convert(text: string, chain: readonly ConversionVariant[], overrides?: readonly Override[]): Promise<ChainResult>;
  close(): Promise<void>;
}

/** Messages to and from the conversion worker (main/script/worker.ts). */
export interface WorkerRequest {
  id: number;
  text: string;
  chain: ConversionVariant[];
  overrides?: Override[];
}
export type WorkerResponse = { id: number; ok: true; result: ChainResult } | { id: number; ok: false; message: string };

/** The same conversion without regional phrases: what converting only the characters gives. */
const CHARACTERS_ONLY: Partial<Record<ConversionVariant, ConversionVariant>> = {
  s2twp: 's2tw',
  tw2sp: 'tw2s',
  s2hkp: 's2hk',
  hk2sp: 'hk2s',
};

export function runChain(
  text: string,
  chain: readonly ConversionVariant[],
  overrides: readonly Override[] = [],
): ChainResult {
  const { text: converted, alignment } =
    overrides.length > 0 ? convertChainWithOverrides(text, chain, overrides) : convertChain(text, chain);
  const wordChanges: number[] = [];
  if (chain.some((v) => CHARACTERS_ONLY[v])) {
    // A changed stretch is a word change where converting the characters alone reads otherwise.
    const plain = convertChain(
      text,
      chain.map((v) => CHARACTERS_ONLY[v] ?? v),
    );
    for (const seg of alignment.segments({ source: text, target: converted })) {
      if (!seg.changed) continue;
      const other = plain.alignment.rangeToTarget(seg.source);
      if (plain.text.slice(other.start, other.end) !== converted.slice(seg.target.start, seg.target.end)) {
        wordChanges.push(seg.source.start, seg.source.end, seg.target.start, seg.target.end);
      }
    }
  }
  return { text: converted, alignment: alignment.toJSON(), wordChanges };
}

/** Converts in the calling thread (tests, the command line). */
export class InlineRunner implements ConversionRunner {
  convert(text: string, chain: readonly ConversionVariant[], overrides?: readonly Override[]): Promise<ChainResult> {
    try {
      return Promise.resolve(runChain(text, chain, overrides));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Converts in one long-lived worker thread, which loads the dictionaries once. Requests queue in
 * the worker in order. A worker that dies is replaced on the next request, and the requests it
 * held fail with its error.
 */
export class WorkerRunner implements ConversionRunner {
  private readonly channel: WorkerChannel<{ message: string }>;

  constructor(workerFile: string) {
    this.channel = new WorkerChannel(workerFile, 'conversion', (failure) => new Error(failure.message));
  }

  convert(text: string, chain: readonly ConversionVariant[], overrides?: readonly Override[]): Promise<ChainResult> {
    return this.channel.request((id) => {
      const message: WorkerRequest = { id, text, chain: [...chain] };
      if (overrides && overrides.length > 0) message.overrides = [...overrides];
      return { message };
    }) as Promise<ChainResult>;
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
