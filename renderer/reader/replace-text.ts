import { useCallback, useState } from 'react';
import type { AppError, ReanchorReport, TextEncodingName } from '../../preload/contract/types';
import { api } from '../api';
import type { NeedsEncoding } from '../ui/encoding-dialog';

/**
 * Replacing the article's text by an edited version (highlights are re-anchored in main). A file
 * whose encoding is uncertain asks first, with previews, then goes on.
 *
 * @param beforeReplace - runs first (notes being typed are saved against the old text).
 * @param onReplaced - the text was replaced: reload, report how the highlights fared.
 */
export function useReplaceText(
  articleId: number,
  beforeReplace: () => Promise<void>,
  onReplaced: (report: ReanchorReport) => void,
  onError: (error: AppError) => void,
) {
  const [asking, setAsking] = useState<{ file: File; ask: NeedsEncoding } | null>(null);

  const replace = useCallback(
    async (file: File, encoding?: TextEncodingName) => {
      await beforeReplace();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await api().replaceArticleText({
        id: articleId,
        file: { name: file.name, bytes },
        ...(encoding ? { encoding } : {}),
      });
      if (!result.ok) return onError(result.error);
      if (result.value.status === 'needsEncoding') {
        setAsking({ file, ask: { ...result.value, token: '' } });
        return;
      }
      onReplaced(result.value);
    },
    [articleId, beforeReplace, onError, onReplaced],
  );

  /** The reader picked an encoding, or none (skip). */
  const answer = useCallback(
    (encoding: TextEncodingName | null) => {
      const file = asking?.file;
      setAsking(null);
      if (file && encoding) void replace(file, encoding);
    },
    [asking, replace],
  );

  return { replace, asking: asking?.ask ?? null, answer };
}
