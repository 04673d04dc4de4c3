import { useEffect, useMemo, useState } from 'react';
import { Alignment, type Range } from '../../preload/contract/alignment';
import {
  type ChainKey,
  chainsOffered,
  type CorrectionDraft,
  type CorrectionPreview,
  type CorrectionScope,
  MAX_CORRECTION_SOURCE,
  MAX_CORRECTION_TARGET,
} from '../../preload/contract/corrections';
import { sourceKind } from '../../preload/contract/scripts';
import type { Article, ConvertedText } from '../../preload/contract/types';
import { api, CallError, unwrap } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from '../ui/dialog';
import { errorMessage } from '../ui/error-banner';

/** What the reader selected to correct: the phrase as written and as the conversion shows it now. */
export interface CorrectionSubject {
  articleId: number;
  source: string;
  shown: string;
  /** The chain on screen (the one checked at first). */
  chain: ChainKey;
  offered: { script: ConvertedText['script']; chain: ChainKey }[];
}

/**
 * The phrase under a selection (source offsets), or null when it cannot be corrected: nothing is
 * converted on screen, or the selection is empty, crosses a paragraph or is too long.
 */
export function correctionSubject(article: Article, shown: ConvertedText, range: Range): CorrectionSubject | null {
  if (shown.chain.length === 0) return null;
  const sourceText = article.blocks.map((b) => b.text).join('\n');
  const source = sourceText.slice(range.start, range.end);
  if (source.trim() !== source || source.length === 0 || source.includes('\n')) return null;
  if (source.length > MAX_CORRECTION_SOURCE) return null;
  const target = Alignment.fromJSON(shown.alignment).rangeToTarget(range);
  const shownText = shown.blocks
    .map((b) => b.text)
    .join('\n')
    .slice(target.start, target.end);
  return {
    articleId: article.id,
    source,
    shown: shownText,
    chain: shown.chain.join('+'),
    offered: chainsOffered(sourceKind(article.scriptForm)),
  };
}

/**
 * Correcting a conversion: the right form of the selected phrase, where it applies (this article
 * or every article) and in which conversions; a preview of every sentence it changes (and, for
 * every article, how many articles) comes before saving, and saving waits for it.
 */
export function CorrectionDialog({
  subject,
  onClose,
  onSaved,
}: {
  subject: CorrectionSubject;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState(subject.shown);
  const [scope, setScope] = useState<CorrectionScope>('article');
  const [chains, setChains] = useState<ChainKey[]>([subject.chain]);
  const [preview, setPreview] = useState<{ key: string; value: CorrectionPreview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const trimmed = target.trim();
  const draft: CorrectionDraft | null = useMemo(
    () =>
      trimmed.length > 0 && chains.length > 0
        ? { articleId: subject.articleId, source: subject.source, target: trimmed, chains, scope }
        : null,
    [trimmed, chains, scope, subject],
  );
  const key = draft ? JSON.stringify(draft) : '';

  // The preview follows the draft, a moment after the last change (it converts in main's worker).
  useEffect(() => {
    if (!draft) return;
    let live = true;
    const timer = setTimeout(() => {
      void api()
        .previewCorrection(draft)
        .then((r) => {
          if (!live) return;
          if (r.ok) {
            setPreview({ key: JSON.stringify(draft), value: r.value });
            setError(null);
          } else setError(errorMessage(t, r.error));
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, t]);

  const ready = preview !== null && preview.key === key;
  const save = async () => {
    if (!draft || !ready) return;
    setBusy(true);
    try {
      unwrap(await api().addCorrection(draft));
      onSaved();
    } catch (e) {
      setError(errorMessage(t, e instanceof CallError ? e.error : { code: 'internal', detail: String(e) }));
      setBusy(false);
    }
  };
  const toggle = (chain: ChainKey) =>
    setChains((now) => (now.includes(chain) ? now.filter((c) => c !== chain) : [...now, chain]));

  return (
    <Dialog
      title={t('correct.title')}
      onClose={onClose}
      testId="correction-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('paste.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!ready || busy}
            onClick={() => void save()}
            data-testid="correction-save"
          >
            {t('correct.save')}
          </button>
        </>
      }
    >
      <p className="correction-phrase">
        <span className="muted">{t('correct.original')}</span> <span lang="zh">{subject.source}</span>
        {'  '}
        <span className="muted">{t('correct.now')}</span> <span lang="zh">{subject.shown}</span>
      </p>
      <label className="field">
        <span>{t('correct.shouldRead')}</span>
        <input
          type="text"
          value={target}
          maxLength={MAX_CORRECTION_TARGET}
          autoFocus
          onChange={(e) => setTarget(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
          }}
          data-testid="correction-target"
        />
      </label>
      <fieldset className="field">
        <legend>{t('correct.scope')}</legend>
        {(['article', 'everywhere'] as const).map((s) => (
          <label key={s} className="radio">
            <input type="radio" name="correction-scope" checked={scope === s} onChange={() => setScope(s)} />
            {t(`correct.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('correct.chains')}</legend>
        {subject.offered.map(({ script, chain }) => (
          <label key={chain} className="radio">
            <input type="checkbox" checked={chains.includes(chain)} onChange={() => toggle(chain)} />
            {t(`display.${script}.long`)} <span className="muted">({chain})</span>
          </label>
        ))}
      </fieldset>
      <section className="correction-preview" aria-live="polite" data-testid="correction-preview">
        <h3>{t('correct.preview')}</h3>
        {!ready && draft && <p className="muted">{t('correct.previewing')}</p>}
        {ready && preview && (
          <>
            <p data-testid="correction-count">
              {t('correct.changed', { changed: preview.value.changed, total: preview.value.sentences.length })}
              {preview.value.libraryArticles !== null &&
                ` ${t('correct.library', { count: preview.value.libraryArticles })}`}
            </p>
            <ol className="correction-sentences">
              {preview.value.sentences.map((s, i) => (
                <li key={i} data-changed={s.before !== s.after}>
                  <span className="correction-before">{s.before}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">{t('correct.becomes')}</span>
                  <span className="correction-after">{s.after}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
