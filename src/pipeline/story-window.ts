// What the story stage keeps of each placed article, and the two pure steps its exactness rests on:
// the memory a day starts from (`dayState`), which is a function of the articles of the RETAIN_DAYS
// before it and the stories they were placed in, and the store ids of the stories placed again
// (`voteIds`). See stories.ts for the stage itself.
import type { Article, WireCredit } from '../model/index.ts';
import {
  DocumentFrequencies,
  RETAIN_DAYS,
  Story,
  analyzeForStories,
  entityVector,
  prepareArticle,
  weighTerms,
  type AnalyzedArticle,
  type ClustererState,
  type CopyArticle,
  type CopyIndex,
  type PreparedArticle,
  type WeightedEntity,
} from '../stories/index.ts';

export const DAY_MS = 86_400_000;
/** How far back the memory a day starts from reaches: what the clusterer would still hold. */
export const CONTEXT_MS = RETAIN_DAYS * DAY_MS;

/**
 * A story as the stage knows it across the clusterers of successive days (each numbers its stories
 * afresh): by its store id once it has one. `id` is null for a story started since the last commit.
 */
export interface StoryRef {
  id: number | null;
  /** Creation order: stories new to the store get their ids in this order. */
  seq: number;
  /** The clusterer's summary after the story's last placed article, when it must be written. */
  summary: { headline: string; headline_article_id: number | null; entities: { key: string; weight: number }[]; last: number } | null;
  /** The row this stage last wrote for it, to write it again only when it changed. */
  row: string | null;
}

/** Stories with a store id are one story whichever ref names them; new ones are their ref. */
export type StoryKey = number | StoryRef;

export function keyOf(ref: StoryRef): StoryKey {
  return ref.id ?? ref;
}

/**
 * An article's analysis, compact: the term counts (the analyzer's order, which ties in the IDF
 * weighting follow) and the entities. About a kilobyte, against five for the analyzer's maps.
 */
interface Features {
  terms: string;
  counts: Float64Array;
  entities: WeightedEntity[];
}

/** One placed (or about to be placed) article, as the stage keeps it in memory: no text. */
export interface WindowEntry {
  id: number;
  url: string;
  title: string;
  time: number;
  asCopy: CopyArticle;
  features: Features;
  /** Fingerprint, shortness, words of a short text, agency: what copy detection derives. */
  prepared: PreparedArticle;
  // What was decided for it (the latest placement).
  story: StoryRef | null;
  duplicateOf: number | null;
  agency: WireCredit | null;
  created: boolean;
  related: { story: StoryRef; score: number }[];
  /** Placed by `assign` out of publication order: the next ordered pass places it again. */
  outOfTurn: boolean;
  /** What the store holds for it (store ids), null before its first save. */
  saved: { story: number; duplicateOf: number | null; related: string | null } | null;
  fingerprintSaved: boolean;
}

/** An entry for a stored article: analyzed and fingerprinted once (~4 ms), its text then dropped. */
export function newEntry(article: Article, storyOf: (id: number) => StoryRef): WindowEntry {
  const time = articleTime(article);
  const source = article.source_id === null ? undefined : String(article.source_id);
  const a = analyzeStored(article);
  const prepared = prepareArticle({ title: article.title, body: article.text });
  return {
    id: article.id, url: article.url, title: article.title, time,
    asCopy: { id: String(article.id), body: '', publishedAt: time, source },
    features: { terms: [...a.counts.keys()].join('\n'), counts: Float64Array.from(a.counts.values()), entities: a.entities },
    // A long text is matched on its fingerprint alone: its words are not worth keeping.
    prepared: prepared.short ? prepared : { ...prepared, words: [] },
    story: article.story_id === null ? null : storyOf(article.story_id),
    duplicateOf: article.duplicate_of, agency: null, created: false, related: [], outOfTurn: false,
    saved: article.story_id === null ? null : { story: article.story_id, duplicateOf: article.duplicate_of, related: null },
    fingerprintSaved: article.story_id !== null,
  };
}

/**
 * An article as clustering reads it. Its entities are the tagger's full ranking (entityWeights, which
 * analyzeForStories computes when given no tags, ~0.5 ms), as in eval/clustering.ts, not the stored
 * tags: those keep only what the article is about, and clustering on them measured B-cubed F1 0.760
 * and a follow-up hit rate of 0.68, against 0.779 and 0.82 with the full ranking.
 */
function analyzeStored(article: Article): AnalyzedArticle {
  return analyzeForStories({
    id: article.id,
    title: article.title,
    lead: article.lead,
    text: article.text,
    published: article.published_at ?? article.fetched_at,
    source: article.source_id,
  });
}

