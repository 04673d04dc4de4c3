import type { ScriptForm } from '../../preload/contract/scripts';
import type { Script } from '../../preload/contract/types';
import { useI18n } from '../i18n';

/** 简 / 繁 badge, with the full name (and Traditional forms) for screen readers and on hover. */
export function ScriptBadge({ script, form }: { script: Script; form?: ScriptForm | null }) {
  const { t } = useI18n();
  const long = t(`script.${script}.long`) + (form && script !== 'simplified' ? ` · ${t(`form.${form}.long`)}` : '');
  return (
    <span className={`badge badge-${script}`} title={long} aria-label={long} role="img">
      {t(`script.${script}`)}
    </span>
  );
}
