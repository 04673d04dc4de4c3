// @vitest-environment jsdom
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { afterEach, describe, expect, it } from 'vitest';
import { Alignment } from '../../preload/contract/alignment';
import type { Highlight } from '../../preload/contract/types';
import { describe as describeRange } from '../../main/annotations/quote-selector';
import { PairedLayout } from '../../renderer/parallel/paired-layout';
import { decorationPlugins, setDecorations } from '../../renderer/reader/decorations';
import { layoutHighlights } from '../../renderer/reader/highlights';
import { SingleLayout, type TextLayout } from '../../renderer/reader/layout';
import { convertedRich } from './rich-article';

const IMAGES = '/__duizhao/images/';
const rich = convertedRich('s2twp');

function highlight(id: string, phrase: string, color: Highlight['color'] = 'yellow'): Highlight {
  const start = rich.text.indexOf(phrase);
  if (start < 0) throw new Error(`${phrase} not in the article`);
  return {
    id,
    articleId: 1,
    ...describeRange(rich.text, start, start + phrase.length),
    color,
    note: '',
    orphaned: false,
    createdAt: '',
    updatedAt: '',
  };
}

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
  document.body.innerHTML = '';
});

/** A real view of a layout with highlights drawn, as the reader mounts it. */
function mount(layout: TextLayout, highlights: Highlight[] = []): HTMLElement {
  const place = document.createElement('div');
  document.body.append(place);
  const view = new EditorView(place, { state: EditorState.create({ doc: layout.doc, plugins: decorationPlugins() }) });
  views.push(view);
  view.dispatch(setDecorations(view.state.tr, { highlights: layoutHighlights(highlights, layout) }));
  return view.dom;
}

/** The text each highlight's elements hold, joined, by highlight id (per column side by side). */
function drawnText(dom: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of dom.querySelectorAll<HTMLElement>('[data-hl]')) {
    const id = el.dataset.hl!;
    out[id] = (out[id] ?? '') + (el.textContent ?? '');
  }
  return out;
}

const asWritten = () =>
  new SingleLayout(rich.source, Alignment.identity(rich.text.length), rich.text, { imageBase: IMAGES });
const converted = () => new SingleLayout(rich.target, rich.alignment, rich.text, { imageBase: IMAGES });

