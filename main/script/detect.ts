import type { Script } from '../../preload/contract/types';
import { loadDictionary } from './dictionaries';

/** Counts of characters that only one script uses. */
export interface ScriptEvidence {
  simplified: number;
  traditional: number;
}

/**
 * Classifies text by the characters that exist in only one script: those OpenCC converts
 * Simplified→Traditional but never Traditional→Simplified are Simplified-only, and the reverse.
 * Characters shared by both (人, 中, 干…) say nothing and are ignored.
 */
export class ScriptDetector {
  private readonly simplifiedOnly: Set<string>;
  private readonly traditionalOnly: Set<string>;

  constructor(st: Map<string, string[]>, ts: Map<string, string[]>) {
    // A character tells only if it can never stay as it is (了 → 了/瞭 can, so it tells nothing).
    const changes = (dict: Map<string, string[]>) =>
      new Set([...dict].filter(([k, v]) => !v.includes(k)).map(([k]) => k));
    const sChanging = changes(st);
    const tChanging = changes(ts);
    this.simplifiedOnly = new Set([...sChanging].filter((c) => !tChanging.has(c)));
    this.traditionalOnly = new Set([...tChanging].filter((c) => !sChanging.has(c)));
  }

  static fromOpencc(dir?: string): ScriptDetector {
    return new ScriptDetector(loadDictionary('STCharacters', dir), loadDictionary('TSCharacters', dir));
  }

  evidence(text: string): ScriptEvidence {
    let simplified = 0;
    let traditional = 0;
    for (const ch of text) {
      if (this.simplifiedOnly.has(ch)) simplified++;
      else if (this.traditionalOnly.has(ch)) traditional++;
    }
    return { simplified, traditional };
  }

  /** 'mixed' when neither script has at least 90% of the telling characters. */
  detect(text: string): Script {
    const { simplified, traditional } = this.evidence(text);
    const total = simplified + traditional;
    if (total === 0) return 'unknown';
    if (simplified / total >= 0.9) return 'simplified';
    if (traditional / total >= 0.9) return 'traditional';
    return 'mixed';
  }
}
