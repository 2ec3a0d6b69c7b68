// One story as the clusterer holds it while it is recent: a truncated centroid, entity counts,
// first and last seen, outlets, members, and the headline (the title of its most central article).
import { dot, norm, topEntries, type SparseVector } from './features.ts';
import { ENTITY_KEY_PREFIX } from './story-index.ts';

/** Centroid terms kept per story: enough to score against, bounded however large the story grows. */
export const CENTROID_TERMS = 200;
/** Of those, the heaviest few the story is indexed under. */
export const INDEX_TERMS = 40;
/** Entities the story is indexed under, and its "main entities". */
export const INDEX_ENTITIES = 8;
/** Terms of the headline article's vector kept to re-check its centrality as the story grows. */
const HEADLINE_TERMS = 60;

/** A story's public record: what the store keeps on its story row. */
export interface StorySummary {
  id: number;
  headline: string;
  headlineArticleId: string | number;
  /** Epoch milliseconds of the first and last article. */
  firstSeen: number;
  lastSeen: number;
  articleCount: number;
  outletCount: number;
  /** Main entities, heaviest first, with their summed weights. */
  entities: { id: string; weight: number }[];
}

/** Everything needed to rebuild a Story exactly (JSON-safe). */
export interface StoryState {
  id: number;
  centroid: [string, number][];
  entities: [string, number][];
  firstSeen: number;
  lastSeen: number;
  articleCount: number;
  timeSum: number;
  outlets: string[];
  articleIds: (string | number)[];
  headline: { id: string | number; title: string; vector: [string, number][]; score: number };
}

export class Story {
  /** Sum of member vectors, truncated to CENTROID_TERMS. */
  centroid: SparseVector = new Map();
  centroidNorm = 0;
  readonly entities = new Map<string, number>();
  firstSeen = Infinity;
  lastSeen = -Infinity;
  articleCount = 0;
  /** Sum of member times, for the mean time. */
  timeSum = 0;
  readonly outlets = new Set<string>();
  readonly articleIds: (string | number)[] = [];
  headline = { id: '' as string | number, title: '', vector: new Map() as SparseVector, score: -Infinity };

  constructor(readonly id: number) {}

  add(article: { id: string | number; title: string; source: string | null; time: number }, vector: SparseVector, entities: Iterable<[string, number]>): void {
    const sum = new Map(this.centroid);
    for (const [t, w] of vector) sum.set(t, (sum.get(t) ?? 0) + w);
    this.setCentroid(sum);
    for (const [id, w] of entities) this.entities.set(id, (this.entities.get(id) ?? 0) + w);
    this.firstSeen = Math.min(this.firstSeen, article.time);
    this.lastSeen = Math.max(this.lastSeen, article.time);
    this.articleCount++;
    this.timeSum += article.time;
    if (article.source) this.outlets.add(article.source);
    this.articleIds.push(article.id);
    this.updateHeadline(article, vector);
  }

  get meanTime(): number {
    return this.articleCount ? this.timeSum / this.articleCount : this.firstSeen;
  }

  /** Cosine of a unit vector with the centroid. */
  similarity(vector: SparseVector): number {
    return this.centroidNorm === 0 ? 0 : dot(vector, this.centroid) / this.centroidNorm;
  }

  /** Absorbs `other` (a late merge): sums, unions, and the more central headline of the two. */
  absorb(other: Story): void {
    const sum = new Map(this.centroid);
    for (const [t, w] of other.centroid) sum.set(t, (sum.get(t) ?? 0) + w);
    this.setCentroid(sum);
    for (const [id, w] of other.entities) this.entities.set(id, (this.entities.get(id) ?? 0) + w);
    this.firstSeen = Math.min(this.firstSeen, other.firstSeen);
    this.lastSeen = Math.max(this.lastSeen, other.lastSeen);
    this.articleCount += other.articleCount;
    this.timeSum += other.timeSum;
    for (const o of other.outlets) this.outlets.add(o);
    this.articleIds.push(...other.articleIds);
    const mine = this.similarity(this.headline.vector);
    const theirs = this.similarity(other.headline.vector);
    this.headline = theirs > mine ? { ...other.headline, score: theirs } : { ...this.headline, score: mine };
  }

  /** The keys the story is indexed under: its heaviest terms and main entities. */
  indexKeys(): string[] {
    const keys = [...this.centroid.keys()].slice(0, INDEX_TERMS);
    for (const e of this.mainEntities()) keys.push(ENTITY_KEY_PREFIX + e.id);
    return keys;
  }

  mainEntities(k = INDEX_ENTITIES): { id: string; weight: number }[] {
    return [...this.entities]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([id, weight]) => ({ id, weight: Math.round(weight * 1000) / 1000 }));
  }

  summary(): StorySummary {
    return {
      id: this.id,
      headline: this.headline.title,
      headlineArticleId: this.headline.id,
      firstSeen: this.firstSeen,
      lastSeen: this.lastSeen,
      articleCount: this.articleCount,
      outletCount: this.outlets.size,
      entities: this.mainEntities(),
    };
  }

  toJSON(): StoryState {
    return {
      id: this.id,
      centroid: [...this.centroid],
      entities: [...this.entities],
      firstSeen: this.firstSeen,
      lastSeen: this.lastSeen,
      articleCount: this.articleCount,
      timeSum: this.timeSum,
      outlets: [...this.outlets],
      articleIds: [...this.articleIds],
      headline: { ...this.headline, vector: [...this.headline.vector] },
    };
  }

  static fromJSON(state: StoryState): Story {
    const s = new Story(state.id);
    s.setCentroid(new Map(state.centroid));
    for (const [id, w] of state.entities) s.entities.set(id, w);
    s.firstSeen = state.firstSeen;
    s.lastSeen = state.lastSeen;
    s.articleCount = state.articleCount;
    s.timeSum = state.timeSum;
    for (const o of state.outlets) s.outlets.add(o);
    s.articleIds.push(...state.articleIds);
    s.headline = { ...state.headline, vector: new Map(state.headline.vector) };
    return s;
  }

  /** Keeps the heaviest terms, ordered heaviest first (indexKeys relies on the order). */
  private setCentroid(sum: Map<string, number>): void {
    const entries = [...sum].sort((a, b) => b[1] - a[1]);
    if (entries.length > CENTROID_TERMS) entries.length = CENTROID_TERMS;
    this.centroid = new Map(entries);
    this.centroidNorm = norm(this.centroid);
  }

  /**
   * The headline is the title of the article closest to the centroid. Re-scoring every member on
   * each arrival would keep every member's vector; instead the current holder is re-scored against
   * the moved centroid and the newcomer challenges it, which is exact for the newcomer and close
   * enough for the rest (a member passed over once rarely becomes the most central later).
   */
  private updateHeadline(article: { id: string | number; title: string }, vector: SparseVector): void {
    const held = this.headline.title ? this.similarity(this.headline.vector) : -Infinity;
    const mine = article.title.trim() ? this.similarity(vector) : -Infinity;
    if (mine > held || !this.headline.title) {
      this.headline = { id: article.id, title: article.title, vector: topEntries([...vector], HEADLINE_TERMS), score: mine };
    } else {
      this.headline.score = held;
    }
  }
}