describe('the rich article in a real view', () => {
  it('draws each kind as its element, with nothing but the text inside the text', () => {
    const dom = mount(asWritten());
    expect([...dom.children].map((c) => c.tagName.toLowerCase() + (c.className ? `.${c.className}` : ''))).toEqual(
      [
        'h1.dz-heading dz-h1',
        'p.dz-paragraph',
        'h2.dz-heading dz-h2',
        'blockquote.dz-quote',
        'blockquote.dz-quote',
        'div.dz-li dz-li-ordered',
        'div.dz-li dz-li-ordered',
        'div.dz-li dz-li-bullet',
        'div.dz-li dz-li-ordered',
        'pre.dz-pre',
        'pre.dz-pre',
        'figure.dz-figure',
        'figure.dz-figure',
        'div.dz-rule',
        'h3.dz-heading dz-h3',
        'div.dz-tr dz-tr-header',
        'div.dz-tr',
        'div.dz-tr',
      ].concat(['p.dz-paragraph']),
    );
    // List numbers and nesting are attributes for CSS, never text.
    expect([...dom.querySelectorAll('.dz-li')].map((li) => li.getAttribute('data-ordinal'))).toEqual([
      '1',
      '2',
      null,
      '3',
    ]);
    expect(dom.querySelector('.dz-li-bullet')!.getAttribute('data-level')).toBe('2');
    expect(dom.querySelectorAll('blockquote')[1]!.getAttribute('data-level')).toBe('2');
    // A stored image: figure > img + figcaption holding the caption; a missing one: a box with its alt text.
    const [stored, missing] = [...dom.querySelectorAll('figure')];
    expect([...stored!.children].map((c) => c.tagName)).toEqual(['IMG', 'FIGCAPTION']);
    expect(stored!.querySelector('img')!.getAttribute('src')).toBe(`${IMAGES}${'a'.repeat(64)}`);
    expect(stored!.querySelector('img')!.getAttribute('width')).toBe('640');
    expect(stored!.querySelector('figcaption')!.textContent).toBe('图一：广州的夏天');
    expect(missing!.querySelector('img')).toBeNull();
    expect(missing!.querySelector('.dz-image-missing')!.getAttribute('data-alt')).toBe('远程图片');
    expect(missing!.querySelector('.dz-image-missing')!.textContent).toBe('');
    // Table rows: one grid item per cell, the header row marked.
    const rows = [...dom.querySelectorAll('.dz-tr')];
    expect(rows.map((r) => [...r.children].map((c) => `${c.className}:${c.textContent}`))).toEqual([
      ['dz-td:城市\t', 'dz-td:人口'],
      ['dz-td:广州\t', 'dz-td:一千万'],
      ['dz-td:\t', 'dz-td:空'],
    ]);
    expect(rows[0]!.getAttribute('style')).toContain('--dz-cols: 2');
    // Ruby: the reading is an attribute; links are never anchors and carry their target for the title.
    const ruby = dom.querySelector('.dz-ruby')!;
    expect(dom.querySelectorAll('.dz-ruby')).toHaveLength(1);
    expect([ruby.textContent, ruby.getAttribute('data-rt')]).toEqual(['说乎', 'yuè hū']);
    expect(dom.querySelectorAll('a')).toHaveLength(0);
    const links = [...dom.querySelectorAll('.dz-link')];
    expect(links.map((l) => [l.textContent, l.getAttribute('data-href'), l.getAttribute('title')])).toEqual([
      ['U盘', 'https://example.com/u', 'https://example.com/u'],
    ]);
    expect(dom.textContent).toBe(rich.source.map((b) => b.text).join(''));
  });

  it('draws highlights over marks and across kinds on exactly their words, keeping marks whole', () => {
    const hls = [
      highlight('across', '展\n腾讯发布'), // from a heading into a paragraph, over strong text
      highlight('link', '存在U盘中'), // over a link
      highlight('ruby', '亦说乎'), // over a ruby
      highlight('cells', '口\n广州\t一'), // across table rows and cells
      highlight('list', '网络\n第二条：软'), // across list items, into code
    ];
    const dom = mount(asWritten(), hls);
    expect(drawnText(dom)).toEqual({
      across: '展腾讯发布',
      link: '存在U盘中',
      ruby: '亦说乎',
      cells: '口广州\t一',
      list: '网络第二条：软',
    });
    // The ruby is still one element (its reading shows once), the highlight inside it.
    const rubies = dom.querySelectorAll('.dz-ruby');
    expect(rubies).toHaveLength(1);
    expect(rubies[0]!.querySelector('[data-hl="ruby"]')).not.toBeNull();
    // Cells stay the grid's items: the highlight is drawn inside them, not around them.
    for (const row of dom.querySelectorAll('.dz-tr'))
      for (const child of row.children) expect(child.className).toBe('dz-td');
    expect(dom.querySelector('.dz-link [data-hl="link"]')?.textContent).toBe('U盘');
  });

  it('in Taiwan phrases, a highlight stays on its words through length-changing phrases and marks', () => {
    const dom = mount(converted(), [highlight('link', '存在U盘中'), highlight('user', '用户可以')]);
    expect(drawnText(dom)).toEqual({ link: '存在隨身碟中', user: '使用者可以' });
    expect(dom.querySelector('.dz-link')!.textContent).toBe('隨身碟');
    expect(dom.textContent).toBe(rich.target.map((b) => b.text).join(''));
  });

  it('side by side, a highlight shows on its words in both columns, inside the same structure', () => {
    const layout = new PairedLayout(
      rich.source,
      rich.target,
      rich.alignment,
      { source: 'zh-Hans', target: 'zh-Hant-TW' },
      { imageBase: IMAGES },
    );
    const dom = mount(layout, [highlight('link', '存在U盘中'), highlight('cells', '口\n广州\t一')]);
    const [left, right] = [dom.querySelectorAll('.dz-cell-source'), dom.querySelectorAll('.dz-cell-target')];
    const column = (cells: NodeListOf<Element>) => {
      const holder = document.createElement('div');
      for (const c of cells) holder.append(c.cloneNode(true));
      return holder;
    };
    expect(drawnText(column(left))).toEqual({ link: '存在U盘中', cells: '口广州\t一' });
    expect(drawnText(column(right))).toEqual({ link: '存在隨身碟中', cells: '口廣州\t一' });
    const shape = (cells: NodeListOf<Element>) => [...cells].map((c) => c.firstElementChild!.className);
    expect(shape(right)).toEqual(shape(left));
    expect(right[11]!.querySelector('img')!.getAttribute('src')).toBe(`${IMAGES}${'a'.repeat(64)}`);
  });
});
