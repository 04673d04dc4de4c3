import { CEDICT_ATTRIBUTION } from '../../preload/contract/reading';
import type { AppInfo } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import { Dialog } from './dialog';

/** About: the version, and the attribution the dictionary's licence (CC BY-SA 4.0) asks for. */
export function AboutDialog({ info, onClose }: { info: AppInfo; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('about.title')}
      onClose={onClose}
      testId="about-dialog"
      actions={
        <button type="button" className="button" onClick={onClose}>
          {t('about.close')}
        </button>
      }
    >
      <p>{t('about.version', { version: info.version })}</p>
      <p data-testid="cedict-attribution">{t('about.dictionary')}</p>
      {/* The licence's own wording, in English whatever the interface language. */}
      <p className="muted" lang="en">
        {CEDICT_ATTRIBUTION}
      </p>
      <p className="muted">{t('about.readings')}</p>
    </Dialog>
  );
}
