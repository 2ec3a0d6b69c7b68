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

export class StoryIndex {
  private readonly postings = new Map<string, Set<number>>();
  private readonly keysOf = new Map<number, readonly string[]>();
  private readonly lastSeenOf = new Map<number, number>();

  /** Stories currently indexed. */
  get size(): number {
    return this.keysOf.size;
  }

  has(storyId: number): boolean {
    return this.keysOf.has(storyId);
  }

  /** Indexes (or re-indexes) a story under `keys`; only the keys that changed are touched. */
  set(storyId: number, keys: readonly string[], lastSeen: number): void {
    const old = this.keysOf.get(storyId);
    const next = new Set(keys);
    if (old) {
      for (const k of old) if (!next.has(k)) this.unpost(k, storyId);
      const had = new Set(old);
      for (const k of next) if (!had.has(k)) this.post(k, storyId);
    } else {
      for (const k of next) this.post(k, storyId);
    }
    this.keysOf.set(storyId, [...next]);
    this.lastSeenOf.set(storyId, lastSeen);
  }

  remove(storyId: number): void {
    const keys = this.keysOf.get(storyId);
    if (!keys) return;
    for (const k of keys) this.unpost(k, storyId);
    this.keysOf.delete(storyId);
    this.lastSeenOf.delete(storyId);
  }

  /** Removes every story whose last article is before `cutoff` (epoch ms); returns their ids. */
  evictBefore(cutoff: number): number[] {
    const evicted: number[] = [];
    for (const [id, last] of this.lastSeenOf) if (last < cutoff) evicted.push(id);
    for (const id of evicted) this.remove(id);
    return evicted;
  }

  /**
   * Stories indexed under any of `keys`, most shared keys first, at most `limit`. Keys posted by
   * more than `maxPosting` stories (a word every story uses) are skipped: they cost time and
   * single out nothing.
   */
  candidates(keys: Iterable<string>, limit: number, maxPosting = 2000): IndexedCandidate[] {
    const shared = new Map<number, number>();
    for (const k of keys) {
      const posting = this.postings.get(k);
      if (!posting || posting.size > maxPosting) continue;
      for (const id of posting) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const out: IndexedCandidate[] = [];
    for (const [storyId, n] of shared) out.push({ storyId, shared: n });
    out.sort((a, b) => b.shared - a.shared || b.storyId - a.storyId);
    return out.length > limit ? out.slice(0, limit) : out;
  }

  private post(key: string, id: number): void {
    let set = this.postings.get(key);
    if (!set) this.postings.set(key, (set = new Set()));
    set.add(id);
  }

  private unpost(key: string, id: number): void {
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.postings.delete(key);
  }
}
