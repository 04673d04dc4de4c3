import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError } from '../../preload/contract/types';
import { AnnotationStore, isPending } from '../../renderer/annotations/annotation-store';
import { NOTE_SAVE_TIMES } from '../../renderer/annotations/note-saves';
import { FakeBridge } from './fake-bridge';

const { debounceMs, maxWaitMs } = NOTE_SAVE_TIMES;

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets resolved promises run their continuations (fake timers do not move them). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

async function setup(seed: ConstructorParameters<typeof FakeBridge>[1] = [{ exact: '騰訊', start: 10, end: 12 }]) {
  const bridge = new FakeBridge(() => Date.now(), seed);
  const errors: AppError[] = [];
  const store = new AnnotationStore({ bridge, articleId: 1, onError: (e) => errors.push(e) });
  await store.load();
  return { bridge, store, errors, id: store.getSnapshot().highlights[0]?.id ?? '' };
}

describe('note saving', () => {
  it('steady typing for 4 s (a key every 100 ms) is saved at least every max wait, not on every key', async () => {
    const { bridge, store, id } = await setup();
    let typed = '';
    /** What was typed by each moment. */
    const history: { at: number; text: string }[] = [];
    for (let t = 0; t < 4000; t += 100) {
      typed += '字';
      store.editNote(id, typed);
      history.push({ at: Date.now(), text: typed });
      await vi.advanceTimersByTimeAsync(100);
    }
    const typingEnded = Date.now();
    await vi.advanceTimersByTimeAsync(debounceMs + 10);

    const saves = bridge.storedNotes.filter((s) => s.id === id);
    // Debounced: far fewer saves than the 40 keys, yet enough that none waits past the max wait.
    expect(saves.length).toBeLessThanOrEqual(Math.ceil(4000 / maxWaitMs) + 2);
    expect(saves.length).toBeGreaterThanOrEqual(Math.floor(4000 / (maxWaitMs + 100)));
    const during = saves.filter((s) => s.at <= typingEnded);
    for (let i = 1; i < during.length; i++)
      expect(during[i]!.at - during[i - 1]!.at).toBeLessThanOrEqual(maxWaitMs + 100);
    // A crash at any moment loses at most the last second of typing: whatever was typed more than
    // 1 s before is in the store by then.
    for (const { at } of history) {
      const secondBefore = [...history].reverse().find((h) => h.at <= at - 1000);
      if (!secondBefore) continue;
      const storedBy = [...saves].reverse().find((s) => s.at <= at);
      expect(storedBy?.note.length ?? 0).toBeGreaterThanOrEqual(secondBefore.text.length);
    }
    expect(bridge.rows.get(id)?.note).toBe(typed);
    expect(store.getSnapshot().notes.size).toBe(0);
  });

  it('a failed save stays unsaved, shows it, is retried with backoff, and ends saved', async () => {
    const { bridge, store, id, errors } = await setup();
    bridge.failNext('updateHighlight', 2);
    store.editNote(id, '第三次开放');
    expect(store.getSnapshot().notes.get(id)).toBe('pending');
    await vi.advanceTimersByTimeAsync(debounceMs);
    expect(bridge.rows.get(id)?.note).toBe('');
    expect(store.getSnapshot().notes.get(id)).toBe('failed');
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_TIMES.retryMs);
    expect(bridge.calls.filter((c) => c.name === 'updateHighlight')).toHaveLength(2);
    expect(store.getSnapshot().notes.get(id)).toBe('failed');
    await vi.advanceTimersByTimeAsync(NOTE_SAVE_TIMES.retryMs * 2);
    expect(bridge.rows.get(id)?.note).toBe('第三次开放');
    expect(store.getSnapshot().notes.has(id)).toBe(false);
    // Note saves are retried, not reported as errors that would close the reader.
    expect(errors).toEqual([]);
  });

  it('nothing is marked saved that was not stored, with a slow store and typing during saves', async () => {
    const { bridge, store, id } = await setup();
    const check = () => {
      const state = store.getSnapshot().notes.get(id) ?? 'saved';
      const shown = store.get(id)?.note;
      if (state === 'saved') expect(bridge.rows.get(id)?.note).toBe(shown);
    };
    bridge.hold();
    store.editNote(id, '一');
    await vi.advanceTimersByTimeAsync(debounceMs);
    expect(bridge.waiting).toBe(1);
    expect(store.getSnapshot().notes.get(id)).toBe('saving');
    store.editNote(id, '一二');
    await vi.advanceTimersByTimeAsync(maxWaitMs);
    check();
    bridge.release();
    await settle();
    // 一 is stored, but 一二 is on screen: not saved yet, and sent next.
    expect(bridge.rows.get(id)?.note).toBe('一');
    expect(store.getSnapshot().notes.get(id)).toBe('saving');
    expect(bridge.waiting).toBe(1);
    check();
    bridge.stopHolding();
    await settle();
    check();
    expect(bridge.rows.get(id)?.note).toBe('一二');
    expect(store.getSnapshot().notes.has(id)).toBe(false);
    // Typing back to what is stored needs no save, and is saved.
    store.editNote(id, '一二三');
    store.editNote(id, '一二');
    check();
    expect(store.getSnapshot().notes.has(id)).toBe(false);
  });

  it('a blur (flush) saves at once, without waiting for the debounce', async () => {
    const { bridge, store, id } = await setup();
    store.editNote(id, '马上');
    await store.flushNote(id);
    expect(bridge.rows.get(id)?.note).toBe('马上');
    expect(bridge.storedNotes.map((s) => s.at)).toEqual([0]);
    // and nothing more is sent when the timer would have fired
    await vi.advanceTimersByTimeAsync(maxWaitMs * 2);
    expect(bridge.storedNotes).toHaveLength(1);
  });

  it('leaving (dispose) saves every note not stored', async () => {
    const { bridge, store } = await setup([
      { start: 1, end: 3 },
      { start: 5, end: 8 },
    ]);
    const [a, b] = store.getSnapshot().highlights;
    store.editNote(a!.id, '甲');
    store.editNote(b!.id, '乙');
    await store.dispose();
    expect([bridge.rows.get(a!.id)?.note, bridge.rows.get(b!.id)?.note]).toEqual(['甲', '乙']);
  });
});

