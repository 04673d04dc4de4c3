import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../preload/contract/types';
import { describe as describeRange } from '../../main/annotations/quote-selector';
import { decorationPlugins, highlightSet, overlaySet, setDecorations } from '../../renderer/reader/decorations';
import { layoutHighlights } from '../../renderer/reader/highlights';
import { SingleLayout } from '../../renderer/reader/layout';
import { sampleArticle } from './article';

// Inline decorations keep their attributes on `type.attrs`; ProseMirror does not expose them, but
// they are exactly what the view renders into the DOM.
const attrsOf = (d: Decoration) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;

const article = sampleArticle('003', 't2s');
const layout = new SingleLayout(article.target, article.alignment, article.text);

function highlight(id: string, phrase: string, color: Highlight['color'], note = ''): Highlight {
  const start = article.text.indexOf(phrase);
  return {
    id,
    articleId: 1,
    ...describeRange(article.text, start, start + phrase.length),
    color,
    note,
    orphaned: false,
    createdAt: '',
    updatedAt: '',
  };
}

const draw = (state: EditorState, update: Parameters<typeof setDecorations>[1]) =>
  state.apply(setDecorations(state.tr, update));

/** What the highlight decorations draw, as text and class. */
const drawn = (state: EditorState) =>
  highlightSet(state)
    .find()
    .map((d) => `${state.doc.textBetween(d.from, d.to)}:${attrsOf(d).class}`)
    .sort();

describe('the highlight decorations (plugin state, updated by transactions)', () => {
  const summer = highlight('a', '最漫長的夏天', 'yellow');
  const guangzhou = highlight('b', '廣州', 'blue', '城市');
  const start = () =>
    draw(EditorState.create({ doc: layout.doc, plugins: decorationPlugins() }), {
      highlights: layoutHighlights([summer, guangzhou], layout),
    });

  it('draws each highlight on its words as shown (converted), with its colour and note mark', () => {
    expect(drawn(start())).toEqual(['广州:hl hl-blue hl-noted', '最漫长的夏天:hl hl-yellow']);
  });

  it('recolouring one highlight redraws it in the new colour (and leaves the others)', () => {
    const before = start();
    const untouched = highlightSet(before)
      .find()
      .find((d) => attrsOf(d)['data-hl'] === 'b');
    const after = draw(before, { highlights: layoutHighlights([{ ...summer, color: 'green' }, guangzhou], layout) });
    expect(drawn(after)).toEqual(['广州:hl hl-blue hl-noted', '最漫长的夏天:hl hl-green']);
    // Incremental: the unchanged highlight keeps its decoration (find() copies the wrapper, not its type).
    const kept = highlightSet(after)
      .find()
      .find((d) => attrsOf(d)['data-hl'] === 'b');
    expect(attrsOf(kept!)).toBe(attrsOf(untouched!));
  });

  it('a note added or cleared changes the note mark', () => {
    const after = draw(start(), {
      highlights: layoutHighlights(
        [
          { ...summer, note: '天氣' },
          { ...guangzhou, note: '' },
        ],
        layout,
      ),
    });
    expect(drawn(after)).toEqual(['广州:hl hl-blue', '最漫长的夏天:hl hl-yellow hl-noted']);
  });

  it('the overlay emphasises one highlight and marks a counterpart without touching the highlights', () => {
    const before = start();
    const after = draw(before, { emphasised: 'b', counterpart: { from: 1, to: 3 } });
    expect(highlightSet(after)).toBe(highlightSet(before));
    const overlay = overlaySet(after)
      .find()
      .map((d) => `${after.doc.textBetween(d.from, d.to)}:${attrsOf(d).class}`);
    expect(overlay.sort()).toEqual([`${after.doc.textBetween(1, 3)}:dz-counterpart`, '广州:hl-active']);
    // Fields left out stay as they were.
    const later = draw(after, { counterpart: null });
    expect(
      overlaySet(later)
        .find()
        .map((d) => attrsOf(d).class),
    ).toEqual(['hl-active']);
  });
});
