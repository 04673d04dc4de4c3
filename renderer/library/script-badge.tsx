import type { Script } from '../../preload/contract/types';
import { useI18n } from '../i18n';

/** 简 / 繁 badge, with the full name for screen readers and on hover. */
export function ScriptBadge({ script }: { script: Script }) {
  const { t } = useI18n();
  const long = t(`script.${script}.long`);
  return (
    <span className={`badge badge-${script}`} title={long} aria-label={long} role="img">
      {t(`script.${script}`)}
    </span>
  );
}
