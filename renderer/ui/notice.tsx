import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

/** How long a passing message stays up unless closed. */
export const NOTICE_MS = 10_000;

/**
 * A passing message at the foot of the window (an export done, an import's report, a copy), with a
 * close button, or another action (undo) in its place.
 */
export function Notice({
  message,
  onClose,
  action,
  testId = 'notice',
  tone = 'status',
}: {
  message: string;
  onClose(): void;
  /** A button other than "close" (e.g. undo). */
  action?: { label: string; run(): void };
  testId?: string;
  /** A failure is announced at once (alert), anything else politely. */
  tone?: 'status' | 'alert';
}) {
  const { t } = useI18n();
  return (
    <div
      className={tone === 'alert' ? 'toast toast-error' : 'toast'}
      role={tone}
      aria-live={tone === 'alert' ? 'assertive' : 'polite'}
      data-testid={testId}
    >
      <span>{message}</span>
      <button type="button" className="button" onClick={action ? action.run : onClose}>
        {action ? action.label : t('hl.close')}
      </button>
    </div>
  );
}

/** A message shown for a while: `show` replaces the one up, `clear` takes it down. */
export function useNotice(ms = NOTICE_MS) {
  const [notice, setNotice] = useState<{ message: string; tone: 'status' | 'alert' } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    setNotice(null);
  }, []);
  const show = useCallback(
    (message: string, tone: 'status' | 'alert' = 'status') => {
      window.clearTimeout(timer.current);
      setNotice({ message, tone });
      timer.current = window.setTimeout(() => setNotice(null), ms);
    },
    [ms],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { notice, show, clear };
}
