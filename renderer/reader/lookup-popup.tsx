import { useRef, useState } from 'react';
import type { DictionarySense, LookupResult, ReadingSystem } from '../../preload/contract/reading';
import { LOOKUP_MAX_CHARS } from '../../preload/contract/reading';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { TextPiece } from './text-pieces';

/** A lookup to show: the result, where on screen, and the sentence it came from (for the vocabulary). */
export interface Lookup {
  result: LookupResult;
  /** The word as it stands in the text on screen. */
  shown: string;
  sentence: string;
  anchor: { left: number; top: number; bottom: number };
}

const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence of `block` around `offset`, trimmed, at most 200 characters. */
export function sentenceAround(text: string, offset: number): string {
  let from = offset;
  while (from > 0 && offset - from < 150 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = offset;
  while (to < text.length && to - offset < 150 && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && SENTENCE_END.test(text[to]!)) to++;
  return text
    .slice(from, to)
    .replace(/\ufffc/g, '')
    .trim()
    .slice(0, 200);
}

/** Looks up the longest word at `offset` of `block`; null when none starts there (or main failed). */
export async function lookUp(block: TextPiece, offset: number): Promise<Omit<Lookup, 'anchor'> | null> {
  const text = block.text.slice(offset, offset + LOOKUP_MAX_CHARS);
  if (!/\p{Script=Han}/u.test(text[0] ?? '')) return null;
  const r = await api().lookupWord(text);
  if (!r.ok || !r.value) return null;
  return {
    result: r.value,
    shown: text.slice(r.value.start, r.value.end),
    sentence: sentenceAround(block.text, offset),
  };
}

/** The senses worth showing first: the words themselves, then variants; at most six. */
const shownSenses = (senses: readonly DictionarySense[]) => senses.slice(0, 6);

/** What a saved word's reading and meaning are: the first sense's, in the system on screen. */
export function vocabularyOf(lookup: Lookup, system: ReadingSystem) {
  const sense = lookup.result.senses[0]!;
  return {
    word: lookup.shown,
    reading: system === 'zhuyin' ? sense.zhuyin : sense.pinyin,
    meaning: sense.definitions.join('; '),
    sentence: lookup.sentence,
  };
}

/**
 * The dictionary popup: each CC-CEDICT entry with its Simplified and Traditional forms, pinyin,
 * zhuyin and definitions (the Mainland word too, for a Taiwan phrase), and "Save word".
 */
export function LookupPopup({
  lookup,
  onSave,
  onClose,
}: {
  lookup: Lookup;
  onSave(): Promise<boolean>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const { anchor, result } = lookup;
  const below = anchor.bottom + 8;
  const style: React.CSSProperties = {
    left: Math.max(8, Math.min(anchor.left, window.innerWidth - 380)),
    ...(below + 260 < window.innerHeight ? { top: below } : { bottom: window.innerHeight - anchor.top + 8 }),
  };
  const entries = (senses: readonly DictionarySense[]) =>
    shownSenses(senses).map((s, i) => (
      <li key={i} className="lookup-sense">
        <div className="lookup-forms">
          <span lang="zh-Hans" className="lookup-word">
            {s.simplified}
          </span>
          {s.traditional !== s.simplified && (
            <span lang="zh-Hant" className="lookup-word">
              {s.traditional}
            </span>
          )}
          <span className="lookup-pinyin" data-testid="lookup-pinyin">
            {s.pinyin}
          </span>
          <span className="lookup-zhuyin" lang="zh-Hant-TW">
            {s.zhuyin}
          </span>
        </div>
        <ol className="lookup-definitions" lang="en">
          {s.definitions.map((d, k) => (
            <li key={k}>{d}</li>
          ))}
        </ol>
      </li>
    ));
  return (
    <div
      ref={ref}
      className="lookup-popup"
      role="dialog"
      aria-label={t('lookup.title', { word: lookup.shown })}
      data-testid="lookup-popup"
      style={style}
      onMouseDown={(e) => e.stopPropagation()}
    >
      <ul className="lookup-senses">{entries(result.senses)}</ul>
      {result.mainland && (
        <>
          <p className="muted lookup-mainland">{t('lookup.mainland')}</p>
          <ul className="lookup-senses">{entries(result.mainland.senses)}</ul>
        </>
      )}
      <div className="lookup-actions">
        <button
          type="button"
          className="button primary"
          disabled={saved}
          onClick={() => void onSave().then(setSaved)}
          data-testid="lookup-save"
        >
          {saved ? t('lookup.saved') : t('lookup.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('lookup.close')}
        </button>
      </div>
      <p className="muted lookup-source">{t('lookup.source')}</p>
    </div>
  );
}