describe('the list, the filter and the undo stack', () => {
  it('keeps highlights in reading order, orphaned ones last', async () => {
    const { store } = await setup([
      { start: 30, end: 32, exact: 'c' },
      { start: 0, end: 9, exact: 'lost', orphaned: true },
      { start: 5, end: 6, exact: 'b' },
      { start: 5, end: 9, exact: 'a' },
    ]);
    expect(store.getSnapshot().highlights.map((h) => h.exact)).toEqual(['a', 'b', 'c', 'lost']);
    await store.create({ start: 1, end: 2 }, 'blue');
    expect(store.getSnapshot().highlights.map((h) => h.start)).toEqual([1, 5, 5, 30, 0]);
  });

  it('draws a new highlight before main answers, then swaps in the stored one', async () => {
    const { bridge, store, errors } = await setup();
    bridge.hold();
    const made = store.create({ start: 20, end: 24 }, 'green');
    await settle();
    // Main has not answered: the highlight is there already, pending, with the range and colour asked for.
    const drawn = store.getSnapshot().highlights.find((h) => h.start === 20);
    expect(drawn).toMatchObject({ start: 20, end: 24, color: 'green' });
    expect(isPending(drawn!.id)).toBe(true);
    expect(bridge.rows.size).toBe(1);
    bridge.release();
    const stored = await made;
    expect(stored && isPending(stored.id)).toBe(false);
    expect(store.getSnapshot().highlights.map((h) => h.id)).toEqual([
      store.getSnapshot().highlights[0]!.id,
      stored!.id,
    ]);
    expect(bridge.rows.has(stored!.id)).toBe(true);
    expect(store.getSnapshot().canUndo).toBe(true);
    expect(errors).toEqual([]);
  });

  it('takes a new highlight away again, and reports why, when main refuses it', async () => {
    const { bridge, store, errors } = await setup();
    bridge.hold();
    bridge.failNext('createHighlight', 1);
    const made = store.create({ start: 20, end: 24 }, 'green');
    await settle();
    expect(store.getSnapshot().highlights).toHaveLength(2);
    bridge.release();
    expect(await made).toBeNull();
    expect(store.getSnapshot().highlights.map((h) => h.start)).toEqual([10]);
    expect(errors).toHaveLength(1);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('searches through the bridge’s fold: 腾讯 finds 騰訊, and filters by colour', async () => {
    const { bridge, store } = await setup([
      { start: 0, end: 2, exact: '騰訊', color: 'yellow' },
      { start: 5, end: 9, exact: '歷史紀錄', color: 'pink' },
    ]);
    store.setQuery('腾讯');
    // Plain matching alone does not find it across scripts…
    expect(store.getSnapshot().visible).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    // …the folded texts do.
    expect(store.getSnapshot().visible.map((h) => h.exact)).toEqual(['騰訊']);
    expect(bridge.calls.filter((c) => c.name === 'foldForSearch')).toHaveLength(1);
    store.setQuery('');
    store.setColors(['pink']);
    expect(store.getSnapshot().visible.map((h) => h.exact)).toEqual(['歷史紀錄']);
    store.setColors([]);
    expect(store.getSnapshot().visible).toHaveLength(2);
  });

  it('undoes a delete, a recolour and a create, last first', async () => {
    const { bridge, store, id } = await setup();
    const made = await store.create({ start: 20, end: 24 }, 'green');
    await store.recolor(id, 'purple');
    store.editNote(id, '留着');
    await store.remove(id);
    expect(store.getSnapshot().deleted?.id).toBe(id);
    expect(bridge.rows.has(id)).toBe(false);

    await store.undo();
    // Deleted with its note saved first: it comes back with it.
    expect(bridge.rows.get(id)).toMatchObject({ color: 'purple', note: '留着' });
    expect(store.getSnapshot().deleted).toBeNull();
    await store.undo();
    expect(bridge.rows.get(id)?.color).toBe('yellow');
    expect(store.get(id)?.color).toBe('yellow');
    await store.undo();
    expect(bridge.rows.has(made!.id)).toBe(false);
    expect(store.getSnapshot().highlights.map((h) => h.id)).toEqual([id]);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('the notice of a delete goes after a while; a failed call is reported and changes nothing', async () => {
    const { bridge, store, id, errors } = await setup();
    bridge.failNext('deleteHighlight', 1);
    await store.remove(id);
    expect(errors.map((e) => e.code)).toEqual(['busy']);
    expect(store.getSnapshot().highlights).toHaveLength(1);
    await store.remove(id);
    expect(store.getSnapshot().deleted).not.toBeNull();
    await vi.advanceTimersByTimeAsync(8000);
    expect(store.getSnapshot().deleted).toBeNull();
    expect(store.getSnapshot().canUndo).toBe(true);
  });
});
