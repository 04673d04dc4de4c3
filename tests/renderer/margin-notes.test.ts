// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../preload/contract/types';
import type { PlacedNote } from '../../renderer/annotations/margin-notes';
import type * as NoteEditorModule from '../../renderer/annotations/note-editor';

/** How many times a note's editor was drawn. */
const drawn = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../renderer/annotations/note-editor', async (importOriginal) => {
  const original = await importOriginal<typeof NoteEditorModule>();
  return {
    ...original,
    NoteEditor: (props: Parameters<typeof original.NoteEditor>[0]) => {
      drawn.count++;
      return original.NoteEditor(props);
    },
  };
});
const { MarginNotes } = await import('../../renderer/annotations/margin-notes');

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterAll(() => {
  delete (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
});

const highlight = (i: number): Highlight => ({
  id: `h${i}`,
  articleId: 1,
  start: i * 10,
  end: i * 10 + 4,
  exact: `引文${i}`,
  prefix: '',
  suffix: '',
  color: 'yellow',
  note: `第${i}条笔记`,
  orphaned: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('margin notes', () => {
  it('a change draws again only the note that changed, not the hundreds beside it', () => {
    const notes: PlacedNote[] = Array.from({ length: 200 }, (_, i) => ({
      highlight: highlight(i),
      quote: `引文${i}`,
      top: i * 100,
    }));
    const actions = { onEdit: () => undefined, onFlush: () => undefined };
    const onActive = () => undefined;
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    const draw = (list: PlacedNote[]) =>
      act(() =>
        root.render(
          createElement(MarginNotes, {
            notes: list,
            // The store's maps are new on every change, with the same content.
            states: new Map(),
            focusId: null,
            activeId: null,
            actions,
            onActive,
          }),
        ),
      );
    draw(notes);
    expect(drawn.count).toBe(200);
    expect(container.querySelectorAll('textarea')).toHaveLength(200);

    // Another highlight added (no note): the same notes, in a new list.
    draw([...notes]);
    expect(drawn.count).toBe(200);

    // One note typed in: that note alone.
    const typed = [...notes];
    typed[3] = { ...notes[3]!, highlight: { ...notes[3]!.highlight, note: '改过的笔记' } };
    draw(typed);
    expect(drawn.count).toBe(201);
    expect(container.querySelector<HTMLTextAreaElement>('[data-testid="note-h3"]')?.value).toBe('改过的笔记');
    act(() => root.unmount());
  });
});
