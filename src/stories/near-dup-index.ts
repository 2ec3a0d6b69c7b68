// An in-memory LSH index over MinHash signatures: finding an article's near-duplicates costs a few
// dozen hash lookups, not a comparison with every stored article. Entries older than the time
// window are evicted as the stream moves on, so memory is bounded by the window, not the archive.
import {
  SIGNATURE_LENGTH,
  containmentFromJaccard,
  estimateJaccard,
  fmix32,
  intersectionSize,
  type Fingerprint,
} from './fingerprint.ts';

/**
 * 64 bands of 2 rows. A pair lands in the same bucket of at least one band with probability
 * 1 − (1 − J²)^64: 0.47 at J = 0.1, 0.98 at J = 0.25, 1.0 from J = 0.35. The threshold is this low
 * on purpose: a trimmed wire copy contained in a text four times its length has J ≈ 0.2, and only a
 * low threshold brings it in. The extra candidates are cheap to reject (signature, then shingles).
 */
const DEFAULT_BANDS = 64;
const DEFAULT_ROWS = 2;
/** Wire copies appear within days: 99.9% of SaudiNewsNet's silver pairs are under 5 days apart. */
const DEFAULT_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
// An estimate from 128 positions is off by up to ~0.09 (two standard errors at J = 0.5), and the
// containment derived from it by more when sizes differ a lot; a candidate is verified exactly
// unless its estimate is this far below both thresholds.
const JACCARD_MARGIN = 0.12;
const CONTAINMENT_MARGIN = 0.3;

export interface NearDupIndexOptions {
  bands?: number;
  rows?: number;
  /** Only articles published within this many days of each other are compared (default 7). */
  windowDays?: number;
  /** Keep each entry's exact shingle set to verify candidates (default true; ~4 bytes a word). */
  keepShingles?: boolean;
}

/** What `candidates` reports for one stored article. */
export interface NearDupCandidate<M> {
  id: string;
  publishedAt: number;
  meta: M;
  /** Jaccard similarity of the two shingle sets: exact when `verified`, else the MinHash estimate. */
  jaccard: number;
  /** Shared shingles over the smaller set's size: how much of the shorter text is in the longer. */
  containment: number;
  /** Share of the query's own shingles found in this article (directional containment). */
  queryContained: number;
  verified: boolean;
}

export interface CandidateFilter {
  /** Publication time of the query (ms); entries outside the window are skipped. */
  publishedAt?: number;
  /** A candidate is kept when its Jaccard or its containment reaches its minimum (defaults 0). */
  minJaccard?: number;
  minContainment?: number;
}

interface Entry<M> {
  id: string;
  publishedAt: number;
  meta: M;
  signature: Uint32Array;
  size: number;
  shingles: Uint32Array | undefined;
  keys: Uint32Array;
}

