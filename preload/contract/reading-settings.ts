import { z } from 'zod';

/**
 * The reader's typography and page settings (issue 14): remembered with the other settings, applied
 * by the renderer as CSS variables on the reading page.
 */

/** Song/Ming (serif), Hei (sans) or Kai (brush) faces, in the regional form of the text shown. */
export const FONT_FAMILIES = ['song', 'hei', 'kai'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

/** Horizontal lines, or vertical columns from right to left (竖排). */
export const WRITING_MODES = ['horizontal', 'vertical'] as const;
export type WritingMode = (typeof WRITING_MODES)[number];

/** Limits of the numeric settings (line height in multiples of the font size, lengths in em). */
export const READING_LIMITS = {
  lineHeight: { min: 1.2, max: 2.6 },
  lineLength: { min: 16, max: 60 },
  paragraphSpacing: { min: 0, max: 2 },
  indent: { min: 0, max: 4 },
} as const;

export interface ReadingSettings {
  fontFamily: FontFamily;
  /** Line height, a multiple of the font size. */
  lineHeight: number;
  /** The longest line, in em (in vertical writing: the tallest column). */
  lineLength: number;
  /** Space after a paragraph, in em. */
  paragraphSpacing: number;
  /** First-line indent of paragraphs, in em (2 is the Chinese convention). */
  indent: number;
  /** The colours of the custom theme, as #rrggbb. */
  customBackground: string;
  customText: string;
  /** How articles are set unless the reader chose otherwise for one. */
  writingMode: WritingMode;
}

export const DEFAULT_READING_SETTINGS: ReadingSettings = {
  fontFamily: 'song',
  lineHeight: 1.8,
  lineLength: 36,
  paragraphSpacing: 0.9,
  indent: 2,
  customBackground: '#f0f4ec',
  customText: '#1f2a1c',
  writingMode: 'horizontal',
};

const hex = z.string().regex(/^#[0-9a-f]{6}$/i);
const between = (limits: { min: number; max: number }) => z.number().min(limits.min).max(limits.max);

/** The fields of an updateSettings patch that change reading settings (each optional, exact). */
export const readingSettingsPatch = {
  fontFamily: z.enum(FONT_FAMILIES).exactOptional(),
  lineHeight: between(READING_LIMITS.lineHeight).exactOptional(),
  lineLength: between(READING_LIMITS.lineLength).exactOptional(),
  paragraphSpacing: between(READING_LIMITS.paragraphSpacing).exactOptional(),
  indent: between(READING_LIMITS.indent).exactOptional(),
  customBackground: hex.exactOptional(),
  customText: hex.exactOptional(),
  writingMode: z.enum(WRITING_MODES).exactOptional(),
};

/** Find in an article: every occurrence of the query, folded across scripts, in source offsets. */
export interface FindResult {
  /** Source ranges (UTF-16 offsets of the text as written), in order, at most FIND_MAX_HITS. */
  hits: { start: number; end: number }[];
  /** Occurrences in all (more than `hits` holds when the query is very common). */
  total: number;
}

/** The most hits a find returns (all are counted). */
export const FIND_MAX_HITS = 10_000;
/** The longest query find takes. */
export const FIND_MAX_QUERY = 500;
