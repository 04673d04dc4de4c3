import type { ScriptForm } from '../../preload/contract/scripts';
import type { Script } from '../../preload/contract/types';
import { type Dictionary, loadDictionary } from './dictionaries';

/** Counts of characters that only one script uses. */
export interface ScriptEvidence {
  simplified: number;
  traditional: number;
}

/** What a text is written in: its script and, when it is (mostly) Traditional, which forms. */
export interface ScriptDetection {
  script: Script;
  /** Null unless the text leans Traditional. */
  form: ScriptForm | null;
}

/** Regional forms and the standard forms a region replaces. */
interface RegionForms {
  /** Characters only this region writes (為 in Taiwan, 説 in Hong Kong): never OpenCC standard output. */
  own: Set<string>;
  /** OpenCC standard forms this region writes differently (爲, 着 for Taiwan). */
  replaced: Set<string>;
}

const FORMS: readonly ScriptForm[] = ['standard', 'taiwan', 'hongkong'];

/**
 * Classifies text by the characters that exist in only one script: those OpenCC converts
 * Simplified→Traditional but never Traditional→Simplified are Simplified-only, and the reverse.
 * Characters shared by both (人, 中, 干…) say nothing and are ignored. Traditional text is then
 * told apart by form, from OpenCC's regional variant tables: the forms each region writes that
 * OpenCC's standard output never contains, and the standard forms each region replaces.
 */
/** The OpenCC dictionaries detection is derived from. */
export interface DetectorDictionaries {
  st: Dictionary;
  ts: Dictionary;
  stPhrases: Dictionary;
  twVariants: Dictionary;
  hkVariants: Dictionary;
}

interface Tables {
  simplifiedOnly: Set<string>;
  traditionalOnly: Set<string>;
  regions: Record<'taiwan' | 'hongkong', RegionForms>;
}

function buildTables(dicts: DetectorDictionaries): Tables {
  // A character tells only if it can never stay as it is (了 → 了/瞭 can, so it tells nothing).
  const changes = (dict: Dictionary) => new Set([...dict].filter(([k, v]) => !v.includes(k)).map(([k]) => k));
  const sChanging = changes(dicts.st);
  const tChanging = changes(dicts.ts);

  // Everything OpenCC's s2t can write: its characters' and phrases' first choices.
  const standardOutput = new Set<string>();
  for (const dict of [dicts.st, dicts.stPhrases]) {
    for (const values of dict.values()) for (const ch of values[0] ?? '') standardOutput.add(ch);
  }
  const region = (variants: Dictionary): RegionForms => {
    const own = new Set<string>();
    const replaced = new Set<string>();
    for (const [key, values] of variants) {
      const first = values[0];
      if (first === undefined || first === key || [...key].length !== 1) continue;
      replaced.add(key);
      if (!standardOutput.has(first)) own.add(first);
    }
    return { own, replaced };
  };
  return {
    simplifiedOnly: new Set([...sChanging].filter((c) => !tChanging.has(c))),
    traditionalOnly: new Set([...tChanging].filter((c) => !sChanging.has(c))),
    regions: { taiwan: region(dicts.twVariants), hongkong: region(dicts.hkVariants) },
  };
}

export class ScriptDetector {
  private built: Tables | null = null;

  /**
   * @param load - the dictionaries, read on first use: the app only detects when it imports, so
   *   reading them (STPhrases is 49,000 lines) is kept out of start-up.
   */
  constructor(private readonly load: () => DetectorDictionaries) {}

  private get tables(): Tables {
    this.built ??= buildTables(this.load());
    return this.built;
  }

  static fromOpencc(dir?: string): ScriptDetector {
    return new ScriptDetector(() => ({
      st: loadDictionary('STCharacters', dir),
      ts: loadDictionary('TSCharacters', dir),
      stPhrases: loadDictionary('STPhrases', dir),
      twVariants: loadDictionary('TWVariants', dir),
      hkVariants: loadDictionary('HKVariants', dir),
    }));
  }

  evidence(text: string): ScriptEvidence {
    const { simplifiedOnly, traditionalOnly } = this.tables;
    let simplified = 0;
    let traditional = 0;
    for (const ch of text) {
      if (simplifiedOnly.has(ch)) simplified++;
      else if (traditionalOnly.has(ch)) traditional++;
    }
    return { simplified, traditional };
  }

  /** 'mixed' when neither script has at least 90% of the telling characters. */
  detect(text: string): Script {
    return this.classify(text).script;
  }

  /** Script and, for text that leans Traditional, its forms. */
  classify(text: string): ScriptDetection {
    const { simplified, traditional } = this.evidence(text);
    const total = simplified + traditional;
    let script: Script = 'unknown';
    if (total > 0) {
      if (simplified / total >= 0.9) script = 'simplified';
      else if (traditional / total >= 0.9) script = 'traditional';
      else script = 'mixed';
    }
    const leansTraditional = traditional > simplified;
    return { script, form: leansTraditional ? this.form(text) : null };
  }

  /**
   * The forms that contradict the text least: each form is contradicted by characters it would
   * not write (a Taiwan form in a standard text, 爲 in a Taiwan text, 説 in one too). Ties go to
   * the standard forms, then Taiwan: a text with no telling character is plain OpenCC standard.
   */
  form(text: string): ScriptForm {
    const { taiwan, hongkong } = this.tables.regions;
    const conflicts: Record<ScriptForm, number> = { standard: 0, taiwan: 0, hongkong: 0 };
    for (const ch of text) {
      const tw = taiwan.own.has(ch);
      const hk = hongkong.own.has(ch);
      if (tw || hk) conflicts.standard++;
      if (taiwan.replaced.has(ch) || (hk && !tw)) conflicts.taiwan++;
      if (hongkong.replaced.has(ch) || (tw && !hk)) conflicts.hongkong++;
    }
    return FORMS.reduce((best, f) => (conflicts[f] < conflicts[best] ? f : best));
  }
}
