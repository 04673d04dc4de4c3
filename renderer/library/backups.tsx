import { useEffect, useState } from 'react';
import type { AppError, BackupInfo, LibraryHealth } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';

/** The library's health, asked once when the library opens. */
export function useLibraryHealth(): LibraryHealth | null {
  const [health, setHealth] = useState<LibraryHealth | null>(null);
  useEffect(() => {
    let live = true;
    void api()
      .getLibraryHealth()
      .then((r) => {
        if (live && r.ok) setHealth(r.value);
      });
    return () => {
      live = false;
    };
  }, []);
  return health;
}

/**
 * A damaged library, explained with the ways out: it is open read-only (nothing is written), notes
 * can still be exported, and a backup can be restored.
 */
export function DamagedBanner({ onExport, onBackups }: { onExport(): void; onBackups(): void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-error" role="alert" data-testid="damaged-banner">
      <strong>{t('health.damaged')}</strong>
      <span className="banner-detail">{t('health.damagedHint')}</span>
      <button type="button" className="link" onClick={onExport}>
        {t('export.button')}
      </button>
      <button type="button" className="link" onClick={onBackups}>
        {t('backups.button')}
      </button>
    </div>
  );
}

/** The backups of the library, newest first; choosing one restores it when Duizhao starts again. */
export function BackupsDialog({ nativeDialogs, onClose }: { nativeDialogs: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    void api()
      .listBackups()
      .then((r) => {
        if (!live) return;
        if (r.ok) {
          setBackups(r.value);
          setChoice(r.value[0]?.name ?? null);
        } else setError(r.error);
      });
    return () => {
      live = false;
    };
  }, []);
  const restore = async () => {
    if (!choice) return;
    const r = await api().restoreBackup(choice);
    if (r.ok) setDone(true);
    else setError(r.error);
  };
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <Dialog
      title={t('backups.title')}
      onClose={onClose}
      testId="backups-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('hl.close')}
          </button>
          {!done && (
            <button type="button" className="button primary" disabled={!choice} onClick={() => void restore()}>
              {t('backups.restore')}
            </button>
          )}
        </>
      }
    >
      {done ? (
        <p role="status">{nativeDialogs ? t('backups.restarting') : t('backups.restartToFinish')}</p>
      ) : (
        <>
          <p>{t('backups.explain')}</p>
          {error && <p role="alert">{errorMessage(t, error)}</p>}
          {backups?.length === 0 && <p className="muted">{t('backups.none')}</p>}
          <fieldset className="encoding-options">
            <legend className="sr-only">{t('backups.title')}</legend>
            {backups?.map((b) => (
              <label key={b.name} className="encoding-option">
                <input type="radio" name="backup" checked={choice === b.name} onChange={() => setChoice(b.name)} />
                <span>
                  {when(b.createdAt)} · {t(`backups.reason.${b.reason}`)} · {(b.bytes / 1024).toFixed(0)} KB
                </span>
              </label>
            ))}
          </fieldset>
        </>
      )}
    </Dialog>
  );
}
