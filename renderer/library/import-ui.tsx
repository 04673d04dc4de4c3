import { useState } from 'react';
import type { EventPayloads } from '../../preload/contract/api';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';
import type { ReportLine } from './use-import';
import { forDisplay } from '../../preload/contract/display';

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
            <span className="report-name">
              {forDisplay(line.status === 'imported' ? line.article.title : line.name)}
            </span>
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
