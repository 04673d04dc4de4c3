import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type DisplayScript, offeredScripts, sourceKind } from '../../preload/contract/scripts';
import type { AppError, Article, ConvertedText, TextWindow } from '../../preload/contract/types';
import { api } from '../api';

/** The language tag of the text as shown, so that fonts pick the right regional glyphs. */
export function langOf(article: Pick<Article, 'scriptForm'>, shown: DisplayScript): string {
  if (shown === 'simplified') return 'zh-Hans';
  if (shown === 'traditional') return 'zh-Hant';
  if (shown === 'taiwan' || shown === 'taiwanPhrases') return 'zh-Hant-TW';
  if (shown === 'hongkong') return 'zh-Hant-HK';
  if (article.scriptForm === 'taiwan') return 'zh-Hant-TW';
  if (article.scriptForm === 'hongkong') return 'zh-Hant-HK';
  return article.scriptForm ? 'zh-Hant' : 'zh-Hans';
}

/**
 * From this length on (characters), an article paints its first screen before the whole text is
 * loaded or converted: below it, the whole text comes as fast as a first screen would.
 */
export const PREVIEW_MIN_CHARS = 50_000;

/**
 * Converts to the script wanted until the one converted last is still the one wanted; returns
 * true, or the error that stopped it. `show` gets each text that is still wanted when it arrives.
 */
async function convertUntilSettled(
  articleId: number,
  wanted: RefObject<DisplayScript | null>,
  from: DisplayScript,
  converting: (script: DisplayScript) => void,
  show: (script: DisplayScript, text: ConvertedText) => void,
  firstScreen: ((script: DisplayScript) => void) | null,
): Promise<true | AppError> {
  let current = from;
  for (let target = wanted.current; target !== null && target !== current; target = wanted.current) {
    converting(target);
    // The first screen is asked for first: main converts it before the whole text.
    firstScreen?.(target);
    const result = await api().getConvertedText(articleId, target);
    if (!result.ok) return result.error;
    current = target;
    if (wanted.current === target) show(target, result.value);
  }
  return true;
}

/**
 * The article and its text in the script on screen (and where its images are served): loaded on opening (and again when `reloads`
 * changes), and switched to another script on request. Switches queue: keys can be pressed
 * faster than texts convert, so only the script asked for last is shown.
 *
 * @param anchorRef - the source offset to bring to the top when the text is shown; set to where the
 *   reader was left on loading, and by `beforeSwitch` (where the reader is) on switching.
 */
export function useArticleText(
  articleId: number,
  reloads: number,
  anchorRef: RefObject<number>,
  beforeSwitch: () => number | undefined,
  onError: (error: AppError) => void,
) {
  const [article, setArticle] = useState<Article | null>(null);
  const [shown, setShown] = useState<ConvertedText | null>(null);
  /** Where the library serves the article's images (AppInfo.imageBase). */
  const [imageBase, setImageBase] = useState<string | null>(null);
  /** The script being converted to, while the conversion runs. */
  const [converting, setConverting] = useState<DisplayScript | null>(null);
  /** The script asked for last, while switches are under way. */
  const wanted = useRef<DisplayScript | null>(null);
  /** The script on screen, current even before React has re-rendered. */
  const displayed = useRef<DisplayScript>('original');

  /** The first screen, painted while the whole text loads or converts (big articles only). */
  const [preview, setPreview] = useState<TextWindow | null>(null);

  useEffect(() => {
    let live = true;
    let loaded = false;
    const bridge = api();
    // Asked first, so that main reads (and converts) it before the whole text.
    const firstScreen = bridge.getTextWindow(articleId);
    const info = bridge.getAppInfo();
    void Promise.all([firstScreen, info]).then(([w, i]) => {
      if (live && !loaded && w.ok && i.ok && w.value.charCount >= PREVIEW_MIN_CHARS) {
        setImageBase(i.value.imageBase);
        setPreview(w.value);
      }
    });
    void Promise.all([bridge.getArticle(articleId), bridge.getConvertedText(articleId), info]).then(([a, c, i]) => {
      if (!live) return;
      loaded = true;
      setPreview(null);
      if (!a.ok) return onError(a.error);
      if (!c.ok) return onError(c.error);
      if (!i.ok) return onError(i.error);
      anchorRef.current = a.value.readingOffset;
      displayed.current = c.value.script;
      setImageBase(i.value.imageBase);
      setArticle(a.value);
      setShown(c.value);
    });
    return () => {
      live = false;
    };
  }, [articleId, reloads, anchorRef, onError]);

  /** Shows the article in another script, keeping the reader on the same words. */
  const switchScript = useCallback(
    async (next: DisplayScript, { firstScreen = false }: { firstScreen?: boolean } = {}) => {
      const running = wanted.current !== null;
      wanted.current = next;
      if (running) return; // the switch under way goes on to `next` when it is done
      anchorRef.current = beforeSwitch() ?? anchorRef.current;
      // A big article shows its first screen in the new script while the whole text converts.
      const big = firstScreen && (article?.charCount ?? 0) >= PREVIEW_MIN_CHARS;
      let settled = false;
      const showFirst = (target: DisplayScript) =>
        void api()
          .getTextWindow(articleId, target, anchorRef.current)
          .then((w) => {
            if (!settled && w.ok && wanted.current === target && displayed.current !== target) setPreview(w.value);
          });
      // Each conversion done, the one asked for meanwhile (if another) is next.
      const converted = await convertUntilSettled(
        articleId,
        wanted,
        displayed.current,
        setConverting,
        (target, text) => {
          displayed.current = target;
          setPreview(null);
          setShown(text);
          void api().setDisplayScript(articleId, target);
        },
        big ? showFirst : null,
      );
      settled = true;
      setPreview(null);
      if (converted !== true) onError(converted);
      wanted.current = null;
      setConverting(null);
    },
    [anchorRef, article, articleId, beforeSwitch, onError],
  );

  /** The script on screen, or the one on its way. */
  const target = useCallback(() => wanted.current ?? displayed.current, []);

  const offered = useMemo(() => (article ? offeredScripts(sourceKind(article.scriptForm)) : []), [article]);

  return { article, shown, preview, imageBase, converting, offered, switchScript, target };
}
