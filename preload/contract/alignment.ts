/**
 * An exact, monotone mapping between offsets of a source text and of its conversion.
 *
 * Conversions replace source spans by target spans. Most replacements keep the UTF-16 length
 * (头发→頭髮), and inside those offsets map one to one. Spans whose offsets cannot map one to one
 * — the length changes (U盘→隨身碟, 方便面→泡麵, 㑮→𫝈) or a surrogate pair is involved — are
 * atomic: nothing inside them maps anywhere but to their ends. Only atomic segments are stored
 * (sorted, as flat Int32 quads), so a long text's alignment is small; everything between them is
 * implied to be one to one, and lookups are binary searches.
 */

/** A span of UTF-16 offsets, end exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** A source span and the target span it became. */
export interface AlignedSegment {
  source: Range;
  target: Range;
  /** Whether the target text differs from the source text. */
  changed: boolean;
}

/** The JSON form: lengths plus (gap, sourceLength, targetLength, changed) per atomic segment. */
export interface AlignmentJSON {
  v: 1;
  source: number;
  target: number;
  runs: number[];
}

const SS = 0;
const SE = 1;
const TS = 2;
const TE = 3;

export class Alignment {
  /** Flat quads (srcStart, srcEnd, tgtStart, tgtEnd), ascending and non-overlapping. */
  private readonly quads: Int32Array;
  /** Per atomic segment: 1 if its text changed. */
  private readonly changedFlags: Uint8Array;
  private readonly count: number;

  /**
   * @param quads - atomic segments as (srcStart, srcEnd, tgtStart, tgtEnd), in order; the stretches
   *   between them must have equal source and target lengths.
   */
  constructor(
    readonly sourceLength: number,
    readonly targetLength: number,
    quads: Int32Array = new Int32Array(0),
    changed?: Uint8Array,
  ) {
    this.quads = quads;
    this.count = quads.length >> 2;
    this.changedFlags = changed ?? new Uint8Array(this.count).fill(1);
    if (this.changedFlags.length !== this.count) throw new Error('Alignment: one changed flag per segment');
  }

  /** The alignment of a text with itself. */
  static identity(length: number): Alignment {
    return new Alignment(length, length);
  }

  /** Number of atomic segments. */
  get size(): number {
    return this.count;
  }

  /** Maps a source offset; an offset strictly inside an atomic segment maps to its start. */
  toTarget(sourceOffset: number): number {
    return this.map(sourceOffset, this.sourceLength, SS, false);
  }

  /** Maps a target offset; an offset strictly inside an atomic segment maps to its start. */
  toSource(targetOffset: number): number {
    return this.map(targetOffset, this.targetLength, TS, false);
  }

  /** Maps a source range, widening it to whole atomic segments where it starts or ends inside one. */
  rangeToTarget(r: Range): Range {
    const [start, end] = ordered(r);
    return { start: this.map(start, this.sourceLength, SS, false), end: this.map(end, this.sourceLength, SS, true) };
  }

  /** Maps a target range, widening it to whole atomic segments where it starts or ends inside one. */
  rangeToSource(r: Range): Range {
    const [start, end] = ordered(r);
    return { start: this.map(start, this.targetLength, TS, false), end: this.map(end, this.targetLength, TS, true) };
  }

  /**
   * The atomic segments (those whose offsets do not map one to one), in order. Given the texts,
   * the whole source is partitioned instead: the one-to-one stretches are added too, split into
   * maximal changed and unchanged runs of code points, so a UI can mark every change.
   */
  *segments(texts?: { source: string; target: string }): Generator<AlignedSegment> {
    const q = this.quads;
    let src = 0;
    let tgt = 0;
    for (let i = 0; i <= this.count; i++) {
      const ss = i < this.count ? q[4 * i + SS]! : this.sourceLength;
      if (texts && ss > src) yield* oneToOneRuns(texts.source, texts.target, src, ss, tgt - src);
      if (i === this.count) break;
      const se = q[4 * i + SE]!;
      const ts = q[4 * i + TS]!;
      const te = q[4 * i + TE]!;
      yield { source: { start: ss, end: se }, target: { start: ts, end: te }, changed: this.changedFlags[i] === 1 };
      src = se;
      tgt = te;
    }
  }

  /**
   * This alignment (source → middle) followed by `next` (middle → target). Atomic segments of
   * either that overlap in the middle text merge into one, so a later step's match spanning
   * several earlier segments becomes one segment of the result.
   */
  compose(next: Alignment): Alignment {
    if (this.targetLength !== next.sourceLength) throw new Error('Alignment.compose: lengths differ');
    if (this.count === 0 && next.count === 0) return new Alignment(this.sourceLength, next.targetLength);
    const a = this.quads;
    const b = next.quads;
    const out: number[] = [];
    const flags: number[] = [];
    let ia = 0;
    let ib = 0;
    while (ia < this.count || ib < next.count) {
      // Start a group at the earlier segment (in middle-text offsets), then absorb overlaps.
      const aStart = ia < this.count ? a[4 * ia + TS]! : Infinity;
      const bStart = ib < next.count ? b[4 * ib + SS]! : Infinity;
      const m0 = Math.min(aStart, bStart);
      let m1 = m0;
      let changed = 0;
      for (;;) {
        if (ia < this.count && (a[4 * ia + TS]! < m1 || a[4 * ia + TS] === m0)) {
          m1 = Math.max(m1, a[4 * ia + TE]!);
          changed |= this.changedFlags[ia]!;
          ia++;
        } else if (ib < next.count && (b[4 * ib + SS]! < m1 || b[4 * ib + SS] === m0)) {
          m1 = Math.max(m1, b[4 * ib + SE]!);
          changed |= next.changedFlags[ib]!;
          ib++;
        } else break;
      }
      out.push(this.toSource(m0), this.map(m1, this.targetLength, TS, true), next.toTarget(m0), next.toTarget(m1));
      flags.push(changed);
    }
    return new Alignment(this.sourceLength, next.targetLength, Int32Array.from(out), Uint8Array.from(flags));
  }

