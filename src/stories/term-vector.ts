// Term vectors as the hot loops want them: stems (and entity keys) numbered once, weights in
// parallel typed arrays, heaviest first. Scoring one article against a hundred stories then reads
// arrays instead of hashing strings: the article is spread once into a dense array indexed by term
// number, and each story's terms are looked up there (DenseQuery).
//
// Term numbers are process-wide and never reused, so the table grows with the vocabulary the
// process has seen: on SaudiNewsNet about 90k distinct stems for 31k articles (a few MB), and a
// replayed or repeated period adds nothing. Numbers never leave the process: stored states
// (toJSON) carry the stems themselves, so two processes that number terms differently still
// compute the same stories.

const numberOf = new Map<string, number>();
const termAt: string[] = [];

/** The number of `term`, assigned on first sight. */
export function termNumber(term: string): number {
  let n = numberOf.get(term);
  if (n === undefined) {
    n = termAt.length;
    numberOf.set(term, n);
    termAt.push(term);
  }
  return n;
}

/** The term numbered `n`. */
export function termOfNumber(n: number): string {
  return termAt[n]!;
}

/** Terms numbered so far. */
export function termCount(): number {
  return termAt.length;
}

/** A sparse vector: term numbers and weights, heaviest first (ties in the order the terms came). */
export class TermVector {
  constructor(readonly ids: Int32Array, readonly weights: Float64Array) {}

  static empty(): TermVector {
    return new TermVector(new Int32Array(0), new Float64Array(0));
  }

  /** From [term, weight] pairs, kept in the order given. */
  static fromEntries(entries: Iterable<readonly [string, number]>): TermVector {
    const list = [...entries];
    const ids = new Int32Array(list.length);
    const weights = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      ids[i] = termNumber(list[i]![0]);
      weights[i] = list[i]![1];
    }
    return new TermVector(ids, weights);
  }

  /**
   * The `keep` heaviest of `weighted` (term number → weight), heaviest first; equal weights keep
   * the map's order, as a stable sort of its entries would.
   */
  static top(weighted: ReadonlyMap<number, number>, keep: number): TermVector {
    const ids = [...weighted.keys()];
    const order = ids.map((_, i) => i);
    const w = [...weighted.values()];
    order.sort((a, b) => w[b]! - w[a]! || a - b);
    const n = Math.min(keep, order.length);
    const out = new TermVector(new Int32Array(n), new Float64Array(n));
    for (let i = 0; i < n; i++) {
      out.ids[i] = ids[order[i]!]!;
      out.weights[i] = w[order[i]!]!;
    }
    return out;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The weight of `term` (0 when absent). Linear: for tests and rare look-ups. */
  get(term: string): number {
    const n = numberOf.get(term);
    if (n === undefined) return 0;
    const i = this.ids.indexOf(n);
    return i < 0 ? 0 : this.weights[i]!;
  }

  /** The first `k` entries (the heaviest, as the vector is ordered). */
  head(k: number): TermVector {
    return k >= this.size ? this : new TermVector(this.ids.slice(0, k), this.weights.slice(0, k));
  }

  norm(): number {
    let s = 0;
    for (let i = 0; i < this.weights.length; i++) s += this.weights[i]! * this.weights[i]!;
    return Math.sqrt(s);
  }

  /** A copy scaled to length 1 (all zeros stay zeros). */
  unit(): TermVector {
    const n = this.norm();
    const w = new Float64Array(this.weights.length);
    if (n > 0) for (let i = 0; i < w.length; i++) w[i] = this.weights[i]! / n;
    return new TermVector(this.ids, w);
  }

  /** [term, weight] pairs, for JSON. */
  entries(): [string, number][] {
    const out: [string, number][] = new Array(this.ids.length);
    for (let i = 0; i < this.ids.length; i++) out[i] = [termAt[this.ids[i]!]!, this.weights[i]!];
    return out;
  }
}

/**
 * One vector spread into a dense array indexed by term number, so its dot product with any other
 * vector is one pass over the other's arrays. Load, score, clear: the array is reused.
 */
export class DenseQuery {
  private dense = new Float64Array(1024);
  private loaded: TermVector | null = null;

  load(v: TermVector): void {
    if (this.loaded) this.clear();
    if (this.dense.length < termCount()) this.grow();
    const { ids, weights } = v;
    for (let i = 0; i < ids.length; i++) this.dense[ids[i]!] = weights[i]!;
    this.loaded = v;
  }

  /** Dot product of the loaded vector with `v`. */
  dot(v: TermVector): number {
    if (this.dense.length < termCount()) this.grow();
    const dense = this.dense;
    const { ids, weights } = v;
    let s = 0;
    for (let i = 0; i < ids.length; i++) s += weights[i]! * dense[ids[i]!]!;
    return s;
  }

  /** Room for every term numbered so far (terms numbered after a load weigh 0 in it). */
  private grow(): void {
    let size = this.dense.length;
    while (size < termCount()) size *= 2;
    const next = new Float64Array(size);
    next.set(this.dense);
    this.dense = next;
  }

  clear(): void {
    const v = this.loaded;
    if (!v) return;
    for (let i = 0; i < v.ids.length; i++) this.dense[v.ids[i]!] = 0;
    this.loaded = null;
  }
}

const scratch = new DenseQuery();

/**
 * The dot product of two vectors (one-off; loops over many use a DenseQuery of their own). Summed
 * over the shorter one in its order, so near-ties (a headline's copies) come out as they always did.
 */
export function dotVectors(a: TermVector, b: TermVector): number {
  if (a.size === 0 || b.size === 0) return 0;
  if (a.size > b.size) [a, b] = [b, a];
  scratch.load(b);
  const s = scratch.dot(a);
  scratch.clear();
  return s;
}
