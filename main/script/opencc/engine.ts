import { INFO_ATOMIC, INFO_KIDS, type PrefixTrie, pairBit, TIER_MASK, TIER_SHIFT, VALUE_SHIFT } from './trie';

/**
 * The two loops of OpenCC's algorithm over UTF-16 code units: MaxMatchSegmentation::Segment and
 * Conversion::AppendConverted. At each position the longest dictionary key wins (per tier, see
 * trie.ts); an unmatched position copies one code point, or a whole ideographic description
 * sequence (⿰木木…) when one starts there, exactly as UTF8Util's IDS parser delimits it.
 *
 * The loops are written flat, on locals and typed arrays, because they run once per character of
 * every converted article; the non-null assertions (`!`) are on indexes the loop bounds keep valid.
 */

/** Atomic alignment pieces of one step: flat quads (srcStart, srcEnd, tgtStart, tgtEnd). */
export class Pieces {
  data = new Int32Array(256);
  length = 0;

  push(srcStart: number, srcEnd: number, tgtStart: number, tgtEnd: number): void {
    if (this.length + 4 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[this.length] = srcStart;
    d[this.length + 1] = srcEnd;
    d[this.length + 2] = tgtStart;
    d[this.length + 3] = tgtEnd;
    this.length += 4;
  }
}

/** Output of one conversion step. */
export interface StepOutput {
  units: Uint16Array;
  length: number;
  /** The input's segment ends mapped to the output (null when converted as one segment). */
  bounds: Int32Array | null;
}

const IDS_MAX_DEPTH = 16;
const IDS_MAX_CODE_POINTS = 64;
/** An IDS spans at most 64 code points. */
const IDS_MAX_UNITS = IDS_MAX_CODE_POINTS * 2;
const INCOMPLETE = -1;
const INVALID = -2;

function idsArity(c: number): number {
  if ((c & 0xfff0) !== 0x2ff0) return 0;
  if (c === 0x2ff2 || c === 0x2ff3) return 3;
  if (c === 0x2ffe || c === 0x2fff) return 1;
  return 2;
}

let idsCodePoints = 0;

/** Port of ConsumeIdeographicDescriptionSequence: units consumed, or INCOMPLETE / INVALID. */
function consumeIds(s: Uint16Array, pos: number, limit: number, depthLeft: number): number {
  if (pos >= limit) return INCOMPLETE;
  if (depthLeft === 0 || idsCodePoints >= IDS_MAX_CODE_POINTS) return INVALID;
  const c = s[pos]!;
  const len = (c & 0xfc00) === 0xd800 && pos + 1 < limit && (s[pos + 1]! & 0xfc00) === 0xdc00 ? 2 : 1;
  idsCodePoints++;
  const arity = len === 1 ? idsArity(c) : 0;
  let offset = len;
  for (let k = 0; k < arity; k++) {
    if (pos + offset >= limit) return INCOMPLETE;
    const operand = consumeIds(s, pos + offset, limit, depthLeft - 1);
    if (operand < 0) return operand;
    offset += operand;
  }
  return offset;
}

/** Length of the complete IDS starting at `pos` (its operator is checked by the caller), or 0. */
export function idsLength(s: Uint16Array, pos: number, limit: number): number {
  idsCodePoints = 0;
  const n = consumeIds(s, pos, limit, IDS_MAX_DEPTH);
  return n > 0 ? n : 0;
}

/** Records the surrogate pairs of an identity-copied run as atomic 2→2 pieces. */
function pairsAsPieces(s: Uint16Array, from: number, to: number, delta: number, pieces: Pieces): void {
  for (let k = from; k + 1 < to; k++) {
    if ((s[k]! & 0xfc00) === 0xd800 && (s[k + 1]! & 0xfc00) === 0xdc00) {
      pieces.push(k, k + 2, k + delta, k + delta + 2);
      k++;
    }
  }
}

function grow(units: Uint16Array, used: number, need: number): Uint16Array {
  const grown = new Uint16Array(Math.max(units.length * 2, used + need));
  grown.set(units.subarray(0, used));
  return grown;
}

/** Growable list of segment ends, for segmentation fused into the first conversion step. */
class Ends {
  data = new Int32Array(1024);
  length = 0;

