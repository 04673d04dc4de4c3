// @vitest-environment jsdom
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { buildDoc, PositionMap } from '../../renderer/reader/positions';
import { contentsOf, currentEntry } from '../../renderer/reader/contents-panel';
import { commandFor, READER_KEYS, type ReaderKeyContext } from '../../renderer/reader/key-commands';
import { linkAtCaret, linkOfElement } from '../../renderer/reader/links';
import { convertedRich } from './rich-article';

const rich = convertedRich('s2t');

describe('the table of contents', () => {
  it('lists the headings in the script on screen, with their levels and source offsets', () => {
    const shown = contentsOf(rich.source, rich.target);
    expect(shown.map((e) => [e.level, e.text])).toEqual([
      [1, '互聯網產業的發展'],
      [2, '歷史'],
      [3, '數據'],
    ]);
    expect(shown.map((e) => rich.text.slice(e.offset, e.offset + 2))).toEqual(['互联', '历史', '数据']);
    expect(contentsOf(rich.source, rich.source).map((e) => e.text)).toEqual(['互联网产业的发展', '历史', '数据']);
  });

  it('knows which heading the reader is under', () => {
    const entries = contentsOf(rich.source, rich.source);
    expect(currentEntry(entries, 0)?.text).toBe('互联网产业的发展');
    expect(currentEntry(entries, rich.text.indexOf('有朋'))?.text).toBe('历史');
    expect(currentEntry(entries, rich.text.length)?.text).toBe('数据');
    expect(currentEntry([], 10)).toBeNull();
  });
});

const context = (over: Partial<ReaderKeyContext>): ReaderKeyContext => {
  const noop = () => undefined;
  return {
    hasSelection: false,
    hasTools: false,
    canUndo: false,
    canSwitch: true,
    undo: noop,
    highlight: noop,
    clearSelection: noop,
    closeTools: noop,
    togglePanel: noop,
    panelOpen: false,
    closePanel: noop,
    stepHighlight: noop,
    caretToView: noop,
    showShortcuts: noop,
    hasContents: true,
    contentsOpen: false,
    toggleContents: noop,
    closeContents: noop,
    caretLink: () => null,
    openLink: noop,
    toggleParallel: noop,
    toggleWordChanges: noop,
    back: noop,
    scroll: noop,
    scrollToEnd: noop,
    nextScript: noop,
    fontSize: noop,
    openFind: noop,
    focusMode: false,
    toggleFocus: noop,
    toggleFullScreen: noop,
    aids: {
      lookupOpen: () => false,
      closeLookup: noop,
      cycleRuby: noop,
      toggleLookupOnClick: noop,
      lookUpCaret: noop,
      wordStep: noop,
    },
    ...over,
  };
};
const key = (k: string) => new KeyboardEvent('keydown', { key: k });
const run = (c: ReaderKeyContext, k: string) => commandFor(READER_KEYS, c, key(k))?.run(c, key(k));

describe('the reader keys for contents and links', () => {
  it('T opens and closes the contents of an article with headings, and only then', () => {
    const calls: string[] = [];
    run(context({ toggleContents: () => calls.push('toggle') }), 't');
    expect(calls).toEqual(['toggle']);
    expect(commandFor(READER_KEYS, context({ hasContents: false }), key('t'))).toBeNull();
  });

  it('Esc closes the contents before it leaves the reader', () => {
    const calls: string[] = [];
    const c = context({ contentsOpen: true, closeContents: () => calls.push('close'), back: () => calls.push('back') });
    run(c, 'Escape');
    run(context({ back: () => calls.push('back') }), 'Escape');
    expect(calls).toEqual(['close', 'back']);
  });

  it('Enter opens the link the caret is in, and does nothing elsewhere', () => {
    const opened: string[] = [];
    run(context({ caretLink: () => 'https://example.com/u', openLink: (h) => opened.push(h) }), 'Enter');
    expect(opened).toEqual(['https://example.com/u']);
    expect(commandFor(READER_KEYS, context({}), key('Enter'))).toBeNull();
  });
});

describe('links in the text', () => {
  const doc = buildDoc(rich.source);
  const map = new PositionMap(rich.source);
  const caretAt = (offset: number) =>
    EditorState.create({ doc, selection: TextSelection.create(doc, map.toPos(offset)) });
  const u = rich.text.indexOf('U盘');

  it('the caret in (or at either end of) a link finds its target; elsewhere nothing', () => {
    expect(linkAtCaret(caretAt(u))).toBe('https://example.com/u');
    expect(linkAtCaret(caretAt(u + 1))).toBe('https://example.com/u');
    expect(linkAtCaret(caretAt(u + 2))).toBe('https://example.com/u');
    expect(linkAtCaret(caretAt(u - 3))).toBeNull();
    // The javascript: link was dropped when the document was built.
    expect(linkAtCaret(caretAt(rich.text.indexOf('注释见') + 2))).toBeNull();
  });

  it('a clicked element inside a link gives its target, if it is a safe one', () => {
    const article = document.createElement('div');
    article.className = 'dz-article';
    article.innerHTML =
      '<span class="dz-link" data-href="https://example.com/"><strong>腾讯</strong></span>' +
      '<span class="dz-link" data-href="javascript:alert(1)">坏</span><p>正文</p>';
    document.body.append(article);
    expect(linkOfElement(article.querySelector('strong'))).toBe('https://example.com/');
    expect(linkOfElement(article.querySelectorAll('.dz-link')[1]!)).toBeNull();
    expect(linkOfElement(article.querySelector('p'))).toBeNull();
  });
});
