import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayloads } from '../../preload/contract/api';
import type { EncodingChoice, ImportFile, ImportOutcome, ImportReport, Result } from '../../preload/contract/types';
import { MAX_IMPORT_BYTES } from '../../preload/contract/types';
import { api } from '../api';
import type { PathedFile } from './dropped-files';
import type { NeedsEncoding } from '../ui/encoding-choices';

type Progress = EventPayloads['importProgress'];

/** A file's final word in the import report: what happened, or that the user skipped it. */
export type ReportLine = Exclude<ImportOutcome, NeedsEncoding>;

/** The most answers one chooseEncodings call carries (the contract's limit). */
export const CHOICES_PER_CALL = 500;

/**
 * Sends the answers of the encoding dialog to main (`send`: the chooseEncodings call) and gives one
 * report line per file, named as the dialog named it: a call that fails fails only its own files
 * (those skipped stay skipped), and a file main had forgotten fails as `expired` under its name.
 */
export async function answerInChunks(
  asks: readonly NeedsEncoding[],
  choices: readonly EncodingChoice[],
  send: (choices: EncodingChoice[]) => Promise<Result<ImportReport>>,
): Promise<ReportLine[]> {
  const names = new Map(asks.map((a) => [a.token, a.name]));
  const lines: ReportLine[] = [];
  for (let at = 0; at < choices.length; at += CHOICES_PER_CALL) {
    const chunk = choices.slice(at, at + CHOICES_PER_CALL);
    const result = await send(chunk);
    chunk.forEach((choice, i) => {
      const name = names.get(choice.token) ?? '';
      const outcome = result.ok ? result.value.outcomes[i] : undefined;
      if (choice.encoding === null) lines.push({ status: 'skipped', name });
      else if (!result.ok) lines.push({ status: 'failed', name, error: result.error });
      // Main asks again only if a file changed under it, which it cannot here: count it as failed.
      else if (!outcome || outcome.status === 'needsEncoding')
        lines.push({ status: 'failed', name, error: { code: 'internal', detail: 'no answer for this file' } });
      else lines.push(outcome.name ? outcome : { ...outcome, name });
    });
  }
  return lines;
}

/**
 * At most this many files, and this many bytes, go to main in one importFiles call: a drop of a
 * thousand files becomes many small messages (never one holding hundreds of megabytes, never over
 * the contract's cap of 500 files), read from disk one chunk at a time.
 */
export const IMPORT_CHUNK_FILES = 20;
export const IMPORT_CHUNK_BYTES = 8 * 1024 * 1024;

/** Consecutive chunks within both limits; a file larger than the byte limit travels alone. */
export function importChunks<T extends { size: number }>(
  files: readonly T[],
  maxFiles = IMPORT_CHUNK_FILES,
  maxBytes = IMPORT_CHUNK_BYTES,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + file.size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const PAGE = /\.(html?|xhtml|shtml|md|markdown)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|bmp)$/i;

/**
 * Files that must reach main in the same call: a saved page and its images (`page_files/…`, or
 * every image when the batch holds one page only). Everything else goes alone. Order is kept.
 */
export function importUnits(files: readonly PathedFile[]): PathedFile[][] {
  const pages = files.filter((f) => PAGE.test(f.path));
  const taken = new Set<PathedFile>();
  const units = new Map<PathedFile, PathedFile[]>();
  for (const page of pages) {
    const stem = page.path.replace(PAGE, '');
    const assets = files.filter(
      (f) =>
        !taken.has(f) &&
        !PAGE.test(f.path) &&
        (f.path.startsWith(`${stem}_files/`) ||
          f.path.startsWith(`${stem}.files/`) ||
          f.path.startsWith(`${stem}-files/`) ||
          (pages.length === 1 && IMAGE.test(f.path))),
    );
    for (const a of assets) taken.add(a);
    units.set(page, [page, ...assets]);
  }
  return files.flatMap((f) => (units.has(f) ? [units.get(f)!] : taken.has(f) ? [] : [[f]]));
}

/** A picked or dropped file with the path the page refers to it by (folders of a drop, webkitdirectory). */
export const pathed = (file: File | PathedFile): PathedFile =>
  file instanceof File ? { file, path: file.webkitRelativePath || file.name } : file;

/** Where an import of many files stands: `done` of `total`, and the file being read now. */
export type ChunkProgress = (done: number, total: number, name: string) => void;

/**
 * Imports files through `send` (the importFiles call) chunk by chunk, in order. Oversized files are
 * refused without reading them; a call that fails fails only its own chunk's files. Once
 * `cancelled` says so, no further chunk is read or sent: its files are reported cancelled.
 */