  push(end: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = end;
  }
}

/**
 * Converts `inp[0, n)` with one dictionary (a conversion step), never matching across a segment
 * end in `bounds` (ascending, last = n; null: one segment). Records atomic pieces in `pieces`.
 *
 * With `segmentTier` ≥ 0 (and no bounds), the step also does the segmentation: this step's trie
 * is then the segmentation dictionary's up to that tier, and every later tier holds single code
 * points only, so its matches are exactly {@link segment}'s and converting unbounded is the same
 * as converting segment by segment. The segment ends come back in `bounds`, in output offsets.
 * That saves a whole pass over the text for s2tw, s2twp, s2hk and the like.
 */
export function convertStep(
  trie: PrefixTrie,
  inp: Uint16Array,
  n: number,
  bounds: Int32Array | null,
  pieces: Pieces,
  segmentTier = -1,
): StepOutput {
  const ends = segmentTier >= 0 && !bounds ? new Ends() : null;
  let pending = false;
  const { root, rootInfo, info, edges, edgeShift, edgeMask, valuePool, values, pairs } = trie;
  const slack = Math.max(trie.maxValueLength, IDS_MAX_UNITS) + 4;
  let out: Uint16Array = new Uint16Array(n + (n >> 3) + slack);
  let outLimit = out.length - slack;
  const outBounds = bounds ? new Int32Array(bounds.length) : null;
  let bi = 0;
  let segEnd = bounds ? bounds[0]! : n;
  let i = 0;
  let j = 0;
  while (i < n) {
    if (i === segEnd) {
      outBounds![bi++] = j;
      segEnd = bounds![bi]!;
    }
    if (j > outLimit) {
      out = grow(out, j, slack);
      outLimit = out.length - slack;
    }
    const c = inp[i]!;
    const rootInf = rootInfo[c]!;
    if (rootInf !== 0) {
      // Walk as deep as the text allows, keeping the best terminal: lowest tier, then longest.
      let best = 0;
      let bestTier = TIER_MASK + 1;
      let bestLen = 0;
      if (rootInf >>> VALUE_SHIFT !== 0) {
        best = rootInf;
        bestTier = (rootInf >>> TIER_SHIFT) & TIER_MASK;
        bestLen = 1;
      }
      let k = i + 1;
      // Most characters start some key; the pair filter rules out most second characters
      // without touching the large edge table.
      if ((rootInf & INFO_KIDS) !== 0 && k < segEnd) {
        const bit = pairBit(c, inp[k]!);
        let node = (pairs[bit >>> 5]! & (1 << (bit & 31))) === 0 ? 0 : root[c]!;
        while (node !== 0) {
          const u = inp[k]!;
          // Inlined edgeSlot() probe of the (node, unit) → child table.
          let h = Math.imul((Math.imul(node, 65599) + u) | 0, 0x9e3779b1) >>> edgeShift;
          let next = 0;
          for (;;) {
            const at = h * 3;
            const parent = edges[at]!;
            if (parent === node && edges[at + 1] === u) {
              next = edges[at + 2]!;
              break;
            }
            if (parent === 0) break;
            h = (h + 1) & edgeMask;
          }
          if (next === 0) break;
          node = next;
          const inf = info[node]!;
          if (inf >>> VALUE_SHIFT !== 0) {
            const tier = (inf >>> TIER_SHIFT) & TIER_MASK;
            if (tier <= bestTier) {
              best = inf;
              bestTier = tier;
              bestLen = k - i + 1;
            }
          }
          if ((inf & INFO_KIDS) === 0 || ++k >= segEnd) break;
        }
      }
      if (best !== 0) {
        const id = (best >>> VALUE_SHIFT) - 1;
        let v = values[2 * id]!;
        const len = values[2 * id + 1]!;
        const j0 = j;
        if (len === 1) out[j++] = valuePool[v]!;
        else for (const end = v + len; v < end;) out[j++] = valuePool[v++]!;
        if ((best & INFO_ATOMIC) !== 0) pieces.push(i, i + bestLen, j0, j);
        i += bestLen;
        if (ends) {
          if (bestTier <= segmentTier) {
            if (pending) ends.push(j0);
            ends.push(j);
            pending = false;
          } else pending = true;
        }
        continue;
      }
    }
    pending = true;
    // No key matches here: copy one code point through (or a whole IDS).
    if ((c & 0xfc00) === 0xd800 && i + 1 < segEnd && (inp[i + 1]! & 0xfc00) === 0xdc00) {
      out[j] = c;
      out[j + 1] = inp[i + 1]!;
      pieces.push(i, i + 2, j, j + 2);
      i += 2;
      j += 2;
    } else if ((c & 0xfff0) === 0x2ff0) {
      const len = idsLength(inp, i, segEnd) || 1;
      out.set(inp.subarray(i, i + len), j);
      pairsAsPieces(inp, i, i + len, j - i, pieces);
      i += len;
      j += len;
    } else {
      // Copy this character and the run of plain ones after it that no key starts with, in a
      // tight loop (most of a text, for the later steps of a chain), within the segment and
      // the output's room.
      const stop = Math.min(segEnd, i + (outLimit - j) + 1);
      out[j++] = c;
      i++;
      while (i < stop) {
        const d = inp[i]!;
        if (rootInfo[d] !== 0 || (d & 0xf800) === 0xd800 || (d & 0xfff0) === 0x2ff0) break;
        out[j++] = d;
        i++;
      }
    }
  }
  if (outBounds) while (bi < outBounds.length) outBounds[bi++] = j;
  if (ends) {
    if (pending) ends.push(j);
    return { units: out, length: j, bounds: ends.data.slice(0, ends.length) };
  }
  return { units: out, length: j, bounds: outBounds };
}

/**
 * MaxMatchSegmentation: the ends of the segments of `inp[0, n)`. Each dictionary match is a
 * segment; the characters between matches form one segment per run. Only keys of tiers up to
 * `maxTier` count, so that a conversion step's trie can serve when the segmentation dictionary is
 * its first tiers (STPhrases for s2tw, TSPhrases for tw2s).
 */
export function segment(trie: PrefixTrie, maxTier: number, inp: Uint16Array, n: number): Int32Array {
  const { root, info, edges, edgeShift, edgeMask, pairs } = trie;
  let ends = new Int32Array(Math.max(16, n >> 2));
  let count = 0;
  let pending = false;
  let i = 0;
  while (i < n) {
    if (count + 2 > ends.length) {
      const grown = new Int32Array(ends.length * 2);
      grown.set(ends);
      ends = grown;
    }
    const c = inp[i]!;
    let node = root[c]!;
    if (node !== 0) {
      let bestTier = TIER_MASK + 1;
      let bestLen = 0;
      let k = i;
      for (;;) {
        const inf = info[node]!;
        if (inf >>> VALUE_SHIFT !== 0) {
          const tier = (inf >>> TIER_SHIFT) & TIER_MASK;
          if (tier <= bestTier && tier <= maxTier) {
            bestTier = tier;
            bestLen = k - i + 1;
          }
        }
        if ((inf & INFO_KIDS) === 0 || ++k >= n) break;
        const u = inp[k]!;
        if (k === i + 1) {
          const bit = pairBit(c, u);
          if ((pairs[bit >>> 5]! & (1 << (bit & 31))) === 0) break;
        }
        // Inlined edgeSlot() probe of the (node, unit) → child table.
        let h = Math.imul((Math.imul(node, 65599) + u) | 0, 0x9e3779b1) >>> edgeShift;
        let next = 0;
        for (;;) {
          const at = h * 3;
          const parent = edges[at]!;
          if (parent === node && edges[at + 1] === u) {
            next = edges[at + 2]!;
            break;
          }
          if (parent === 0) break;
          h = (h + 1) & edgeMask;
        }
        if (next === 0) break;
        node = next;
      }
      if (bestLen !== 0) {
        if (pending) ends[count++] = i;
        i += bestLen;
        ends[count++] = i;
        pending = false;
        continue;
      }
    }
    pending = true;
    if ((c & 0xfc00) === 0xd800 && i + 1 < n && (inp[i + 1]! & 0xfc00) === 0xdc00) i += 2;
    else if ((c & 0xfff0) === 0x2ff0) i += idsLength(inp, i, n) || 1;
    else i++;
  }
  if (pending) ends[count++] = n;
  return ends.slice(0, count);
}

/** Whether any key of `trie` starts with a code unit of `inp[0, n)`; if not, the step is the identity. */
export function mayMatch(trie: PrefixTrie, inp: Uint16Array, n: number): boolean {
  const root = trie.root;
  for (let i = 0; i < n; i++) if (root[inp[i]!] !== 0) return true;
  return false;
}