/** The time an article is placed at: published, or fetched when it gave no date. */
export function articleTime(article: Pick<Article, 'published_at' | 'fetched_at'>): number {
  return Date.parse(article.published_at ?? article.fetched_at);
}

/** The entry's analysis as the clusterer takes it. */
export function analyzedOf(e: WindowEntry): AnalyzedArticle {
  const { terms, counts, entities } = e.features;
  const map = new Map<string, number>();
  if (terms) terms.split('\n').forEach((t, i) => map.set(t, counts[i]!));
  return { id: e.id, title: e.title, source: e.asCopy.source ?? null, time: e.time, counts: map, titleCounts: new Map(), entities };
}

/**
 * The placement order: publication time, then URL. Not the store's id, which numbers articles in
 * the order workers happened to store them; the canonical URL is the same whoever fetched it.
 */
export function compareEntries(a: WindowEntry, b: WindowEntry): number {
  return a.time - b.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/** The start (ms) of the UTC day `time` falls in. */
export function dayStart(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** First index of `sorted` (in placement order) whose time is at or after `time`. */
export function lowerBound(sorted: readonly WindowEntry[], time: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds an entry's fingerprint to a copy index, as it was placed. */
export function indexCopy(copies: CopyIndex, e: WindowEntry): void {
  copies.add(String(e.id), e.prepared.fingerprint, e.time, {
    source: e.asCopy.source,
    agency: e.prepared.agency,
    duplicateOf: e.duplicateOf === null ? undefined : String(e.duplicateOf),
    words: e.prepared.short ? e.prepared.words : undefined,
  });
}

/**
 * The clusterer's state at the start of a day: `context` (the articles placed in the RETAIN_DAYS
 * before it, in order) put back into the stories they were placed in, each with its TF-IDF vector
 * under the document frequencies seen so far, as the clusterer would have added it. Copies are left
 * out, as they are on arrival. Stories are numbered in the order of their first article, and
 * `refs[n]` is clusterer story n's ref; so the state is a function of the context alone.
 */
export function dayState(context: Iterable<WindowEntry>): { state: ClustererState; refs: StoryRef[] } {
  const df = new DocumentFrequencies();
  const stories = new Map<StoryKey, Story>();
  const refs: StoryRef[] = [];
  let clock = -Infinity;
  for (const e of context) {
    clock = Math.max(clock, e.time);
    if (e.duplicateOf !== null || e.story === null) continue;
    const a = analyzedOf(e);
    df.observe(a.counts.keys());
    const key = keyOf(e.story);
    let story = stories.get(key);
    if (!story) {
      stories.set(key, (story = new Story(stories.size + 1)));
      refs[story.id] = e.story;
    }
    story.add({ id: a.id, title: a.title, source: a.source, time: a.time }, weighTerms(a.counts, df), entityVector(a.entities));
  }
  const state: ClustererState = { version: 1, clock, nextId: stories.size + 1, df: df.toJSON(), stories: [...stories.values()].map((s) => s.toJSON()) };
  return { state, refs };
}

/**
 * Store ids for the stories new since the last commit: each takes the store id most of its articles
 * had (so a story placed again keeps its address), unless a story that keeps it still holds
 * articles; the rest get null (a new id at commit). Stories are served in creation order.
 */
export function voteIds(entries: Iterable<WindowEntry>): Map<StoryRef, number | null> {
  const taken = new Set<number>();
  const members = new Map<StoryRef, WindowEntry[]>();
  for (const e of entries) {
    if (!e.story) continue;
    if (e.story.id !== null) {
      taken.add(e.story.id);
      continue;
    }
    const list = members.get(e.story);
    if (list) list.push(e);
    else members.set(e.story, [e]);
  }
  const out = new Map<StoryRef, number | null>();
  for (const [ref, list] of [...members].sort((a, b) => a[0].seq - b[0].seq)) {
    const votes = new Map<number, number>();
    for (const e of list) {
      const was = e.saved?.story;
      if (was !== undefined && !taken.has(was)) votes.set(was, (votes.get(was) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [id, n] of votes) if (best === null || n > votes.get(best)!) best = id;
    if (best !== null) taken.add(best);
    out.set(ref, best);
  }
  return out;
}

const RELEASED_FEATURES: Features = { terms: '', counts: new Float64Array(0), entities: [] };

/**
 * Frees an entry's analysis and fingerprint once no day to be placed needs them (a long rewind reads
 * weeks from the store): what is left is what its commit writes. Only for a fingerprint stored already.
 */
export function releaseEntry(e: WindowEntry): void {
  if (!e.fingerprintSaved) return;
  e.features = RELEASED_FEATURES;
  e.prepared = { fingerprint: { signature: new Uint32Array(0), size: 0, tokens: 0 }, short: false, words: [], agency: e.prepared.agency };
}
