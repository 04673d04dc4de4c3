import { useI18n } from '../i18n';

/** A passing message at the foot of the window (an export done, an import's report), with a close button. */
export function Notice({ message, onClose }: { message: string; onClose(): void }) {
  const { t } = useI18n();
  return (
    <div className="toast" role="status" aria-live="polite" data-testid="notice">
      <span>{message}</span>
      <button type="button" className="button" onClick={onClose}>
        {t('hl.close')}
      </button>
    </div>
  );
}
