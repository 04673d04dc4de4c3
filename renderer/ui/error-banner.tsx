import type { AppError } from '../../preload/contract/types';
import { useI18n } from '../i18n';

/** A failed action, explained: the message for the error code, then main's own detail. */
export function ErrorBanner({ error, onDismiss }: { error: AppError; onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-error" role="alert">
      <strong>{t(`error.${error.code}`)}</strong>
      {error.message && <span className="banner-detail">{error.message}</span>}
      <button type="button" className="link" onClick={onDismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
