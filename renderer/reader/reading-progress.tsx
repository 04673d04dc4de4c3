import { type RefObject, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { ViewHandle } from './view-handle';

/**
 * How far through the article the reader is: the share of the text before the reading position
 * and the characters left, read from the position as scrolling rests (once a frame at most).
 */
export function ReadingProgress({
  scrollRef,
  handle,
  current,
}: {
  scrollRef: RefObject<HTMLElement | null>;
  /** The view on screen: a new one (another script) is measured again. */
  handle: ViewHandle | null;
  current(): { offset: number } | null;
}) {
  const { t } = useI18n();
  const [at, setAt] = useState<{ percent: number; left: number } | null>(null);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !handle) return;
    const length = handle.layout.sourceLength;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const position = current();
      if (!position || length === 0) return;
      const offset = Math.min(length, position.offset);
      // The last screen shows the end: nothing is left to read there.
      const end =
        scroller.dataset.writing === 'vertical'
          ? -scroller.scrollLeft >= scroller.scrollWidth - scroller.clientWidth - 2
          : scroller.scrollTop >= scroller.scrollHeight - scroller.clientHeight - 2;
      setAt(end ? { percent: 100, left: 0 } : { percent: Math.floor((offset / length) * 100), left: length - offset });
    };
    const onScroll = () => {
      frame ||= window.requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.cancelAnimationFrame(frame);
    };
  }, [scrollRef, handle, current]);
  if (!at) return null;
  return (
    <div className="reading-progress muted" data-testid="reading-progress">
      {t('progress.at', { percent: at.percent, left: at.left.toLocaleString() })}
    </div>
  );
}
