import { useEffect, useState } from 'react';
import type { Correction, CorrectionList } from '../../preload/contract/corrections';
import type { Result } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';

/** The library's Corrections… button and the dialog it opens. */
export function CorrectionsButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="corrections-button">
        {t('corrections.button')}
      </button>
      {open && <CorrectionsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Every conversion correction, where and in which conversions it applies, each removable; and the
 * built-in set of well-known fixes (off by default) turned on or off, each with its OpenCC issue.
 */
export function CorrectionsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [list, setList] = useState<CorrectionList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const take = (r: Result<CorrectionList>) => (r.ok ? setList(r.value) : setError(errorMessage(t, r.error)));

  useEffect(() => {
    let live = true;
    void api()
      .getCorrections()
      .then((r) => {
        if (live) take(r);
      });
    return () => {
      live = false;
    };
    // Read once when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const remove = async (c: Correction) => {
    const r = await api().deleteCorrection(c.id);
    if (!r.ok) return setError(errorMessage(t, r.error));
    take(await api().getCorrections());
  };
  const setPresets = async (on: boolean) => {
    // The box follows the click at once; the list follows main's answer.
    setList((now) => (now ? { ...now, presetsEnabled: on } : now));
    take(await api().setPresetCorrections(on));
  };
  const issueOf = (preset: string | null) => list?.presets.find((p) => p.id === preset)?.issue;

  return (
    <Dialog
      title={t('corrections.title')}
      onClose={onClose}
      testId="corrections-dialog"
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('corrections.close')}
        </button>
      }
    >
      <p className="muted">{t('corrections.explain')}</p>
      {list && (
        <>
          <label className="radio">
            <input
              type="checkbox"
              checked={list.presetsEnabled}
              onChange={(e) => void setPresets(e.target.checked)}
              data-testid="corrections-presets"
            />
            {t('corrections.presets', { count: list.presets.length })}
          </label>
          <p className="muted">{t('corrections.presetsHint')}</p>
          {list.corrections.length === 0 ? (
            <p data-testid="corrections-none">{t('corrections.none')}</p>
          ) : (
            <ul className="corrections-list" data-testid="corrections-list">
              {list.corrections.map((c) => {
                const issue = issueOf(c.preset);
                return (
                  <li key={c.id}>
                    <span lang="zh" className="correction-rule">
                      {c.source} → {c.target}
                    </span>{' '}
                    <span className="muted">
                      {c.articleId === null ? t('corrections.everywhere') : (c.articleTitle ?? '')} ·{' '}
                      {c.chains.join(', ')}
                    </span>{' '}
                    {issue && (
                      <button
                        type="button"
                        className="link"
                        title={issue}
                        onClick={() => void api().openExternal(issue)}
                      >
                        {t('corrections.builtIn')} #{issue.split('/').pop()}
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      className="link"
                      aria-label={t('corrections.removeLabel', { source: c.source, target: c.target })}
                      onClick={() => void remove(c)}
                    >
                      {t('corrections.remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
