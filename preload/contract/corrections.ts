import { z } from 'zod';
import { conversionPlan, type DisplayScript, isConversionVariant, offeredScripts, type SourceKind } from './scripts';

/**
 * Conversion corrections (issue 15): a phrase of an article's source text and what it must read
 * as after a conversion, where OpenCC gets it wrong (历史进程 → 歷史程序 in s2twp; 腾讯云云开发 →
 * 騰訊云云開發 in s2t). A correction joins the conversion engine's segmentation and replaces what
 * its segment converts to, so highlights stay on their words.
 */

/** Longest source phrase a correction may have (UTF-16 units), and longest replacement. */
export const MAX_CORRECTION_SOURCE = 200;
export const MAX_CORRECTION_TARGET = 400;

/**
 * A conversion chain as one string: its OpenCC configurations joined by '+' ("s2twp",
 * "hk2t+t2tw"), as the conversion cache names chains.
 */
export type ChainKey = string;

export function isChainKey(value: string): boolean {
  return value.length > 0 && value.split('+').every(isConversionVariant);
}

/** The conversions an article of this kind can be shown in: each script with its chain. */
export function chainsOffered(kind: SourceKind): { script: DisplayScript; chain: ChainKey }[] {
  return offeredScripts(kind).flatMap((script) => {
    const plan = script === 'original' ? null : conversionPlan(kind, script);
    return plan && plan.length > 0 ? [{ script, chain: plan.join('+') }] : [];
  });
}

/** Where a correction applies: in one article, or in every article. */
export type CorrectionScope = 'article' | 'everywhere';

export interface Correction {
  id: number;
  /** The phrase as the article's text has it (the source script). */
  source: string;
  /** What it becomes. */
  target: string;
  /** The conversion chains it applies to. */
  chains: ChainKey[];
  /** The article it applies to; null: every article. */
  articleId: number | null;
  /** That article's title, for listing (null when everywhere). */
  articleTitle: string | null;
  /** The built-in fix it comes from, or null for one of the reader's own. */
  preset: string | null;
  createdAt: string;
}

/** A well-known fix shipped with the app (off by default), with the OpenCC issue it comes from. */
export interface CorrectionPreset {
  id: string;
  source: string;
  target: string;
  chains: ChainKey[];
  /** The OpenCC issue reporting it. */
  issue: string;
}

/** The corrections, and the built-in set with whether it is on. */
export interface CorrectionList {
  corrections: Correction[];
  presets: CorrectionPreset[];
  presetsEnabled: boolean;
}

/** One sentence an intended correction changes: as it converts now and as it would. */
export interface CorrectionChange {
  before: string;
  after: string;
}

/** What a correction would change, shown before it is saved. */
export interface CorrectionPreview {
  /** The chain the article's sentences were converted with. */
  chain: ChainKey;
  /** Sentences of the article containing the phrase, as converted now and with the correction. */
  sentences: CorrectionChange[];
  /** How many of them the correction changes. */
  changed: number;
  /** For a correction everywhere: how many articles of the library it changes (this one included). */
  libraryArticles: number | null;
}

const phrase = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !/[\n\r]/.test(s), 'one line')
    .refine((s) => s.trim() === s, 'no surrounding spaces');

/** A correction as the reader draws it up (from a selection in an article). */
export const correctionDraft = z
  .object({
    articleId: z.number().int().positive(),
    source: phrase(MAX_CORRECTION_SOURCE),
    target: phrase(MAX_CORRECTION_TARGET),
    chains: z.array(z.string().max(40).refine(isChainKey, 'a conversion chain')).min(1).max(16),
    scope: z.enum(['article', 'everywhere']),
  })
  .strict();
export type CorrectionDraft = z.infer<typeof correctionDraft>;

/** Argument schemas of the corrections calls (merged into schemas.ts's argSchemas). */
export const correctionSchemas = {
  getCorrections: z.tuple([]),
  previewCorrection: z.tuple([correctionDraft]),
  addCorrection: z.tuple([correctionDraft]),
  deleteCorrection: z.tuple([z.number().int().positive()]),
  setPresetCorrections: z.tuple([z.boolean()]),
};

/** What the corrections calls return. */
export interface CorrectionResults {
  getCorrections: CorrectionList;
  previewCorrection: CorrectionPreview;
  addCorrection: Correction;
  /** Returns what was deleted. */
  deleteCorrection: Correction;
  setPresetCorrections: CorrectionList;
}
