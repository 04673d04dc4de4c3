import { useState } from 'react';
import {
  EXPORT_FORMATS,
  EXPORT_SCRIPTS,
  type ExportFormat,
  type ExportResult,
  type ExportScript,
} from '../../preload/contract/types';
import { api, CallError, unwrap } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from './dialog';
import { errorMessage } from './error-banner';

/** Hands an export to the browser as a download (where there is no save dialog: the test host). */
export function download(result: Extract<ExportResult, { saved: false }>) {
  const url = URL.createObjectURL(new Blob([result.content], { type: result.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export of highlights and notes: the format, the script of the quotes, and (from the reader)
 * whether this article or the whole library. Saving goes through the app's save dialog.
 */
export function ExportDialog({
  articleId,
  onDone,
  onClose,
}: {
  /** The article open in the reader, if any: it can be exported alone. */
  articleId?: number;
  onDone(message: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [script, setScript] = useState<ExportScript>('original');
  const [scope, setScope] = useState<'article' | 'library'>(articleId ? 'article' : 'library');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = unwrap(
        await api().exportAnnotations({
          ...(scope === 'article' && articleId ? { articleId } : {}),
          format,
          script,
        }),
      );
      if (!result.saved) download(result);
      onDone(
        result.saved
          ? t('export.saved', { count: result.count, path: result.path })
          : t('export.downloaded', { count: result.count, name: result.fileName }),
      );
    } catch (e) {
      const err = e instanceof CallError ? e.error : { code: 'internal' as const, detail: String(e) };
      if (err.code === 'cancelled') {
        setBusy(false);
        return;
      }
      setError(errorMessage(t, err));
    }
    setBusy(false);
  };

  return (
    <Dialog
      title={t('export.title')}
      onClose={onClose}
      testId="export-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('paste.cancel')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void run()}>
            {busy ? t('export.working') : t('export.run')}
          </button>
        </>
      }
    >
      {articleId && (
        <fieldset className="field">
          <legend>{t('export.scope')}</legend>
          {(['article', 'library'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} />
              {t(`export.scope.${s}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span>{t('export.format')}</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.format.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('export.script')}</span>
        <select value={script} onChange={(e) => setScript(e.target.value as ExportScript)}>
          {EXPORT_SCRIPTS.map((s) => (
            <option key={s} value={s}>
              {t(`export.script.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
