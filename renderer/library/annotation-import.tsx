import { useRef } from 'react';
import type { AnnotationImportReport } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { HiddenFileInput } from '../ui/file-input';
import { errorMessage } from '../ui/error-banner';

/** Import of annotations from our JSON: a file input, and a report in words. */
export function useAnnotationImport(onDone: (message: string) => void, onError: (message: string) => void) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const describe = (r: AnnotationImportReport) =>
    [
      t('importNotes.report', {
        total: r.total,
        matched: r.matched,
        orphaned: r.orphaned,
        noArticle: r.noArticle,
        alreadyThere: r.alreadyThere,
      }),
      ...(r.cancelled ? [t('importNotes.cancelled', { count: r.cancelled })] : []),
      ...(r.corrections !== undefined ? [t('importNotes.corrections', { count: r.corrections })] : []),
    ].join(' ');
  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await api().importAnnotations({ file: { name: file.name, bytes } });
    if (result.ok) onDone(describe(result.value));
    else onError(errorMessage(t, result.error));
  };
  const element = (
    <HiddenFileInput
      inputRef={input}
      accept=".json,application/json,application/ld+json"
      label={t('importNotes.button')}
      testId="annotation-import-input"
      onFiles={([file]) => {
        if (file) void onFile(file);
      }}
    />
  );
  return { open: () => input.current?.click(), element };
}
