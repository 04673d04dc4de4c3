import { DOMSerializer } from 'prosemirror-model';
import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { TextWindow } from '../../preload/contract/types';
import { langOf } from './article-text';
import { buildDoc } from './positions';
import { readerSchema } from './schema';

/**
 * The first screen of a big article, painted while the whole text loads or converts: the
 * window's blocks drawn as the reader draws them (the same schema, so the same elements and
 * styles), with the reading position at the top, where the whole view will put it. It is a
 * picture of the text, not the text: nothing in it can be selected or highlighted, and it is
 * replaced as soon as the whole text is there (a fraction of a second for 1,000,000 characters).
 * It is not a ProseMirror view of the window: highlights, selections and the reading position
 * are positions in the whole text, which a view of part of it would have to map and then throw away.
 */
export function TextPreview({
  window: shown,
  imageBase,
  scrollRef,
}: {
  window: TextWindow;
  imageBase: string | null;
  scrollRef: RefObject<HTMLElement | null>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    const scroller = scrollRef.current;
    if (!element) return;
    const doc = buildDoc(shown.blocks, imageBase === null ? {} : { imageBase });
    element.replaceChildren(DOMSerializer.fromSchema(readerSchema).serializeFragment(doc.content));
    if (!scroller) return;
    scroller.scrollTop = 0;
    const place = shown.firstOffset > 0 ? rangeAt(element.firstElementChild, shown.firstOffset) : null;
    const top = (place ?? element).getBoundingClientRect().top;
    scroller.scrollTop += top - scroller.getBoundingClientRect().top - 8;
  }, [shown, imageBase, scrollRef]);
  return (
    <div
      ref={ref}
      className="dz-article dz-preview"
      aria-busy="true"
      lang={langOf(shown, shown.script)}
      data-script={shown.script}
    />
  );
}

/** A collapsed range at character `offset` of an element's text. */
function rangeAt(element: Element | null, offset: number): Range | null {
  if (!element) return null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) {
      const range = document.createRange();
      range.setStart(node, left);
      return range;
    }
    left -= node.length;
  }
  return null;
}
