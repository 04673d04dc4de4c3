import { useCallback, useEffect, useState } from 'react';
import type { VocabularyItem } from '../../preload/contract/reading';
import type { AppError } from '../../preload/contract/types';
import { api, CallError, unwrap } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';
import { download } from '../ui/export-dialog';

/**
 * The vocabulary list: words saved from the reader's dictionary, with their reading, meaning, the
 * sentence and the article; remove one, or export them all for Anki (TSV, like the notes' export).
 */
export function VocabularyDialog({ onClose, onDone }: { onClose(): void; onDone(message: string): void }) {
  const { t } = useI18n();
  const [items, setItems] = useState<VocabularyItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(
    () =>
      void api()
        .listVocabulary()
        .then((r) => (r.ok ? setItems(r.value) : setError(r.error))),
    [],
  );
  useEffect(load, [load]);

  const remove = async (item: VocabularyItem) => {
    const r = await api().deleteVocabulary(item.id);
    if (!r.ok) return setError(r.error);
    load();
  };
  const exportAll = async () => {
    try {
      const result = unwrap(await api().exportVocabulary());
      if (!result.saved) download(result);
      onDone(
        result.saved
          ? t('vocab.saved', { count: result.count, path: result.path })
          : t('vocab.downloaded', { count: result.count, name: result.fileName }),
      );
    } catch (e) {
      const err = e instanceof CallError ? e.error : { code: 'internal' as const, detail: String(e) };
      if (err.code !== 'cancelled') setError(err);
    }
  };

  return (
    <Dialog
      title={t('vocab.title')}
      onClose={onClose}
      testId="vocabulary-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('vocab.close')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!items?.length}
            onClick={() => void exportAll()}
            data-testid="vocabulary-export"
          >
            {t('vocab.export')}
          </button>
        </>
      }
    >
      {items?.length === 0 && <p className="muted">{t('vocab.empty')}</p>}
      {items && items.length > 0 && (
        <table className="vocabulary">
          <thead>
            <tr>
              <th scope="col">{t('vocab.word')}</th>
              <th scope="col">{t('vocab.reading')}</th>
              <th scope="col">{t('vocab.meaning')}</th>
              <th scope="col">{t('vocab.sentence')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="vocabulary-row">
                <td lang="zh" className="vocabulary-word">
                  {item.word}
                </td>
                <td>{item.reading}</td>
                <td lang="en">{item.meaning}</td>
                <td lang="zh">
                  {item.sentence}
                  {item.articleTitle && <div className="muted">{item.articleTitle}</div>}
                </td>
                <td>
                  <button
                    type="button"
                    className="tool"
                    aria-label={t('vocab.delete', { word: item.word })}
                    title={t('vocab.delete', { word: item.word })}
                    onClick={() => void remove(item)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="error-text" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </Dialog>
  );
}
