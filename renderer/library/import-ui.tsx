import { useId, useState } from 'react';
import type { EventPayloads } from '../../preload/contract/api';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';
import { countReport, detailsOpenAtFirst, detailsOrder } from './import-summary';
import type { ReportLine } from './use-import';
import { forDisplay } from '../../preload/contract/display';

/**
 * A running import: where it stands, and a Cancel button (the import stops after the file it is
 * storing; what came in stays). Once pressed it says so until the import ends.
 */
export function ImportProgress({
  progress,
  cancelling,
  onCancel,
}: {
  progress: EventPayloads['importProgress'];
  cancelling: boolean;
  onCancel(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="import-progress" data-testid="import-progress">
      <span role="status" aria-live="polite">
        {t('import.progress', { done: progress.done + 1, total: progress.total, name: progress.name })}
      </span>
      <progress max={progress.total} value={progress.done} aria-label={t('import.progressLabel')} />
      <button type="button" className="button" disabled={cancelling} onClick={onCancel} data-testid="import-cancel">
        {cancelling ? t('import.cancelling') : t('import.cancel')}
      </button>
    </div>
  );
}

/**
 * The outcome of the imports since it was last closed: a summary line (always announced), and each
 * file's line behind a disclosure, open at first only for a small batch with a failure.
 */
export function ImportReport({ lines, onDismiss }: { lines: ReportLine[]; onDismiss(): void }) {
  const { t } = useI18n();
  const id = useId();
  // Until the user opens or closes the details, they follow the rule as lines come in.
  const [opened, setOpened] = useState<boolean | null>(null);
  const open = opened ?? detailsOpenAtFirst(lines);
  const counts = countReport(lines);
  const summary = (['imported', 'duplicate', 'failed', 'skipped', 'cancelled'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => t(`import.summary.${status}`, { count: counts[status] }))
    .join(t('import.summary.separator'));
  const describe = (line: ReportLine): string => {
    switch (line.status) {
      case 'imported':
        // What the reader should know of this import (no article found, images left on the web…).
        return [t('import.imported'), ...(line.notices ?? []).map((n) => t(`import.notice.${n}`))].join(' ');
      case 'duplicate':
        return t('import.duplicate', { title: line.existing.title });
      case 'skipped':
        return t('import.skipped');
      case 'cancelled':
        return t('import.cancelled');
      case 'failed':
        return t('import.failed', { message: errorMessage(t, line.error) });
    }
  };
  const list = (
    <ul>
      {detailsOrder(lines).map((line, i) => (
        <li key={i} className={`report-${line.status}`} data-testid="import-report-line">
          <span className="report-name">{forDisplay(line.status === 'imported' ? line.article.title : line.name)}</span>
          <span className="report-status">{describe(line)}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="import-report" aria-labelledby={`${id}-title`} data-testid="import-report">
      <h2 id={`${id}-title`}>{t('import.report.title')}</h2>
      {lines.length === 1 ? (
        // One file: its line is the whole story.
        <div role="status">{list}</div>
      ) : (
        <>
          <p
            className={counts.failed > 0 ? 'import-summary has-failures' : 'import-summary'}
            role="status"
            data-testid="import-summary"
          >
            {summary}
          </p>
          <details
            open={open}
            onToggle={(e) => {
              const now = e.currentTarget.open;
              if (now !== open) setOpened(now);
            }}
          >
            <summary>{t('import.details', { count: lines.length })}</summary>
            {list}
          </details>
        </>
      )}
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
