import type { ImageRef, InlineMark, RichBlock } from '../../../preload/contract/article-model';
import { safeHref } from '../../../preload/contract/article-model';
import {
  attr,
  cellsOf,
  collect,
  dimension,
  type DomNode,
  ELEMENT_NODE,
  findFirst,
  hasAny,
  isHidden,
  parentIs,
  resolveUrl,
  TEXT_NODE,
} from './dom-node';
import { BLOCKS, CHROME, LAYOUT_INSIDE_CELL, MARKS, SKIPPED } from './elements';
import { InlineBuffer } from './inline-buffer';

/**
 * The allowlist walk: a sanitized DOM reduced to the article model. Only the structure listed
 * here survives (headings, paragraphs, quotes, lists, preformatted text, figures, rules, tables
 * and a few inline marks); everything else contributes its text at most, and some elements
 * (scripts, forms, embedded documents, hidden elements) nothing at all. Nothing of the markup is
 * ever kept as HTML.
 *
 * Written by hand because no library reduces HTML to a text-plus-ranges model: sanitizers
 * (DOMPurify, run before this) make HTML safe to render as HTML, which we never do.
 */

/** Turns an image element's source into a stored image or a placeholder. */
export type ImageResolver = (src: string | null, alt: string, size: { width?: number; height?: number }) => ImageRef;

export interface WalkOptions {
  /** Resolves link targets against the page's address. */
  baseUrl?: string | null;
  resolveImage: ImageResolver;
  /** The whole page's text (no article was found): navigation and the like are kept too. */
  wholePage?: boolean;
}

/** Where content inside blocks goes that carry structure (lists and quotes). */
interface Context {
  quote: number;
  list: { ordered: boolean }[];
}

