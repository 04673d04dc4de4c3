import type { Clock } from './clock';

/** Where a note stands: stored, waiting to be saved, being saved, or not stored after a failed save. */
export type NoteState = 'saved' | 'pending' | 'saving' | 'failed';

export interface NoteSaveTimes {
  /** Typing that rests this long is saved. */
  debounceMs: number;
  /**
   * The longest text stays unsaved while typing goes on, from the first unsaved keystroke: a
   * plain debounce restarts on every key, and steady typing would never be saved.
   */
  maxWaitMs: number;
  /** The wait before retrying a failed save, doubling each time up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
}

export const NOTE_SAVE_TIMES: NoteSaveTimes = { debounceMs: 300, maxWaitMs: 600, retryMs: 500, retryMaxMs: 8000 };

interface Entry {
  /** What is typed. */
  draft: string;
  /** What the store holds, as far as a successful save says. */
  stored: string;
  /** When the oldest keystroke not yet sent was typed. */
  dirtySince: number | null;
  timer: unknown;
  inFlight: Promise<void> | null;
  /** A save was asked for while one was under way: send again when it is done. */
  again: boolean;
  failures: number;
}

/**
 * Per-highlight note saving: debounced with a maximum wait, one save in flight per note, a failed
 * save kept unsaved and retried with backoff. A note counts as saved only once the store said so
 * for exactly the text on screen.
 */
export class NoteSaves {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly save: (id: string, note: string) => Promise<boolean>,
    private readonly clock: Clock,
    private readonly onChange: () => void,
    private readonly times: NoteSaveTimes = NOTE_SAVE_TIMES,
  ) {}

  /** The text typed and not yet stored, if any. */
  draft(id: string): string | undefined {
    const e = this.entries.get(id);
    return e && e.draft !== e.stored ? e.draft : undefined;
  }

  state(id: string): NoteState {
    const e = this.entries.get(id);
    if (!e) return 'saved';
    if (e.inFlight) return 'saving';
    if (e.draft === e.stored) return 'saved';
    return e.failures > 0 ? 'failed' : 'pending';
  }

  /** Every note that is not stored as shown, with where it stands. */
  states(): Map<string, NoteState> {
    const out = new Map<string, NoteState>();
    for (const id of this.entries.keys()) {
      const s = this.state(id);
      if (s !== 'saved') out.set(id, s);
    }
    return out;
  }

  /** The reader typed: `stored` is the note as the store has it, for a note not edited before. */
  edit(id: string, text: string, stored: string): void {
    let e = this.entries.get(id);
    if (!e) {
      e = { draft: stored, stored, dirtySince: null, timer: undefined, inFlight: null, again: false, failures: 0 };
      this.entries.set(id, e);
    }
    e.draft = text;
    if (e.draft === e.stored && !e.inFlight) {
      this.clear(e);
      e.dirtySince = null;
      e.failures = 0;
    } else {
      const now = this.clock.now();
      e.dirtySince ??= now;
      const due = Math.min(now + this.times.debounceMs, e.dirtySince + this.times.maxWaitMs);
      this.schedule(id, e, due - now);
    }
    this.onChange();
  }

  /** Saves a note now if it is not stored (blur, unmount, leaving), and waits for it. */
  async flush(id: string): Promise<void> {
    const e = this.entries.get(id);
    if (!e) return;
    if (e.inFlight) await e.inFlight;
    if (e.draft !== e.stored) await this.send(id, e);
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.flush(id)));
  }

  /** Stops tracking a note (its highlight is gone); what was not saved by then is dropped. */
  forget(id: string): void {
    const e = this.entries.get(id);
    if (e) this.clear(e);
    this.entries.delete(id);
  }

  private clear(e: Entry) {
    if (e.timer !== undefined) this.clock.clearTimeout(e.timer);
    e.timer = undefined;
  }

  private schedule(id: string, e: Entry, ms: number) {
    this.clear(e);
    e.timer = this.clock.setTimeout(
      () => {
        e.timer = undefined;
        void this.send(id, e);
      },
      Math.max(0, ms),
    );
  }

  private send(id: string, e: Entry): Promise<void> {
    this.clear(e);
    if (e.inFlight) {
      e.again = true;
      return e.inFlight;
    }
    const text = e.draft;
    e.dirtySince = null;
    const run = async () => {
      let ok = false;
      try {
        ok = await this.save(id, text);
      } catch {
        ok = false;
      }
      e.inFlight = null;
      if (this.entries.get(id) !== e) return; // forgotten meanwhile
      if (ok) {
        e.stored = text;
        e.failures = 0;
      } else {
        e.failures += 1;
      }
      if (e.draft !== e.stored) {
        e.dirtySince ??= this.clock.now();
        if (!ok) {
          const wait = Math.min(this.times.retryMaxMs, this.times.retryMs * 2 ** (e.failures - 1));
          this.schedule(id, e, wait);
        } else if (e.again) {
          e.again = false;
          void this.send(id, e);
        } else if (e.timer === undefined) {
          this.schedule(id, e, this.times.debounceMs);
        }
      }
      e.again = false;
      this.onChange();
    };
    e.inFlight = run();
    this.onChange();
    return e.inFlight;
  }
}
