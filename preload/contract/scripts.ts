/**
 * Scripts and conversions, shared by main (which converts) and the renderer (which offers the
 * choices). Pure data and functions: nothing environment-specific.
 */

/**
 * OpenCC's configurations for Chinese, named as OpenCC names them: s = Simplified, t = Traditional
 * in OpenCC's standard forms (爲, 着), tw = Taiwan forms (為, 著), hk = Hong Kong forms; a trailing
 * p also converts regional phrases (软件 → 軟體, 程序 → 程式).
 */
export const CONVERSION_VARIANTS = [
  's2t',
  't2s',
  's2tw',
  'tw2s',
  's2twp',
  'tw2sp',
  's2hk',
  'hk2s',
  's2hkp',
  'hk2sp',
  't2tw',
  'tw2t',
  't2hk',
  'hk2t',
] as const;
export type ConversionVariant = (typeof CONVERSION_VARIANTS)[number];

export function isConversionVariant(value: string): value is ConversionVariant {
  return (CONVERSION_VARIANTS as readonly string[]).includes(value);
}

/** Which Traditional forms a Traditional text uses: OpenCC's standard (爲), Taiwan's (為) or Hong Kong's (説). */
export type ScriptForm = 'standard' | 'taiwan' | 'hongkong';

/**
 * What the reader can show an article in: as written, or converted to one of these scripts.
 * `taiwanPhrases` also uses Taiwan's words (軟體 for 软件); it is offered for Simplified texts.
 */
export const DISPLAY_SCRIPTS = [
  'original',
  'simplified',
  'traditional',
  'taiwan',
  'taiwanPhrases',
  'hongkong',
] as const;
export type DisplayScript = (typeof DISPLAY_SCRIPTS)[number];
export type TargetScript = Exclude<DisplayScript, 'original'>;

/** How a text is written, as far as conversion cares. */
export type SourceKind = 's' | 't' | 'tw' | 'hk';

/**
 * The kind of source an article is. `form` is set for texts that are (mostly) Traditional and
 * null for the rest, so mixed text goes by its majority script.
 */
export function sourceKind(form: ScriptForm | null): SourceKind {
  if (form === null) return 's';
  return form === 'taiwan' ? 'tw' : form === 'hongkong' ? 'hk' : 't';
}

/**
 * The OpenCC configurations that turn a source of this kind into the target script, in order;
 * an empty chain means the source already is in that script; null means it is not offered.
 */
const PLANS: Record<SourceKind, Record<TargetScript, readonly ConversionVariant[] | null>> = {
  s: { simplified: [], traditional: ['s2t'], taiwan: ['s2tw'], taiwanPhrases: ['s2twp'], hongkong: ['s2hk'] },
  t: { simplified: ['t2s'], traditional: [], taiwan: ['t2tw'], taiwanPhrases: null, hongkong: ['t2hk'] },
  tw: { simplified: ['tw2s'], traditional: ['tw2t'], taiwan: [], taiwanPhrases: null, hongkong: ['tw2t', 't2hk'] },
  hk: { simplified: ['hk2s'], traditional: ['hk2t'], taiwan: ['hk2t', 't2tw'], taiwanPhrases: null, hongkong: [] },
};

export function conversionPlan(kind: SourceKind, target: TargetScript): readonly ConversionVariant[] | null {
  return PLANS[kind][target];
}

/** The scripts the reader offers for a source: the original, then every target that changes it. */
export function offeredScripts(kind: SourceKind): DisplayScript[] {
  const targets = DISPLAY_SCRIPTS.filter(
    (d): d is TargetScript => d !== 'original' && (conversionPlan(kind, d)?.length ?? 0) > 0,
  );
  return ['original', ...targets];
}

/**
 * What an article is shown in: the reader's choice for it, else the default from settings, as
 * long as it is offered for this source (a Simplified default on a Simplified text is the original;
 * a Taiwan-phrases default on a Traditional text is Taiwan's forms).
 */
export function effectiveScript(
  kind: SourceKind,
  chosen: DisplayScript | null,
  fallback: DisplayScript,
): DisplayScript {
  const offered = offeredScripts(kind);
  const wanted = chosen ?? fallback;
  if (offered.includes(wanted)) return wanted;
  // The default "Traditional with Taiwan phrases" on a Traditional text: no phrases to change, but
  // Taiwan's forms still apply (裏 → 裡, 着 → 著), as a reader who chose that default expects.
  if (chosen === null && fallback === 'taiwanPhrases' && offered.includes('taiwan')) return 'taiwan';
  return 'original';
}