export async function importInChunks(
  given: readonly (File | PathedFile)[],
  send: (payload: ImportFile[]) => Promise<Result<ImportReport>>,
  onProgress: ChunkProgress = () => {},
  cancelled: () => boolean = () => false,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const accepted: PathedFile[] = [];
  for (const item of given.map(pathed)) {
    const { file } = item;
    if (file.size > MAX_IMPORT_BYTES) {
      outcomes.push({
        status: 'failed',
        name: file.name,
        error: {
          code: 'too_large',
          params: { name: file.name },
          detail: `${file.name}: ${Math.round(file.size / 1048576)} MB`,
        },
      });
    } else {
      accepted.push(item);
    }
  }
  let done = 0;
  const units = importUnits(accepted).map((files) => ({ files, size: files.reduce((n, f) => n + f.file.size, 0) }));
  for (const chunk of importChunks(units).map((c) => c.flatMap((u) => u.files))) {
    if (cancelled()) {
      outcomes.push(...chunk.map(({ path }) => ({ status: 'cancelled' as const, name: path })));
      continue;
    }
    onProgress(done, accepted.length, chunk[0]?.file.name ?? '');
    const payload: ImportFile[] = [];
    for (const { file, path } of chunk) payload.push({ name: path, bytes: new Uint8Array(await file.arrayBuffer()) });
    const result = await send(payload);
    if (result.ok) outcomes.push(...result.value.outcomes);
    else outcomes.push(...payload.map((f) => ({ status: 'failed' as const, name: f.name, error: result.error })));
    done += chunk.length;
  }
  onProgress(done, accepted.length, '');
  return outcomes;
}

/**
 * Runs imports from any entry point (file input, drop, native dialog, paste), follows their
 * progress events, gathers every file whose encoding is uncertain for one dialog, and keeps the
 * report.
 */
export function useImport() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ReportLine[]>([]);
  const [asks, setAsks] = useState<NeedsEncoding[]>([]);
  const [busy, setBusy] = useState(false);
  // While files go to main in chunks, main's progress counts within one chunk: offset it to the whole.
  const chunked = useRef<{ batchId: string; before: number; total: number } | null>(null);
  // Main's batch running now (what cancelImport stops), and whether the user asked to stop.
  const mainBatch = useRef<string | null>(null);
  const stop = useRef(false);
  const [cancelling, setCancelling] = useState(false);

  useEffect(
    () =>
      api().on('importProgress', (p) => {
        mainBatch.current = p.done < p.total ? p.batchId : null;
        // A notes import has no run() of its own to reset this when it ends.
        if (p.done >= p.total && !chunked.current) setCancelling(false);
        const whole = chunked.current;
        const shown = whole ? { ...p, batchId: whole.batchId, done: whole.before + p.done, total: whole.total } : p;
        setProgress(shown.done < shown.total ? shown : null);
      }),
    [],
  );

  const take = useCallback((outcomes: ImportOutcome[]) => {
    const settled = outcomes.filter((o): o is Exclude<ImportOutcome, NeedsEncoding> => o.status !== 'needsEncoding');
    const asks = outcomes.filter((o): o is NeedsEncoding => o.status === 'needsEncoding');
    setReport((r) => [...r, ...settled]);
    setAsks((q) => [...q, ...asks]);
  }, []);

  const run = useCallback(
    async (work: () => Promise<ImportOutcome[]>) => {
      setBusy(true);
      stop.current = false;
      try {
        take(await work());
      } finally {
        setBusy(false);
        setProgress(null);
        setCancelling(false);
        stop.current = false;
      }
    },
    [take],
  );

  /** Files from the file input or a drop, sent to main a bounded chunk at a time. */
  const importFiles = useCallback(
    (files: readonly (File | PathedFile)[]) =>
      run(async () => {
        const batchId = `drop-${Date.now()}`;
        try {
          return await importInChunks(
            files,
            (payload) => api().importFiles(payload),
            (done, total, name) => {
              chunked.current = { batchId, before: done, total };
              setProgress(done < total ? { batchId, done, total, name } : null);
            },
            () => stop.current,
          );
        } finally {
          chunked.current = null;
        }
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

  /** The dialog's answers go to main as one batch, skips too: main then forgets those files' bytes. */
  const chooseEncodings = useCallback(
    (choices: EncodingChoice[]) => {
      const answered = new Set(choices.map((c) => c.token));
      const asked = asks.filter((a) => answered.has(a.token));
      setAsks((q) => q.filter((a) => !answered.has(a.token)));
      // Shown at once; main's progress events take over as it reads each file.
      setProgress({ batchId: 'encodings', done: 0, total: choices.length, name: asked[0]?.name ?? '' });
      void run(() => answerInChunks(asked, choices, (chunk) => api().chooseEncodings(chunk)));
    },
    [asks, run],
  );

  /**
   * Stops the running import after the file main is storing now (and sends no further chunk);
   * what came in stays. Works for an import of notes too: its progress comes the same way.
   */
  const cancel = useCallback(() => {
    stop.current = true;
    setCancelling(true);
    const batchId = mainBatch.current;
    if (batchId) void api().cancelImport(batchId);
  }, []);

  return {
    busy,
    progress,
    cancelling,
    cancel,
    report,
    clearReport: () => setReport([]),
    /** Every file waiting for an encoding choice, for one dialog. */
    askingEncoding: asks,
    chooseEncodings,
    importFiles,
    importFromDialog,
    importText,
  };
}
