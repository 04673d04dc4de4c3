import { useMemo } from 'react';
import { Alignment } from '../../preload/contract/alignment';
import type { Article, ConvertedText } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import { PairedLayout } from '../parallel/paired-layout';
import { langOf } from './article-text';
import { SingleLayout, type TextLayout } from './layout';

/** A CSS string value (for labels the stylesheet draws, such as a missing image's). */
const cssString = (text: string) => `"${text.replace(/["\\\n]/g, (c) => (c === '\n' ? ' ' : `\\${c}`))}"`;

/**
 * The text on screen and its maps to positions and to the source: one column, or two side by
 * side; and the attributes of the element that holds it (memoised: the view is rebuilt when they change).
 */
export function useTextLayout(
  article: Article | null,
  shown: ConvertedText | null,
  paired: boolean,
  imageBase: string | null,
) {
  const { t } = useI18n();
  const layout: TextLayout | null = useMemo(() => {
    if (!shown || !article || imageBase === null) return null;
    const alignment = Alignment.fromJSON(shown.alignment);
    const options = { imageBase };
    if (paired && shown.script !== 'original') {
      return new PairedLayout(
        article.blocks,
        shown.blocks,
        alignment,
        { source: langOf(article, 'original'), target: langOf(article, shown.script) },
        options,
      );
    }
    return new SingleLayout(shown.blocks, alignment, article.blocks.map((b) => b.text).join('\n'), options);
  }, [shown, article, paired, imageBase]);
  const attributes = useMemo(
    (): Record<string, string> =>
      article && shown
        ? {
            'aria-label': t('reader.article'),
            lang: langOf(article, shown.script),
            'data-script': shown.script,
            // Drawn by the stylesheet in a figure whose image was not in the file: never part of the text.
            style: `--dz-image-missing: ${cssString(t('figure.missing'))}`,
          }
        : {},
    [article, shown, t],
  );
  return { layout, attributes };
}