  /** Recomputes each atomic segment's changed flag by comparing the texts. */
  withChangedFrom(source: string, target: string): Alignment {
    const q = this.quads;
    const flags = new Uint8Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const s = source.slice(q[4 * i + SS], q[4 * i + SE]);
      flags[i] = s === target.slice(q[4 * i + TS], q[4 * i + TE]) ? 0 : 1;
    }
    return new Alignment(this.sourceLength, this.targetLength, q, flags);
  }

  /** Compact form: per atomic segment, the one-to-one gap before it, its two lengths and its flag. */
  toJSON(): AlignmentJSON {
    const runs: number[] = [];
    const q = this.quads;
    let src = 0;
    for (let i = 0; i < this.count; i++) {
      const ss = q[4 * i + SS]!;
      const se = q[4 * i + SE]!;
      runs.push(ss - src, se - ss, q[4 * i + TE]! - q[4 * i + TS]!, this.changedFlags[i]!);
      src = se;
    }
    return { v: 1, source: this.sourceLength, target: this.targetLength, runs };
  }

  /**
   * Rebuilds an alignment from {@link Alignment.toJSON}'s output. JSON that does not describe
   * one (it comes from a cache on disk) is refused with an error rather than mapping wrongly:
   * runs in whole quads of non-negative integers, flags 0 or 1, segments inside both texts and
   * a one-to-one tail of equal length on both sides.
   */
  static fromJSON(json: AlignmentJSON): Alignment {
    const { runs, source, target } = json;
    const count = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
    if (json.v !== 1 || !count(source) || !count(target) || runs.length % 4 !== 0) {
      throw new Error('Alignment.fromJSON: not an alignment');
    }
    const n = runs.length >> 2;
    const quads = new Int32Array(n * 4);
    const flags = new Uint8Array(n);
    let src = 0;
    let tgt = 0;
    for (let i = 0; i < n; i++) {
      const gap = runs[4 * i];
      const sl = runs[4 * i + 1];
      const tl = runs[4 * i + 2];
      const changed = runs[4 * i + 3];
      if (!count(gap) || !count(sl) || !count(tl) || (changed !== 0 && changed !== 1)) {
        throw new Error(`Alignment.fromJSON: bad run ${i}`);
      }
      src += gap;
      tgt += gap;
      quads[4 * i + SS] = src;
      quads[4 * i + SE] = src + sl;
      quads[4 * i + TS] = tgt;
      quads[4 * i + TE] = tgt + tl;
      flags[i] = changed;
      src += sl;
      tgt += tl;
    }
    if (src > source || tgt > target || target - tgt !== source - src) {
      throw new Error('Alignment.fromJSON: inconsistent lengths');
    }
    return new Alignment(source, target, quads, flags);
  }

  /**
   * Maps `offset` (clamped to [0, length]) from the side whose starts are at `side` (SS or TS).
   * Strictly inside an atomic segment it goes to the segment's start, or its end with `toEnd`.
   */
  private map(offset: number, length: number, side: number, toEnd: boolean): number {
    const x = Math.min(Math.max(Math.trunc(offset) || 0, 0), length);
    const q = this.quads;
    // The last segment starting at or before x.
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (q[4 * mid + side]! <= x) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const other = side === SS ? TS : SS;
    if (found < 0) return x;
    const base = 4 * found;
    const start = q[base + side]!;
    const end = q[base + side + 1]!;
    if (x === start) return q[base + other]!;
    if (x < end) return toEnd ? q[base + other + 1]! : q[base + other]!;
    return q[base + other + 1]! + (x - end);
  }
}

function ordered(r: Range): [number, number] {
  return r.start <= r.end ? [r.start, r.end] : [r.end, r.start];
}

/** Splits a one-to-one stretch [from, to) into maximal runs of equal / differing code points. */
function* oneToOneRuns(
  source: string,
  target: string,
  from: number,
  to: number,
  delta: number,
): Generator<AlignedSegment> {
  let runStart = from;
  let runChanged: boolean | null = null;
  for (let i = from; i < to;) {
    const c = source.charCodeAt(i);
    const width = (c & 0xfc00) === 0xd800 && i + 1 < to && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const same =
      c === target.charCodeAt(i + delta) &&
      (width === 1 || source.charCodeAt(i + 1) === target.charCodeAt(i + 1 + delta));
    if (runChanged !== null && runChanged === same) {
      yield run(runStart, i, delta, runChanged);
      runStart = i;
    }
    runChanged = !same;
    i += width;
  }
  if (runChanged !== null) yield run(runStart, to, delta, runChanged);
}

function run(start: number, end: number, delta: number, changed: boolean): AlignedSegment {
  return { source: { start, end }, target: { start: start + delta, end: end + delta }, changed };
}
