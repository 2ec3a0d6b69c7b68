// One story as the clusterer holds it while it is recent: a truncated centroid, entity counts,
// first and last seen, outlets, members, and the headline (the title of its most central article).
import { norm } from './features.ts';
import { ENTITY_KEY_PREFIX } from './story-index.ts';
import { TermVector, dotVectors, termNumber, type DenseQuery } from './term-vector.ts';

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
  /** Heaviest first: [stem, weight]. */
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
  /** Sum of member vectors, truncated to CENTROID_TERMS, heaviest first. */
  centroid = TermVector.empty();
  centroidNorm = 0;
  readonly entities = new Map<string, number>();
  firstSeen = Infinity;
  lastSeen = -Infinity;
  articleCount = 0;
  /** Sum of member times, for the mean time. */
  timeSum = 0;
  readonly outlets = new Set<string>();
  readonly articleIds: (string | number)[] = [];
  headline = { id: '' as string | number, title: '', vector: TermVector.empty(), score: -Infinity };
  /** Entities heaviest first and their norm: scored against every article, so kept until they change. */
  private ranked: [string, number][] | null = null;
  private rankedIds: string[] | null = null;
  private entityLength = -1;

  constructor(readonly id: number) {}

  add(article: { id: string | number; title: string; source: string | null; time: number }, vector: TermVector, entities: Iterable<[string, number]>): void {
    const sum = this.centroidMap();
    for (let i = 0; i < vector.ids.length; i++) sum.set(vector.ids[i]!, (sum.get(vector.ids[i]!) ?? 0) + vector.weights[i]!);
    this.setCentroid(sum);
    for (const [id, w] of entities) this.entities.set(id, (this.entities.get(id) ?? 0) + w);
    this.entitiesChanged();
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
  similarity(vector: TermVector): number {
    return this.centroidNorm === 0 ? 0 : dotVectors(vector, this.centroid) / this.centroidNorm;
  }

  /** Cosine of the unit vector loaded in `query` with the centroid: the scoring loops' path. */
  similarityTo(query: DenseQuery): number {
    return this.centroidNorm === 0 ? 0 : query.dot(this.centroid) / this.centroidNorm;
  }

  /** Length of the entity vector. */
  get entityNorm(): number {
    if (this.entityLength < 0) this.entityLength = norm(this.entities);
    return this.entityLength;
  }

  /** Absorbs `other` (a late merge): sums, unions, and the more central headline of the two. */
  absorb(other: Story): void {
    const sum = this.centroidMap();
    const { ids, weights } = other.centroid;
    for (let i = 0; i < ids.length; i++) sum.set(ids[i]!, (sum.get(ids[i]!) ?? 0) + weights[i]!);
    this.setCentroid(sum);
    for (const [id, w] of other.entities) this.entities.set(id, (this.entities.get(id) ?? 0) + w);
    this.entitiesChanged();
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

  /** The keys the story is indexed under (term numbers): its heaviest terms and main entities. */
  indexKeys(): number[] {
    const keys = Array.from(this.centroid.ids.subarray(0, INDEX_TERMS));
    const ids = this.rankedEntityIds();
    for (let i = 0; i < ids.length && i < INDEX_ENTITIES; i++) keys.push(termNumber(ENTITY_KEY_PREFIX + ids[i]!));
    return keys;
  }

  mainEntities(k = INDEX_ENTITIES): { id: string; weight: number }[] {
    return this.rankedEntities()
      .slice(0, k)
      .map(([id, weight]) => ({ id, weight: Math.round(weight * 1000) / 1000 }));
  }

  /** Entity ids, heaviest first (the main ones lead; kept until the entities change). */
  rankedEntityIds(): readonly string[] {
    return (this.rankedIds ??= this.rankedEntities().map(([id]) => id));
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
      centroid: this.centroid.entries(),
      entities: [...this.entities],
      firstSeen: this.firstSeen,
      lastSeen: this.lastSeen,
      articleCount: this.articleCount,
      timeSum: this.timeSum,
      outlets: [...this.outlets],
      articleIds: [...this.articleIds],
      headline: { ...this.headline, vector: this.headline.vector.entries() },
    };
  }

  static fromJSON(state: StoryState): Story {
    const s = new Story(state.id);
    const sum = new Map<number, number>();
    for (const [t, w] of state.centroid) sum.set(termNumber(t), w);
    s.setCentroid(sum);
    for (const [id, w] of state.entities) s.entities.set(id, w);
    s.firstSeen = state.firstSeen;
    s.lastSeen = state.lastSeen;
    s.articleCount = state.articleCount;
    s.timeSum = state.timeSum;
    for (const o of state.outlets) s.outlets.add(o);
    s.articleIds.push(...state.articleIds);
    s.headline = { ...state.headline, vector: TermVector.fromEntries(state.headline.vector) };
    return s;
  }

  private rankedEntities(): [string, number][] {
    return (this.ranked ??= [...this.entities].sort((a, b) => b[1] - a[1]));
  }

  private entitiesChanged(): void {
    this.ranked = null;
    this.rankedIds = null;
    this.entityLength = -1;
  }

  private centroidMap(): Map<number, number> {
    const m = new Map<number, number>();
    const { ids, weights } = this.centroid;
    for (let i = 0; i < ids.length; i++) m.set(ids[i]!, weights[i]!);
    return m;
  }

  /** Keeps the heaviest terms, ordered heaviest first (indexKeys relies on the order). */
  private setCentroid(sum: Map<number, number>): void {
    this.centroid = TermVector.top(sum, CENTROID_TERMS);
    this.centroidNorm = this.centroid.norm();
  }

  /**
   * The headline is the title of the article closest to the centroid. Re-scoring every member on
   * each arrival would keep every member's vector; instead the current holder is re-scored against
   * the moved centroid and the newcomer challenges it, which is exact for the newcomer and close
   * enough for the rest (a member passed over once rarely becomes the most central later).
   */
  private updateHeadline(article: { id: string | number; title: string }, vector: TermVector): void {
    const held = this.headline.title ? this.similarity(this.headline.vector) : -Infinity;
    const mine = article.title.trim() ? this.similarity(vector) : -Infinity;
    if (mine > held || !this.headline.title) {
      this.headline = { id: article.id, title: article.title, vector: vector.head(HEADLINE_TERMS), score: mine };
    } else {
      this.headline.score = held;
    }
  }
}
