import { useState } from 'react';
import type { EncodingCandidate, EncodingChoice, TextEncodingName } from '../../preload/contract/types';
import { forDisplay } from '../../preload/contract/display';
import { useI18n } from '../i18n';
import {
  answers,
  applyToAll,
  choiceFor,
  commonEncodings,
  type Choices,
  type FileChoice,
  type NeedsEncoding,
} from './encoding-choices';
import { Dialog } from './dialog';

export type { NeedsEncoding };

const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK (简体)',
  big5: 'Big5 (繁體)',
};

/**
 * Asks which encoding the files of an import are in: one dialog for all of them, each file with
 * its own choice (best candidate first) and the preview of what it would read as, "use for all",
 * and Import / Skip per file. One file alone gets every candidate's preview side by side.
 * `onDone` gets one answer per file (null encoding: skip); Esc and Cancel skip them all.
 */
export function BatchEncodingDialog({
  asks,
  onDone,
}: {
  asks: NeedsEncoding[];
  onDone(answers: EncodingChoice[]): void;
}) {
  const { t } = useI18n();
  const [choices, setChoices] = useState<Choices>(new Map());
  const [applied, setApplied] = useState<string | null>(null);
  const single = asks.length === 1;
  const included = asks.filter((a) => choiceFor(a, choices).include).length;
  const skipAll = () => onDone(asks.map((a) => ({ token: a.token, encoding: null })));
  const change = (ask: NeedsEncoding, patch: Partial<FileChoice>) => {
    setChoices((c) => new Map(c).set(ask.token, { ...choiceFor(ask, c), ...patch }));
    setApplied(null);
  };
  const forAll = (encoding: TextEncodingName) => {
    const result = applyToAll(asks, choices, encoding);
    setChoices(result.choices);
    const label = ENCODING_LABELS[encoding];
    setApplied(
      result.kept === 0
        ? t('encoding.appliedAll', { encoding: label, count: result.applied })
        : t('encoding.appliedSome', { encoding: label, count: result.applied, kept: result.kept }),
    );
  };
  return (
    <Dialog
      title={
        single ? t('encoding.title', { name: asks[0]?.name ?? '' }) : t('encoding.batchTitle', { count: asks.length })
      }
      onClose={skipAll}
      testId="encoding-dialog"
      actions={
        single ? (
          <>
            <button type="button" className="button" onClick={skipAll}>
              {t('encoding.skip')}
            </button>
            <button type="button" className="button primary" onClick={() => onDone(answers(asks, choices))}>
              {t('encoding.import')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={skipAll}>
              {t('encoding.cancel')}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={included === 0}
              onClick={() => onDone(answers(asks, choices))}
            >
              {t('encoding.importCount', { count: included })}
            </button>
          </>
        )
      }
    >
      <p>{single ? t('encoding.explain') : t('encoding.batchExplain')}</p>
      {!single && (
        <div className="encoding-all" role="group" aria-label={t('encoding.useForAll')}>
          <span className="muted">{t('encoding.useForAll')}</span>
          {commonEncodings(asks).map((encoding) => (
            <button
              key={encoding}
              type="button"
              className="button"
              aria-label={t('encoding.useForAllOne', { encoding: ENCODING_LABELS[encoding] })}
              onClick={() => forAll(encoding)}
            >
              {ENCODING_LABELS[encoding]}
            </button>
          ))}
          <span className="encoding-applied" role="status" aria-live="polite">
            {applied}
          </span>
        </div>
      )}
      <ul className="encoding-files">
        {asks.map((ask) => (
          <FileRow
            key={ask.token}
            ask={ask}
            choice={choiceFor(ask, choices)}
            compare={single}
            onChange={(patch) => change(ask, patch)}
          />
        ))}
      </ul>
    </Dialog>
  );
}

/** Asks about one file (replacing an article's text): the encoding chosen, or null to skip. */
export function EncodingDialog({
  ask,
  onChoose,
}: {
  ask: NeedsEncoding;
  onChoose(encoding: TextEncodingName | null): void;
}) {
  return <BatchEncodingDialog asks={[ask]} onDone={([answer]) => onChoose(answer?.encoding ?? null)} />;
}

/** One file: whether to import it, its encoding, and what it reads as in that encoding. */
function FileRow({
  ask,
  choice,
  compare,
  onChange,
}: {
  ask: NeedsEncoding;
  choice: FileChoice;
  /** Show every candidate's preview, not only the chosen one's (a dialog for one file). */
  compare: boolean;
  onChange(patch: Partial<FileChoice>): void;
}) {
  const { t } = useI18n();
  const name = forDisplay(ask.name);
  const chosen = ask.candidates.find((c) => c.encoding === choice.encoding);
  return (
    <li className={`encoding-file${choice.include ? '' : ' excluded'}`} data-testid="encoding-file">
      {!compare && (
        <label className="encoding-file-name">
          <input
            type="checkbox"
            checked={choice.include}
            aria-label={t('encoding.includeFile', { name: ask.name })}
            onChange={(e) => onChange({ include: e.target.checked })}
          />
          <span>{name}</span>
        </label>
      )}
      <fieldset className={compare ? 'encoding-options' : 'encoding-options inline'} disabled={!choice.include}>
        <legend className="sr-only">{t('encoding.title', { name: ask.name })}</legend>
        {ask.candidates.map((c, i) => (
          <label key={c.encoding} className="encoding-option">
            <input
              type="radio"
              name={`encoding-${ask.token}`}
              value={c.encoding}
              checked={choice.encoding === c.encoding}
              onChange={() => onChange({ encoding: c.encoding })}
            />
            <span className="encoding-name">
              {ENCODING_LABELS[c.encoding]}
              {i === 0 && !compare && <span className="muted"> · {t('encoding.best')}</span>}
            </span>
            {compare && <Preview candidate={c} />}
          </label>
        ))}
      </fieldset>
      {!compare && chosen && choice.include && <Preview candidate={chosen} />}
    </li>
  );
}

/** What the file reads as in one encoding, and what that encoding would lose. */
function Preview({ candidate: c }: { candidate: EncodingCandidate }) {
  const { t } = useI18n();
  return (
    <>
      <span className="encoding-preview" lang="zh" data-testid="encoding-preview">
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
    </>
  );
}
