import { useEffect, useMemo, useState } from 'react';
import type { ConvertedText } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import type { DocRange, TextLayout } from './layout';
import { isLive, type ViewHandle } from './view-handle';

/** Where the conversion changed words (软件 → 軟體), in every column; empty unless `on`. */
export function useWordChanges(on: boolean, shown: ConvertedText | null, layout: TextLayout | null): DocRange[] {
  return useMemo(() => {
    if (!on || !shown || !layout) return [];
    const out: DocRange[] = [];
    const w = shown.wordChanges;
    for (let i = 0; i + 3 < w.length; i += 4) {
      for (const r of layout.place({ start: w[i] ?? 0, end: w[i + 1] ?? 0 })) if (r.to > r.from) out.push(r);
    }
    return out;
  }, [on, shown, layout]);
}

interface Original {
  x: number;
  y: number;
  shown: string;
  original: string;
}

/** Hovering converted words shows what they were: the words under the pointer and their original. */
export function useOriginalUnderPointer(handle: ViewHandle | null): Original | null {
  const [original, setOriginal] = useState<Original | null>(null);
  useEffect(() => {
    if (!isLive(handle)) return;
    const { view, layout } = handle;
    let frame = 0;
    const onMove = (e: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const hit = view.posAtCoords({ left: e.clientX, top: e.clientY });
        const found = hit && hit.inside >= 0 ? layout.originalAt(hit.pos) : null;
        setOriginal(found && found.original !== found.shown ? { x: e.clientX, y: e.clientY, ...found } : null);
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      setOriginal(null);
    };
    const listening = new AbortController();
    view.dom.addEventListener('mousemove', onMove, { signal: listening.signal });
    view.dom.addEventListener('mouseleave', onLeave, { signal: listening.signal });
    return () => {
      cancelAnimationFrame(frame);
      listening.abort();
    };
  }, [handle]);
  return original;
}

/** The original form of the converted words under the pointer. */
export function OriginalTooltip({ original, lang }: { original: Original; lang: string | undefined }) {
  const { t } = useI18n();
  return (
    <div
      className="orig-tooltip"
      role="tooltip"
      style={{ left: original.x + 12, top: original.y + 16 }}
      data-testid="original-tooltip"
    >
      <span className="muted">{t('parallel.original')}</span> <span lang={lang}>{original.original}</span>
    </div>
  );
}
