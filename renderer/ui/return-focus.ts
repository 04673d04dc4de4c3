import { useLayoutEffect, useRef } from 'react';

/**
 * Focus goes back where it came from when a layer (a panel, a popover, a menu) closes: the element
 * that had it when `open` turned true, unless focus has gone somewhere on purpose since (it is
 * only restored when it was lost to the page body or sat in the layer). `fallback` is used when
 * that element has gone.
 */
export function useReturnFocus(open: boolean, fallback?: () => HTMLElement | null | undefined) {
  const origin = useRef<Element | null>(null);
  const fallbackRef = useRef(fallback);
  useLayoutEffect(() => {
    fallbackRef.current = fallback;
  });
  useLayoutEffect(() => {
    if (!open) return;
    origin.current = document.activeElement;
    return () => {
      // Runs as the layer goes: its element may still hold focus, or focus has already fallen to the body.
      const from = origin.current;
      queueMicrotask(() => {
        const now = document.activeElement;
        if (now !== null && now !== document.body && now.isConnected) return;
        const target = from instanceof HTMLElement && from.isConnected ? from : fallbackRef.current?.();
        target?.focus({ preventScroll: true });
      });
    };
  }, [open]);
}
