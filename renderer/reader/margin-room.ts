import { type RefObject, useEffect, useState } from 'react';

/** Room the margin notes need beside the page, each side (the page stays centred). */
const MARGIN_NOTES_WIDTH = 250;
/** The notes panel's width, taken from the window when it is open. */
const PANEL_WIDTH = 360;

/**
 * Whether the margin beside the page is wide enough for notes (else they live in the panel):
 * the window's width and the page's, both followed as they change.
 */
export function useMarginRoom(pageRef: RefObject<HTMLElement | null>, fontSize: number, panelOpen: boolean) {
  const [width, setWidth] = useState(() => window.innerWidth);
  const [page, setPage] = useState<number | null>(null);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    const element = pageRef.current;
    const observer = new ResizeObserver(() => setPage(element?.offsetWidth ?? null));
    if (element) observer.observe(element);
    return () => {
      window.removeEventListener('resize', onResize);
      observer.disconnect();
    };
  }, [pageRef]);
  // Until the page is measured, its width is estimated from the font size (as the CSS sets it).
  const pageWidth = (page ?? fontSize * 36 + 56) + 2 * MARGIN_NOTES_WIDTH;
  return { width, wide: width - (panelOpen ? PANEL_WIDTH : 0) >= pageWidth };
}
