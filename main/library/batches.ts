import { randomUUID } from 'node:crypto';

/**
 * The imports running now, by batchId, and which of them were asked to stop. One registry for
 * file imports and notes imports, so that one cancelImport call reaches either.
 */
export class Batches {
  private readonly running = new Set<string>();
  private readonly stopping = new Set<string>();

  /** A new running batch's id. */
  start(): string {
    const id = randomUUID();
    this.running.add(id);
    return id;
  }

  /** Asks a running batch to stop at its next step; false when it is not running. */
  cancel(id: string): boolean {
    if (!this.running.has(id)) return false;
    this.stopping.add(id);
    return true;
  }

  cancelled(id: string): boolean {
    return this.stopping.has(id);
  }

  end(id: string): void {
    this.running.delete(id);
    this.stopping.delete(id);
  }
}