export class NearDupIndex<M = undefined> {
  readonly bands: number;
  readonly rows: number;
  readonly windowMs: number;
  private readonly keepShingles: boolean;
  private readonly buckets: Array<Map<number, number[]>>;
  private readonly entries: Array<Entry<M> | undefined> = [];
  private readonly free: number[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly slotsByDay = new Map<number, number[]>();
  private newest = -Infinity;
  private seen = new Uint32Array(0);
  private stamp = 0;

  constructor(options: NearDupIndexOptions = {}) {
    this.bands = options.bands ?? DEFAULT_BANDS;
    this.rows = options.rows ?? DEFAULT_ROWS;
    if (this.bands * this.rows > SIGNATURE_LENGTH) throw new RangeError(`bands × rows must be at most ${SIGNATURE_LENGTH}`);
    this.windowMs = (options.windowDays ?? DEFAULT_WINDOW_DAYS) * DAY_MS;
    this.keepShingles = options.keepShingles ?? true;
    this.buckets = Array.from({ length: this.bands }, () => new Map<number, number[]>());
  }

  /** Articles held. */
  get size(): number {
    return this.slotById.size;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /**
   * Stores an article's fingerprint. Adding an id again replaces it. Entries published more than
   * the window before the newest one seen are evicted, a day at a time.
   */
  add(id: string, fp: Fingerprint, publishedAt: number, meta: M): void {
    if (this.slotById.has(id)) this.remove(id);
    const keys = this.bandKeys(fp.signature);
    const slot = this.free.pop() ?? this.entries.length;
    this.entries[slot] = {
      id,
      publishedAt,
      meta,
      signature: fp.signature,
      size: fp.size,
      shingles: this.keepShingles ? fp.shingles : undefined,
      keys,
    };
    this.slotById.set(id, slot);
    for (let b = 0; b < this.bands; b++) {
      const bucket = this.buckets[b]!;
      const list = bucket.get(keys[b]!);
      if (list) list.push(slot);
      else bucket.set(keys[b]!, [slot]);
    }
    const day = Math.floor(publishedAt / DAY_MS);
    const daySlots = this.slotsByDay.get(day);
    if (daySlots) daySlots.push(slot);
    else this.slotsByDay.set(day, [slot]);
    if (publishedAt > this.newest) {
      const before = Math.floor(this.newest / DAY_MS);
      this.newest = publishedAt;
      if (day !== before) this.evictBefore(publishedAt - this.windowMs - DAY_MS);
    }
  }

  /** Removes one article; false when it is not held. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.removeSlot(slot, true);
    return true;
  }

  private removeSlot(slot: number, fromDay: boolean): void {
    const entry = this.entries[slot]!;
    for (let b = 0; b < this.bands; b++) {
      const bucket = this.buckets[b]!;
      const list = bucket.get(entry.keys[b]!)!;
      const at = list.indexOf(slot);
      list[at] = list[list.length - 1]!;
      list.pop();
      if (list.length === 0) bucket.delete(entry.keys[b]!);
    }
    const day = Math.floor(entry.publishedAt / DAY_MS);
    const daySlots = fromDay ? this.slotsByDay.get(day) : undefined;
    if (daySlots) {
      const at = daySlots.indexOf(slot);
      if (at >= 0) daySlots.splice(at, 1);
      if (daySlots.length === 0) this.slotsByDay.delete(day);
    }
    this.entries[slot] = undefined;
    this.free.push(slot);
    this.slotById.delete(entry.id);
  }

  /** Drops every entry of the days that end before `time` (ms); returns how many went. */
  evictBefore(time: number): number {
    const lastDay = Math.floor(time / DAY_MS);
    let n = 0;
    for (const [day, slots] of this.slotsByDay) {
      if (day >= lastDay) continue;
      this.slotsByDay.delete(day);
      for (const slot of slots) this.removeSlot(slot, false);
      n += slots.length;
    }
    return n;
  }

  /**
   * Stored articles whose signature shares a band with `fp` and that pass the filter, best first.
   * Each is scored exactly from the shingle sets when both sides have them.
   */
  candidates(fp: Fingerprint, filter: CandidateFilter = {}): Array<NearDupCandidate<M>> {
    const minJ = filter.minJaccard ?? 0;
    const minC = filter.minContainment ?? 0;
    const keys = this.bandKeys(fp.signature);
    if (this.seen.length < this.entries.length) this.seen = new Uint32Array(this.entries.length * 2);
    const stamp = ++this.stamp;
    const out: Array<NearDupCandidate<M>> = [];
    for (let b = 0; b < this.bands; b++) {
      const list = this.buckets[b]!.get(keys[b]!);
      if (!list) continue;
      for (const slot of list) {
        if (this.seen[slot] === stamp) continue;
        this.seen[slot] = stamp;
        const e = this.entries[slot]!;
        if (filter.publishedAt !== undefined && Math.abs(e.publishedAt - filter.publishedAt) > this.windowMs) continue;
        const scored = score(fp, e, minJ, minC);
        if (scored && (scored.jaccard >= minJ || scored.containment >= minC)) {
          out.push({ id: e.id, publishedAt: e.publishedAt, meta: e.meta, ...scored });
        }
      }
    }
    return out.sort((a, b) => b.jaccard - a.jaccard || b.containment - a.containment);
  }

  // One 32-bit key per band: the band's rows mixed together with the band number.
  private bandKeys(signature: Uint32Array): Uint32Array {
    const keys = new Uint32Array(this.bands);
    for (let b = 0; b < this.bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < this.rows; r++) h = Math.imul(h ^ signature[b * this.rows + r]!, 0x85ebca6b) + r;
      keys[b] = fmix32(h);
    }
    return keys;
  }
}

type Score = Pick<NearDupCandidate<unknown>, 'jaccard' | 'containment' | 'queryContained' | 'verified'>;

function score(fp: Fingerprint, e: { signature: Uint32Array; size: number; shingles: Uint32Array | undefined }, minJ: number, minC: number): Score | null {
  const estimate = estimateJaccard(fp.signature, e.signature);
  const estContainment = containmentFromJaccard(estimate, fp.size, e.size);
  if (!fp.shingles || !e.shingles) {
    const shared = (estimate * (fp.size + e.size)) / (1 + estimate);
    return { jaccard: estimate, containment: estContainment, queryContained: fp.size ? Math.min(1, shared / fp.size) : 0, verified: false };
  }
  if (estimate < minJ - JACCARD_MARGIN && estContainment < minC - CONTAINMENT_MARGIN) return null;
  const shared = intersectionSize(fp.shingles, e.shingles);
  const union = fp.size + e.size - shared;
  return {
    jaccard: union ? shared / union : 0,
    containment: Math.min(fp.size, e.size) ? shared / Math.min(fp.size, e.size) : 0,
    queryContained: fp.size ? shared / fp.size : 0,
    verified: true,
  };
}