/** Walks a sanitized DOM into blocks. */
export function walkBlocks(root: DomNode, options: WalkOptions): RichBlock[] {
  const blocks: RichBlock[] = [];
  const buffer = new InlineBuffer();
  /** The block being filled: what kind it will be when it is flushed. */
  let pending: Omit<RichBlock, 'text'> = { kind: 'paragraph' };
  const context: Context = { quote: 0, list: [] };

  const kindHere = (): Omit<RichBlock, 'text'> => {
    const list = context.list.at(-1);
    if (list) return { kind: 'listItem', level: context.list.length, ordered: list.ordered };
    if (context.quote > 0) return { kind: 'quote', level: context.quote };
    return { kind: 'paragraph' };
  };

  const flush = () => {
    const taken = buffer.take();
    if (taken) {
      const block: RichBlock = { ...pending, text: taken.text };
      if (taken.marks.length) block.marks = taken.marks;
      if (block.cells) block.cells = block.cells.map((c) => Math.max(0, c - taken.cut));
      blocks.push(block);
    }
    pending = kindHere();
  };

  const push = (block: RichBlock) => {
    flush();
    blocks.push(block);
    pending = kindHere();
  };

  const children = (node: DomNode) => {
    for (let i = 0; i < node.childNodes.length; i++) visit(node.childNodes[i] as DomNode);
  };

  const image = (node: DomNode, caption: string, captionMarks?: InlineMark[]) => {
    const src =
      attr(node, 'src') ??
      attr(node, 'data-src') ??
      attr(node, 'data-original') ??
      attr(node, 'data-lazy-src') ??
      (attr(node, 'srcset') ?? '').trim().split(/\s+/)[0] ??
      null;
    const width = dimension(node, 'width');
    const height = dimension(node, 'height');
    // Tracking pixels and spacers are not pictures.
    if (width !== undefined && height !== undefined && width <= 2 && height <= 2) return;
    const alt = (attr(node, 'alt') ?? attr(node, 'title') ?? '').replace(/\s+/g, ' ').trim();
    const size: { width?: number; height?: number } = {};
    if (width !== undefined) size.width = width;
    if (height !== undefined) size.height = height;
    const ref = options.resolveImage(src || null, alt, size);
    // An image that is neither in the file nor described leaves nothing to show.
    if (ref.id === undefined && alt === '' && caption === '') return;
    const block: RichBlock = { kind: 'figure', text: caption, image: ref };
    if (captionMarks?.length) block.marks = captionMarks;
    push(block);
  };

  const figure = (node: DomNode) => {
    const img = findFirst(node, 'IMG');
    if (!img) return children(node);
    const caption = findFirst(node, 'FIGCAPTION');
    let text = '';
    let marks: InlineMark[] | undefined;
    if (caption) {
      // The caption is walked on its own, as inline content of the figure's block.
      const inner = walkBlocks(caption, { ...options, resolveImage: () => ({ alt: '' }) });
      text = inner.map((b) => b.text).join(' ');
      marks = inner.length === 1 ? inner[0]?.marks : undefined;
    }
    image(img, text, marks);
  };

  const preformatted = (node: DomNode) => {
    flush();
    const lines = (node.textContent ?? '')
      .replace(/^\r?\n/, '')
      .replace(/\s+$/, '')
      .split(/\r\n?|\n/);
    for (const line of lines) blocks.push({ kind: 'preformatted', text: line.replace(/\t/g, '    ') });
    pending = kindHere();
  };

  const table = (node: DomNode) => {
    const rows = collect(node, 'TR', 'TABLE');
    const isData =
      rows.length > 0 &&
      rows.some((r) => cellsOf(r).length >= 2) &&
      !rows.some((r) => cellsOf(r).some((c) => hasAny(c, LAYOUT_INSIDE_CELL)));
    if (!isData) return children(node);
    flush();
    for (const row of rows) {
      const cells = cellsOf(row);
      const starts: number[] = [];
      for (const [i, cell] of cells.entries()) {
        if (i > 0) buffer.appendSeparator('\t');
        starts.push(buffer.text.length);
        inline(cell);
      }
      // Cells keep their tab even when empty, so that columns line up.
      const text = buffer.text.replace(/^ +| +$/g, '');
      const marks = buffer.marks;
      buffer.text = '';
      buffer.marks = [];
      if (text.replace(/\t/g, '').trim() === '') continue;
      const header = cells.every((c) => c.nodeName === 'TH') || parentIs(row, node, 'THEAD');
      const block: RichBlock = { kind: 'tableRow', text, cells: starts };
      if (header) block.header = true;
      if (marks.length) block.marks = marks;
      blocks.push(block);
    }
    pending = kindHere();
  };

  /** Content that stays within the current block (table cells, captions). */
  const inline = (node: DomNode) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i] as DomNode;
      if (child.nodeType === TEXT_NODE) buffer.append((child.nodeValue ?? '').replace(/\t/g, ' '));
      else if (child.nodeType === ELEMENT_NODE && !SKIPPED.has(child.nodeName) && !isHidden(child)) {
        const mark = MARKS[child.nodeName];
        if (mark) buffer.openMark(mark);
        if (child.nodeName === 'BR') buffer.append(' ');
        else inline(child);
        if (mark) buffer.closeMark();
      }
    }
  };

  const ruby = (node: DomNode) => {
    let base = buffer.text.length;
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i] as DomNode;
      if (child.nodeName === 'RT') {
        const reading = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (reading) buffer.addMark('ruby', base, buffer.text.length, undefined, reading);
        base = buffer.text.length;
      } else if (child.nodeName !== 'RP') {
        visit(child);
      }
    }
  };

  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer.append(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 11 && node.nodeType !== 9) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || (node.nodeType === ELEMENT_NODE && isHidden(node))) return;
    if (!options.wholePage && CHROME.has(name)) return;

    const heading = /^H([1-6])$/.exec(name);
    if (heading) {
      flush();
      pending = { kind: 'heading', level: Number(heading[1]) };
      children(node);
      flush();
      return;
    }
    const mark = MARKS[name];
    if (mark) {
      buffer.openMark(mark);
      children(node);
      buffer.closeMark();
      return;
    }
    switch (name) {
      case 'A': {
        const href = safeHref(resolveUrl(attr(node, 'href'), options.baseUrl));
        if (href) buffer.openMark('link', href);
        children(node);
        if (href) buffer.closeMark();
        return;
      }
      case 'RUBY':
        return ruby(node);
      case 'BR':
        // A line break ends the block: a block's text never holds one.
        flush();
        return;
      case 'HR':
        push({ kind: 'rule', text: '' });
        return;
      case 'IMG':
        image(node, '');
        return;
      case 'FIGURE':
        flush();
        figure(node);
        flush();
        return;
      case 'PRE':
        preformatted(node);
        return;
      case 'TABLE':
        flush();
        table(node);
        flush();
        return;
      case 'BLOCKQUOTE':
        flush();
        context.quote++;
        pending = kindHere();
        children(node);
        flush();
        context.quote--;
        pending = kindHere();
        return;
      case 'UL':
      case 'OL':
      case 'MENU':
        flush();
        context.list.push({ ordered: name === 'OL' });
        pending = kindHere();
        children(node);
        flush();
        context.list.pop();
        pending = kindHere();
        return;
      case 'LI':
        flush();
        children(node);
        flush();
        return;
      case 'TR':
      case 'TD':
      case 'TH':
        // Cells of a layout table: each is its own block.
        flush();
        children(node);
        flush();
        return;
      default:
        if (BLOCKS.has(name)) {
          flush();
          children(node);
          flush();
        } else {
          children(node);
        }
    }
  };

  visit(root);
  flush();
  return blocks;
}
