import { useCallback, useEffect, useState } from 'react';

/**
 * Full screen (the Fullscreen API, which Electron's window honours too) and focus mode, which hides
 * the toolbar and panels so only the text is left (reading.css, by `data-focus` on the document);
 * Esc or F brings them back.
 */
export function useFocusMode() {
  const [focus, setFocus] = useState(false);
  const [fullScreen, setFullScreen] = useState(() => document.fullscreenElement !== null);

  useEffect(() => {
    const root = document.documentElement;
    if (focus) root.dataset.focus = 'on';
    else delete root.dataset.focus;
    return () => {
      delete root.dataset.focus;
    };
  }, [focus]);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Leaving the reader leaves full screen too.
  useEffect(
    () => () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
    [],
  );

  const toggleFullScreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  const toggleFocus = useCallback(() => setFocus((on) => !on), []);
  const leaveFocus = useCallback(() => setFocus(false), []);
  return { focus, fullScreen, toggleFullScreen, toggleFocus, leaveFocus };
}
