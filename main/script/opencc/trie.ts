import type { Lexicon } from './data';

/**
 * A compact prefix trie over UTF-16 code units, stored in typed arrays so that matching runs
 * without allocating: a 65536-entry root table for the first unit, then an open-addressing hash
 * table of (node, unit) → child for deeper levels, interleaved as Int32 triples so that a probe
 * touches one cache line.
 *
 * Each node carries one packed Int32: (value id + 1) << 8 | tier << 2 | atomic << 1 | hasChildren.
 * Tiers implement OpenCC's short_circuit groups (see config.ts toTiers): a key is stored with the
 * first tier (and first dictionary of that tier) that has it. "Atomic" marks keys whose
 * replacement cannot map offsets one to one (lengths differ, or a surrogate pair is involved).
 */

/** Packed node info fields. */
export const INFO_KIDS = 1;
export const INFO_ATOMIC = 2;
export const TIER_SHIFT = 2;
export const TIER_MASK = 0x3f;
export const VALUE_SHIFT = 8;

/** Slot of the edge table: parent node (0 = empty), code unit, child node. */
export const EDGE_STRIDE = 3;

/**
 * A Bloom-style bit set of the first two code units of every key, 2^20 bits (128 KiB, so it stays
 * in cache). Most characters start some phrase, so the walk would otherwise probe the large edge
 * table (a cache miss) at nearly every position; this bit rules out most of those probes.
 */
export const PAIR_BITS_SHIFT = 12;

/** The bit of a pair of code units in the pair filter. */
export function pairBit(first: number, second: number): number {
  return Math.imul(Math.imul(first, 0x9e3779b1) ^ second, 0x85ebca6b) >>> PAIR_BITS_SHIFT;
}

/** The slot index of a (node, unit) edge; `shift` is 32 - log2(slot count). */
export function edgeSlot(node: number, unit: number, shift: number): number {
  return Math.imul((Math.imul(node, 65599) + unit) | 0, 0x9e3779b1) >>> shift;
}

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

/** The typed arrays of a trie (what a cache would store). */
export interface TrieTables {
  root: Int32Array;
  info: Int32Array;
  edges: Int32Array;
  valuePool: Uint16Array;
  /** Per value id: start in the pool and length, interleaved. */
  values: Int32Array;
  /** The pair filter, see {@link pairBit}. */
  pairs: Uint32Array;
}

export class PrefixTrie implements TrieTables {
  readonly edgeShift: number;
  readonly edgeMask: number;
  readonly maxValueLength: number;
  /** info[root[unit]] per first unit (0: no key starts with it): the hot path's one lookup. */
  readonly rootInfo: Int32Array;

  constructor(
    /** First code unit → node id (0: no key starts with it). */
    readonly root: Int32Array,
    /** Per node id (1-based; 0 unused): packed info, see the module comment. */
    readonly info: Int32Array,
    readonly edges: Int32Array,
    readonly valuePool: Uint16Array,
    readonly values: Int32Array,
    readonly pairs: Uint32Array,
  ) {
    const slots = edges.length / EDGE_STRIDE;
    this.edgeShift = 32 - Math.log2(slots);
    this.edgeMask = slots - 1;
    let max = 1;
    for (let i = 1; i < values.length; i += 2) max = Math.max(max, values[i]!);
    this.maxValueLength = max;
    this.rootInfo = new Int32Array(65536);
    for (let u = 0; u < 65536; u++) if (root[u] !== 0) this.rootInfo[u] = info[root[u]!]!;
  }

  /** Number of tiers' worth of priority levels supported. */
  static readonly MAX_TIERS = TIER_MASK + 1;

  /**
   * Builds the trie of priority tiers, each a list of dictionaries; the first tier, then the
   * first dictionary, then the first line having a key wins.
   */
  static build(tiers: Lexicon[][]): PrefixTrie {
    if (tiers.length > PrefixTrie.MAX_TIERS) throw new Error(`At most ${PrefixTrie.MAX_TIERS} tiers`);
    let keyUnits = 0;
    let valueUnits = 0;
    let keyCount = 0;
    for (const tier of tiers) {
      for (const { keys, values } of tier) {
        keyCount += keys.length;
        for (const k of keys) keyUnits += k.length;
        for (const v of values) valueUnits += v.length;
      }
    }
    const builder = new TrieBuilder(keyUnits, keyUnits - keyCount, valueUnits);
    tiers.forEach((tier, t) => {
      for (const { keys, values } of tier) {
        for (let e = 0; e < keys.length; e++) builder.add(keys[e]!, values[e]!, t);
      }
    });
    return builder.finish();
  }

