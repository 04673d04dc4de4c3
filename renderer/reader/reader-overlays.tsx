import { forDisplay } from '../../preload/contract/display';
import type { HighlightColor } from '../../preload/contract/types';
import type { AnnotationStore } from '../annotations/annotation-store';
import { HighlightTools, SelectionTools } from '../annotations/popovers';
import type { useAnnotationView } from '../annotations/use-annotation-view';
import { useI18n } from '../i18n';
import { Notice } from '../ui/notice';
import { OriginalTooltip } from './word-changes';

/**
 * What floats over the text: the link under the caret, the original of converted words under the
 * pointer, the popover of a selection or of a highlight, and the undo of a delete.
 */
export function ReaderOverlays({
  shownLink,
  original,
  originalLang,
  ann,
  store,
  deleted,
  highlight,
  editNote,
  closeTools,
  onCorrect,
}: {
  shownLink: string | null;
  original: Parameters<typeof OriginalTooltip>[0]['original'] | null;
  originalLang: string | undefined;
  ann: ReturnType<typeof useAnnotationView>;
  store: AnnotationStore;
  deleted: boolean;
  highlight(color: HighlightColor | null, withNote?: boolean): void;
  editNote(id: string): void;
  closeTools(): void;
  /** Corrects how the selected phrase converts (only over converted text). */
  onCorrect: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const active = ann.activeHighlight;
  return (
    <>
      {shownLink && (
        <div className="link-status" role="status" data-testid="link-status">
          <span className="link-url">{forDisplay(shownLink)}</span>
          <span className="muted">{t('link.open')}</span>
        </div>
      )}
      {original && <OriginalTooltip original={original} lang={originalLang} />}
      {ann.selection && (
        <SelectionTools
          anchor={ann.selection.anchor}
          onHighlight={(color) => highlight(color)}
          onNote={() => highlight(null, true)}
          onCorrect={onCorrect}
        />
      )}
      {ann.active && active && (
        <HighlightTools
          highlight={active}
          anchor={ann.active.anchor}
          onColor={(color) => void store.recolor(active.id, color)}
          onNote={() => editNote(active.id)}
          onCopy={() => ann.copy(active.id)}
          onDelete={() => {
            ann.setActive(null);
            void store.remove(active.id);
          }}
          onClose={closeTools}
        />
      )}
      {deleted && (
        <Notice
          message={t('hl.deleted')}
          testId="undo-notice"
          onClose={() => undefined}
          action={{ label: t('delete.undo'), run: () => void store.undo() }}
        />
      )}
    </>
  );
}
