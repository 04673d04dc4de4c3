import type { AppError } from '../../preload/contract/types';
import { useI18n, type Translate } from '../i18n';

/**
 * What a failure says to the reader: the translated message for its code, with its parameters
 * (file name, title). Main's `detail` is never part of it.
 */
export function errorMessage(t: Translate, error: AppError): string {
  return t(`error.${error.code}`, { ...error.params });
}

/** A failed action, explained in the reader's language; main's technical detail only behind "Details". */
export function ErrorBanner({ error, onDismiss }: { error: AppError; onDismiss(): void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-error" role="alert">
      <strong>{errorMessage(t, error)}</strong>
      {error.detail && (
        <details className="banner-detail">
          <summary>{t('error.details')}</summary>
          <code>{error.detail}</code>
        </details>
      )}
      <button type="button" className="link" onClick={onDismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}
