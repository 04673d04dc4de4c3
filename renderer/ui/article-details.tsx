import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError, ArticleMetaPatch, ArticleSummary } from '../../preload/contract/types';
import { MAX_META_CHARS, MAX_TITLE_CHARS } from '../../preload/contract/types';
import { api } from '../api';
import { useI18n } from '../i18n';
import { Dialog } from './dialog';
import { errorMessage } from './error-banner';

/** What the dialog edits, as the form holds it: text, '' for nothing. */
interface Fields {
  title: string;
  author: string;
  source: string;
  sourceUrl: string;
  publishedAt: string;
}

const fieldsOf = (a: ArticleSummary): Fields => ({
  title: a.title,
  author: a.author ?? '',
  source: a.source ?? '',
  sourceUrl: a.sourceUrl ?? '',
  publishedAt: a.publishedAt ?? '',
});

/**
 * The fields that changed, as a patch: blank text clears a field (null). An empty patch means
 * there is nothing to save.
 */
export function metaPatch(before: ArticleSummary, fields: Fields): ArticleMetaPatch {
  const patch: ArticleMetaPatch = {};
  const title = fields.title.trim();
  if (title !== before.title) patch.title = title;
  for (const key of ['author', 'source', 'sourceUrl', 'publishedAt'] as const) {
    const value = fields[key].trim() || null;
    if (value !== before[key]) patch[key] = value;
  }
  return patch;
}

interface Props {
  article: ArticleSummary;
  onClose(): void;
  onSaved(article: ArticleSummary): void;
}

/** "Edit details…": an article's title, author, source, address and published date. Esc cancels. */
export function ArticleDetailsDialog({ article, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState<Fields>(() => fieldsOf(article));
  const [error, setError] = useState<AppError | null>(null);
  const [titleMissing, setTitleMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [key]: e.target.value }));
    setError(null);
    if (key === 'title') setTitleMissing(false);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    // Spaces pass `required`; a title of spaces is no title.
    if (fields.title.trim() === '') {
      setTitleMissing(true);
      titleInput.current?.focus();
      return;
    }
    const patch = metaPatch(article, fields);
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    const result = await api().updateArticleMeta(article.id, patch);
    setSaving(false);
    if (!result.ok) return setError(result.error);
    onSaved(result.value);
  };

  const formId = `article-details-${article.id}`;
  return (
    <Dialog
      title={t('details.title')}
      onClose={onClose}
      testId="details-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('details.cancel')}
          </button>
          <button type="submit" form={formId} className="button primary" disabled={saving}>
            {t('details.save')}
          </button>
        </>
      }
    >
      <form id={formId} className="details-form" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t('details.titleLabel')}</span>
          <input
            type="text"
            value={fields.title}
            onChange={set('title')}
            required
            ref={titleInput}
            aria-invalid={titleMissing}
            aria-describedby={titleMissing ? `${formId}-title-missing` : undefined}
            maxLength={MAX_TITLE_CHARS}
            autoFocus
            lang="zh"
          />
        </label>
        <label className="field">
          <span>{t('details.author')}</span>
          <input
            type="text"
            value={fields.author}
            onChange={set('author')}
            maxLength={MAX_META_CHARS.author}
            lang="zh"
          />
        </label>
        <label className="field">
          <span>{t('details.source')}</span>
          <input
            type="text"
            value={fields.source}
            onChange={set('source')}
            maxLength={MAX_META_CHARS.source}
            lang="zh"
          />
        </label>
        <label className="field">
          <span>{t('details.sourceUrl')}</span>
          <input
            type="url"
            value={fields.sourceUrl}
            onChange={set('sourceUrl')}
            maxLength={MAX_META_CHARS.sourceUrl}
            placeholder="https://"
            dir="ltr"
          />
        </label>
        <label className="field">
          <span>{t('details.publishedAt')}</span>
          <input
            type="date"
            value={fields.publishedAt}
            onChange={set('publishedAt')}
            min="0001-01-01"
            max="9999-12-31"
          />
        </label>
        {titleMissing && (
          <p role="alert" className="error-text" id={`${formId}-title-missing`}>
            {t('details.titleRequired')}
          </p>
        )}
        {error && (
          <p role="alert" className="error-text">
            {errorMessage(t, error)}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/**
 * The details dialog as a hook, for any place that opens it (a library row, the reader's
 * toolbar): `open` shows it for an article; `element` goes in the tree; `merge` lays what was
 * saved over an article loaded before the edit. Focus goes back to what opened it.
 */
export function useArticleDetails() {
  const [editing, setEditing] = useState<ArticleSummary | null>(null);
  const [saved, setSaved] = useState<ArticleSummary | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const open = useCallback((article: ArticleSummary) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing(article);
  }, []);

  // Once the dialog is gone (and the page no longer inert), the opener gets focus back.
  useEffect(() => {
    if (editing || !opener.current) return;
    if (opener.current.isConnected) opener.current.focus();
    opener.current = null;
  }, [editing]);

  const merge = useCallback(
    <T extends ArticleSummary>(article: T | null): T | null =>
      article && saved?.id === article.id ? { ...article, ...saved } : article,
    [saved],
  );

  const element = editing && (
    <ArticleDetailsDialog
      key={editing.id}
      article={editing}
      onClose={() => setEditing(null)}
      onSaved={(article) => {
        setSaved(article);
        setEditing(null);
      }}
    />
  );
  return { open, element, merge };
}