  /** The child of `node` by `unit`, or 0. */
  child(node: number, unit: number): number {
    const { edges, edgeMask } = this;
    for (let h = edgeSlot(node, unit, this.edgeShift); ; h = (h + 1) & edgeMask) {
      const parent = edges[h * EDGE_STRIDE]!;
      if (parent === 0) return 0;
      if (parent === node && edges[h * EDGE_STRIDE + 1] === unit) return edges[h * EDGE_STRIDE + 2]!;
    }
  }

  /** The value stored for exactly `key`, or undefined (tests and diagnostics). */
  get(key: string): string | undefined {
    let node = key.length > 0 ? this.root[key.charCodeAt(0)]! : 0;
    for (let i = 1; i < key.length && node !== 0; i++) node = this.child(node, key.charCodeAt(i));
    const id = node === 0 ? 0 : this.info[node]! >>> VALUE_SHIFT;
    if (id === 0) return undefined;
    const start = this.values[2 * (id - 1)]!;
    return String.fromCharCode(...this.valuePool.subarray(start, start + this.values[2 * (id - 1) + 1]!));
  }

  /** The tier of exactly `key`, or -1. */
  tierOf(key: string): number {
    let node = key.length > 0 ? this.root[key.charCodeAt(0)]! : 0;
    for (let i = 1; i < key.length && node !== 0; i++) node = this.child(node, key.charCodeAt(i));
    const inf = node === 0 ? 0 : this.info[node]!;
    return inf >>> VALUE_SHIFT === 0 ? -1 : (inf >>> TIER_SHIFT) & TIER_MASK;
  }
}

/**
 * Incremental construction, sized from upper bounds up front (growing and rehashing dominated
 * start-up). Kept as small methods: V8 optimises them quickly, where one big loop with OSR
 * deoptimised repeatedly while the dictionaries load.
 */
class TrieBuilder {
  private readonly root = new Int32Array(65536);
  private readonly info: Int32Array;
  private readonly edges: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  private readonly pool: Uint16Array;
  private readonly valueTable: number[] = [];
  private readonly pairs = new Uint32Array(1 << (32 - PAIR_BITS_SHIFT - 5));
  private nodes = 0;
  private edgeCount = 0;
  private poolAt = 0;

  constructor(maxNodes: number, maxEdges: number, valueUnits: number) {
    this.info = new Int32Array(maxNodes + 2);
    let slots = 1024;
    while (slots < maxEdges * 2) slots *= 2;
    this.edges = new Int32Array(slots * EDGE_STRIDE);
    this.shift = 32 - Math.log2(slots);
    this.mask = slots - 1;
    this.pool = new Uint16Array(valueUnits);
  }

  add(key: string, value: string, tier: number): void {
    if (key.length === 0) return;
    if (key.length > 1) {
      const bit = pairBit(key.charCodeAt(0), key.charCodeAt(1));
      this.pairs[bit >>> 5] = this.pairs[bit >>> 5]! | (1 << (bit & 31));
    }
    const node = this.path(key);
    const info = this.info[node]!;
    if (info >>> VALUE_SHIFT !== 0) return;
    const pool = this.pool;
    const start = this.poolAt;
    for (let i = 0; i < value.length; i++) pool[start + i] = value.charCodeAt(i);
    this.poolAt = start + value.length;
    this.valueTable.push(start, value.length);
    const atomic = key.length !== value.length || hasSurrogate(key) || hasSurrogate(value);
    const id = this.valueTable.length >> 1;
    this.info[node] = info | (id << VALUE_SHIFT) | (tier << TIER_SHIFT) | (atomic ? INFO_ATOMIC : 0);
  }

  private path(key: string): number {
    const first = key.charCodeAt(0);
    let node = this.root[first]!;
    if (node === 0) this.root[first] = node = ++this.nodes;
    for (let i = 1; i < key.length; i++) node = this.child(node, key.charCodeAt(i));
    return node;
  }

  /** The child of `node` by `unit`, created if missing. */
  private child(node: number, unit: number): number {
    const edges = this.edges;
    for (let h = edgeSlot(node, unit, this.shift); ; h = (h + 1) & this.mask) {
      const at = h * EDGE_STRIDE;
      const parent = edges[at]!;
      if (parent === node && edges[at + 1] === unit) return edges[at + 2]!;
      if (parent === 0) {
        const next = ++this.nodes;
        edges[at] = node;
        edges[at + 1] = unit;
        edges[at + 2] = next;
        this.edgeCount++;
        this.info[node] = this.info[node]! | INFO_KIDS;
        return next;
      }
    }
  }

  finish(): PrefixTrie {
    return new PrefixTrie(
      this.root,
      this.info.slice(0, this.nodes + 1),
      this.edges,
      this.pool.slice(0, this.poolAt),
      Int32Array.from(this.valueTable),
      this.pairs,
    );
  }
}
