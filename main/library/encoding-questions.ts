import { randomUUID } from 'node:crypto';
import { AppFailure } from '../../preload/contract/errors';
import type { ImportOutcome, TextEncodingName } from '../../preload/contract/types';
import { previews } from './reading';
import type { ResourceSpec } from './work';

/** Bytes waiting for the user to say which encoding they are in. */
export interface PendingImport {
  name: string;
  bytes: Uint8Array;
  resources?: ResourceSpec;
}
/**
 * How many files may wait for an encoding choice, and how many of their bytes main keeps meanwhile:
 * enough for a whole batch dialog (the contract's 500 files), bounded in memory. The oldest go first.
 */
export const MAX_PENDING_FILES = 500;
export const MAX_PENDING_BYTES = 256 * 1024 * 1024;

/**
 * Files whose encoding the reader is asked about: their bytes wait here under a token until the
 * answer comes, within a bound of files and bytes (the oldest are forgotten first).
 */
export class EncodingQuestions {
  private readonly pending = new Map<string, PendingImport>();
  private pendingBytes = 0;

  constructor(
    private readonly limit: { files: number; bytes: number } = { files: MAX_PENDING_FILES, bytes: MAX_PENDING_BYTES },
  ) {}

  /** The name of the file waiting under `token`; empty when none is. */
  nameOf(token: string): string {
    return this.pending.get(token)?.name ?? '';
  }

  /** Keeps a file's bytes until its encoding is chosen; its outcome asks which it is. */
  ask(name: string, bytes: Uint8Array, candidates: TextEncodingName[], resources?: ResourceSpec): ImportOutcome {
    const token = randomUUID();
    this.pending.set(token, { name, bytes, ...(resources ? { resources } : {}) });
    this.pendingBytes += bytes.byteLength;
    const { limit } = this;
    // Oldest first out (the map keeps insertion order), but never the file just asked about.
    while (this.pending.size > 1 && (this.pending.size > limit.files || this.pendingBytes > limit.bytes)) {
      const [oldest, waiting] = this.pending.entries().next().value as [string, PendingImport];
      this.pending.delete(oldest);
      this.pendingBytes -= waiting.bytes.byteLength;
    }
    return { status: 'needsEncoding', name, token, candidates: previews(bytes, candidates) };
  }

  /** The bytes waiting under `token`, no longer waiting; `expired` when there are none. */
  take(token: string): PendingImport {
    const pending = this.pending.get(token);
    if (!pending) throw new AppFailure('expired', 'That import is no longer waiting; please import the file again.');
    this.pending.delete(token);
    this.pendingBytes -= pending.bytes.byteLength;
    return pending;
  }
}
