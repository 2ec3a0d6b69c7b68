// The inverted index that makes story assignment cost the same on day 300 as on day 1: it holds
// only RECENT stories (last article within the window), each under its heaviest centroid terms and
// its main entities, so a new article is scored against the few stories that share its words, not
// against the archive. Stories whose last article is older than the window are evicted; their
// records live on in the store.

export interface IndexedCandidate {
  storyId: number;
  /** How many of the query's keys the story is indexed under. */
  shared: number;
}

/** Entity keys are prefixed so an entity id never collides with a stem. */
export const ENTITY_KEY_PREFIX = '@';

/**
 * Keys are term numbers (term-vector.ts). Each story has a slot, reused after it is evicted, so
 * counting shared keys is a pass over typed arrays rather than a map keyed by story id.
 */
export class StoryIndex {
  /** Key → slots of the stories indexed under it. */
  private readonly postings = new Map<number, Set<number>>();
  private readonly slotOf = new Map<number, number>();
  private readonly storyAt: number[] = [];
  private readonly keysAt: (readonly number[] | null)[] = [];
  private readonly lastSeenAt: number[] = [];
  private readonly free: number[] = [];
  /** Per-slot scratch for `candidates`: shared keys, zero between calls. */
  private shared = new Uint16Array(256);

  /** Stories currently indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  has(storyId: number): boolean {
    return this.slotOf.has(storyId);
  }

  /** Indexes (or re-indexes) a story under `keys`; only the keys that changed are touched. */
  set(storyId: number, keys: readonly number[], lastSeen: number): void {
    let slot = this.slotOf.get(storyId);
    const next = [...new Set(keys)];
    if (slot !== undefined) {
      const old = this.keysAt[slot]!;
      const wanted = new Set(next);
      for (const k of old) if (!wanted.has(k)) this.unpost(k, slot);
      const had = new Set(old);
      for (const k of next) if (!had.has(k)) this.post(k, slot);
    } else {
      slot = this.free.pop() ?? this.storyAt.length;
      this.slotOf.set(storyId, slot);
      this.storyAt[slot] = storyId;
      if (slot >= this.shared.length) {
        const grown = new Uint16Array(this.shared.length * 2);
        grown.set(this.shared);
        this.shared = grown;
      }
      for (const k of next) this.post(k, slot);
    }
    this.keysAt[slot] = next;
    this.lastSeenAt[slot] = lastSeen;
  }

  remove(storyId: number): void {
    const slot = this.slotOf.get(storyId);
    if (slot === undefined) return;
    for (const k of this.keysAt[slot]!) this.unpost(k, slot);
    this.slotOf.delete(storyId);
    this.storyAt[slot] = -1;
    this.keysAt[slot] = null;
    this.free.push(slot);
  }

  /** Removes every story whose last article is before `cutoff` (epoch ms); returns their ids. */
  evictBefore(cutoff: number): number[] {
    const evicted: number[] = [];
    for (const [id, slot] of this.slotOf) if (this.lastSeenAt[slot]! < cutoff) evicted.push(id);
    for (const id of evicted) this.remove(id);
    return evicted;
  }

  /**
   * Stories indexed under any of `keys`, most shared keys first (then the newer story), at most
   * `limit`. Keys posted by more than `maxPosting` stories (a word every story uses) are skipped:
   * they cost time and single out nothing.
   */
  candidates(keys: ArrayLike<number>, limit: number, maxPosting = 2000, minShared = 1): IndexedCandidate[] {
    const shared = this.shared;
    const touched: number[] = [];
    let most = 0;
    for (let i = 0; i < keys.length; i++) {
      const posting = this.postings.get(keys[i]!);
      if (!posting || posting.size > maxPosting) continue;
      for (const slot of posting) {
        const n = shared[slot]!;
        if (n === 0) touched.push(slot);
        shared[slot] = n + 1;
      }
      most++;
    }
    // How many stories share each count; then the lowest count that still fits in `limit`.
    const atCount = new Uint32Array(most + 2);
    for (const slot of touched) atCount[shared[slot]!] = atCount[shared[slot]!]! + 1;
    let floor = most + 1;
    let taken = 0;
    while (floor > minShared && taken + atCount[floor - 1]! <= limit) taken += atCount[--floor]!;
    const out: IndexedCandidate[] = [];
    const boundary: number[] = [];
    for (const slot of touched) {
      const n = shared[slot]!;
      if (n >= floor) out.push({ storyId: this.storyAt[slot]!, shared: n });
      else if (n === floor - 1 && n >= minShared && taken < limit) boundary.push(this.storyAt[slot]!);
      shared[slot] = 0;
    }
    // The count that does not fit whole: its newest stories fill what is left.
    if (boundary.length) {
      boundary.sort((a, b) => b - a);
      for (let i = 0; i < boundary.length && out.length < limit; i++) out.push({ storyId: boundary[i]!, shared: floor - 1 });
    }
    out.sort((a, b) => b.shared - a.shared || b.storyId - a.storyId);
    return out;
  }

  private post(key: number, slot: number): void {
    let set = this.postings.get(key);
    if (!set) this.postings.set(key, (set = new Set()));
    set.add(slot);
  }

  private unpost(key: number, slot: number): void {
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(slot);
    if (set.size === 0) this.postings.delete(key);
  }
}
