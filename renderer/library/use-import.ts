import { useCallback, useEffect, useState } from 'react';
import type { EventPayloads } from '../../preload/contract/api';
import type { ImportFile, ImportOutcome, TextEncodingName } from '../../preload/contract/types';
import { MAX_IMPORT_BYTES } from '../../preload/contract/types';
import { api } from '../api';

type Progress = EventPayloads['importProgress'];
type NeedsEncoding = Extract<ImportOutcome, { status: 'needsEncoding' }>;

/** A file's final word in the import report: what happened, or that the user skipped it. */
export type ReportLine = Exclude<ImportOutcome, NeedsEncoding> | { status: 'skipped'; name: string };

/**
 * Runs imports from any entry point (file input, drop, native dialog, paste), follows their
 * progress events, asks about uncertain encodings one file at a time, and keeps the report.
 */
export function useImport() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ReportLine[]>([]);
  const [askQueue, setAskQueue] = useState<NeedsEncoding[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(
    () =>
      api().on('importProgress', (p) => {
        setProgress(p.done < p.total ? p : null);
      }),
    [],
  );

  const take = useCallback((outcomes: ImportOutcome[]) => {
    const settled = outcomes.filter((o): o is Exclude<ImportOutcome, NeedsEncoding> => o.status !== 'needsEncoding');
    const asks = outcomes.filter((o): o is NeedsEncoding => o.status === 'needsEncoding');
    setReport((r) => [...r, ...settled]);
    setAskQueue((q) => [...q, ...asks]);
  }, []);

  const run = useCallback(
    async (work: () => Promise<ImportOutcome[]>) => {
      setBusy(true);
      try {
        take(await work());
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [take],
  );

  /** Files from the file input or a drop. Oversized files are refused here without reading them. */
  const importFiles = useCallback(
    (files: readonly File[]) =>
      run(async () => {
        const tooLarge: ImportOutcome[] = [];
        const payload: ImportFile[] = [];
        for (const file of files) {
          if (file.size > MAX_IMPORT_BYTES) {
            tooLarge.push({
              status: 'failed',
              name: file.name,
              error: { code: 'too_large', detail: `${file.name}: ${Math.round(file.size / 1048576)} MB` },
            });
          } else {
            payload.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
          }
        }
        if (payload.length === 0) return tooLarge;
        const result = await api().importFiles(payload);
        if (!result.ok)
          return [
            ...tooLarge,
            ...payload.map((f) => ({ status: 'failed' as const, name: f.name, error: result.error })),
          ];
        return [...tooLarge, ...result.value.outcomes];
      }),
    [run],
  );

  /** The native dialog (Electron). Cancelling is not an error. */
  const importFromDialog = useCallback(
    () =>
      run(async () => {
        const result = await api().importFromDialog();
        if (result.ok) return result.value.outcomes;
        return result.error.code === 'cancelled' ? [] : [{ status: 'failed', name: '', error: result.error }];
      }),
    [run],
  );

  const importText = useCallback(
    (text: string, title?: string) =>
      run(async () => {
        const result = await api().importText(title ? { text, title } : { text });
        return [result.ok ? result.value : { status: 'failed', name: title ?? '', error: result.error }];
      }),
    [run],
  );

  const current = askQueue[0] ?? null;

  const chooseEncoding = useCallback(
    (encoding: TextEncodingName | null) => {
      if (!current) return;
      setAskQueue((q) => q.slice(1));
      if (encoding === null) {
        setReport((r) => [...r, { status: 'skipped', name: current.name }]);
        return;
      }
      void run(async () => {
        const result = await api().chooseEncoding({ token: current.token, encoding });
        return [result.ok ? result.value : { status: 'failed', name: current.name, error: result.error }];
      });
    },
    [current, run],
  );

  return {
    busy,
    progress,
    report,
    clearReport: () => setReport([]),
    askingEncoding: current,
    chooseEncoding,
    importFiles,
    importFromDialog,
    importText,
  };
}
