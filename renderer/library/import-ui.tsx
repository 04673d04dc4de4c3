import { useState } from 'react';
import type { EventPayloads } from '../../preload/contract/api';
import type { ImportOutcome, TextEncodingName } from '../../preload/contract/types';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';
import type { ReportLine } from './use-import';

const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK (简体)',
  big5: 'Big5 (繁體)',
};

export function ImportProgress({ progress }: { progress: EventPayloads['importProgress'] }) {
  const { t } = useI18n();
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span>{t('import.progress', { done: progress.done + 1, total: progress.total, name: progress.name })}</span>
      <progress max={progress.total} value={progress.done} aria-label={t('import.report.title')} />
    </div>
  );
}

export function ImportReport({ lines, onDismiss }: { lines: ReportLine[]; onDismiss(): void }) {
  const { t } = useI18n();
  const describe = (line: ReportLine): string => {
    switch (line.status) {
      case 'imported':
        return t('import.imported');
      case 'duplicate':
        return t('import.duplicate', { title: line.existing.title });
      case 'skipped':
        return t('import.skipped');
      case 'failed':
        return t('import.failed', { message: errorMessage(t, line.error) });
    }
  };
  return (
    <section className="import-report" aria-label={t('import.report.title')} role="status" data-testid="import-report">
      <h2>{t('import.report.title')}</h2>
      <ul>
        {lines.map((line, i) => (
          <li key={i} className={`report-${line.status}`}>
            <span className="report-name">{line.status === 'imported' ? line.article.title : line.name}</span>
            <span className="report-status">{describe(line)}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onDismiss}>
        {t('import.dismiss')}
      </button>
    </section>
  );
}

type NeedsEncoding = Extract<ImportOutcome, { status: 'needsEncoding' }>;

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
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}

export function PasteDialog({ onImport, onClose }: { onImport(text: string, title?: string): void; onClose(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  return (
    <Dialog
      title={t('paste.title')}
      onClose={onClose}
      testId="paste-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('paste.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={text.trim() === ''}
            onClick={() => onImport(text, title.trim() || undefined)}
          >
            {t('paste.import')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('paste.titleLabel')}</span>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('paste.textLabel')}</span>
        <textarea value={text} rows={12} onChange={(e) => setText(e.target.value)} lang="zh" />
      </label>
    </Dialog>
  );
}
