import { useState } from 'react';
import type { ImportOutcome, TextEncodingName } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import { Dialog } from './dialog';

const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK (简体)',
  big5: 'Big5 (繁體)',
};

/** A file whose encoding main could not settle, with the candidates' previews. */
export type NeedsEncoding = Extract<ImportOutcome, { status: 'needsEncoding' }>;

/** Asks which encoding a file is in, showing each candidate's decoding side by side. */
export function EncodingDialog({
  ask,
  onChoose,
}: {
  ask: NeedsEncoding;
  onChoose(encoding: TextEncodingName | null): void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<TextEncodingName>(ask.candidates[0]?.encoding ?? 'utf-8');
  return (
    <Dialog
      title={t('encoding.title', { name: ask.name })}
      onClose={() => onChoose(null)}
      testId="encoding-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={() => onChoose(null)}>
            {t('encoding.skip')}
          </button>
          <button type="button" className="button primary" onClick={() => onChoose(choice)}>
            {t('encoding.import')}
          </button>
        </>
      }
    >
      <p>{t('encoding.explain')}</p>
      <fieldset className="encoding-options">
        <legend className="sr-only">{t('encoding.title', { name: ask.name })}</legend>
        {ask.candidates.map((c) => (
          <label key={c.encoding} className="encoding-option">
            <input
              type="radio"
              name="encoding"
              value={c.encoding}
              checked={choice === c.encoding}
              onChange={() => setChoice(c.encoding)}
            />
            <span className="encoding-name">{ENCODING_LABELS[c.encoding]}</span>
            <span className="encoding-preview" lang="zh">
              {c.preview}
            </span>
            {(c.replacements !== undefined || c.warnings) && (
              <span className="encoding-damage" data-testid={`encoding-damage-${c.encoding}`}>
                {c.replacements !== undefined && t('encoding.replacements', { count: c.replacements })}
                {c.warnings?.map((w) => (
                  <span key={w}> {t(`encoding.warning.${w}`)}</span>
                ))}
              </span>
            )}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
