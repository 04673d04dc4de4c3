import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * OpenCC configuration files (data/config/*.json), reduced to what the engine runs: an optional
 * normalization chain, an optional maximum-match segmentation dictionary and the conversion chain.
 * Mirrors Config.cpp: dictionaries flagged `may_output_tofu` are dropped unless included (the
 * library's default includes them; only its command-line tool leaves them out), groups left empty
 * disappear, and segmentation always keeps them.
 */

/** A dictionary reference as configs write it. */
export type DictSpec =
  | { type: 'file'; name: string }
  | { type: 'inline'; entries: Record<string, string> }
  | { type: 'group'; policy: 'short_circuit' | 'union'; dicts: DictSpec[] };

/** A configuration after tofu filtering. */
export interface PipelineSpec {
  name: string;
  normalization: DictSpec[];
  segmentation: DictSpec | null;
  chain: DictSpec[];
}

export interface ConfigOptions {
  /** Keep dictionaries flagged `may_output_tofu` (OpenCC's library default: true). */
  includeTofuRiskDictionaries?: boolean;
}

interface RawDict {
  type?: unknown;
  file?: unknown;
  entries?: unknown;
  dicts?: unknown;
  match_policy?: unknown;
  may_output_tofu?: unknown;
}

function parseDict(raw: RawDict, includeTofu: boolean): DictSpec | null {
  if (raw.type === 'inline') {
    return { type: 'inline', entries: raw.entries as Record<string, string> };
  }
  if (raw.may_output_tofu === true && !includeTofu) return null;
  if (raw.type === 'group') {
    const dicts = (raw.dicts as RawDict[])
      .map((d) => parseDict(d, includeTofu))
      .filter((d): d is DictSpec => d !== null);
    if (dicts.length === 0) return null;
    const policy = raw.match_policy === 'union' ? 'union' : 'short_circuit';
    return { type: 'group', policy, dicts };
  }
  if (raw.type === 'ocd2' || raw.type === 'ocd' || raw.type === 'text') {
    // Every binary dictionary is compiled from the text one of the same base name.
    const file = String(raw.file);
    return { type: 'file', name: file.replace(/\.(ocd2|ocd|txt)$/, '') };
  }
  throw new Error(`Unknown dictionary type: ${String(raw.type)}`);
}

function parseChain(steps: unknown, includeTofu: boolean): DictSpec[] {
  if (!Array.isArray(steps)) return [];
  return (steps as Array<{ dict: RawDict }>)
    .map((step) => parseDict(step.dict, includeTofu))
    .filter((d): d is DictSpec => d !== null);
}

/** Parses one config's JSON text. */
export function parseConfig(json: string, options: ConfigOptions = {}): PipelineSpec {
  const includeTofu = options.includeTofuRiskDictionaries !== false;
  const doc = JSON.parse(json) as {
    name?: string;
    normalization?: unknown;
    segmentation?: { type: string; dict: RawDict };
    conversion_chain?: unknown;
  };
  let segmentation: DictSpec | null = null;
  if (doc.segmentation) {
    if (doc.segmentation.type !== 'mmseg') {
      throw new Error(`Unsupported segmentation: ${doc.segmentation.type}`);
    }
    // Config.cpp parses the segmentation dictionary with tofu-risk dictionaries always included.
    segmentation = parseDict(doc.segmentation.dict, true);
  }
  return {
    name: doc.name ?? '',
    normalization: parseChain(doc.normalization, includeTofu),
    segmentation,
    chain: parseChain(doc.conversion_chain, includeTofu),
  };
}

/** Reads `<dataDir>/config/<name>.json`. */
export function readConfig(dataDir: string, name: string, options: ConfigOptions = {}): PipelineSpec {
  return parseConfig(readFileSync(join(dataDir, 'config', `${name}.json`), 'utf8'), options);
}

/** A dictionary that is a leaf of a group tree: a file or an inline table. */
export type LeafSpec = Exclude<DictSpec, { type: 'group' }>;

/**
 * Flattens a group tree into priority tiers: the match at a position comes from the first tier
 * with any prefix match, and within a tier the longest key wins (earlier dictionaries win ties).
 * That is exactly short_circuit over union groups: short_circuit nests by concatenation and union
 * nests by merging (PrefixMatch.cpp flattens pure unions the same way). A union containing a
 * short_circuit group has no such form; no OpenCC config uses one.
 */
export function toTiers(spec: DictSpec): LeafSpec[][] {
  if (spec.type !== 'group') return [[spec]];
  const children = spec.dicts.map(toTiers);
  if (spec.policy === 'short_circuit') return children.flat(1);
  if (children.some((tiers) => tiers.length > 1)) {
    throw new Error('A union group containing a short_circuit group is not supported');
  }
  return [children.flatMap((tiers) => tiers[0] ?? [])];
}
