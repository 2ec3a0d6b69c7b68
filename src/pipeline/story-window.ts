// The story stage's reorder window: the articles placed since its base state, kept in memory with
// what was decided for each and what the store holds, so that an article arriving late (published
// before articles already placed) can be placed where it belongs in date order and everything after
// it placed again, in memory, writing only what changed. See stories.ts for the stage itself.
import type { Article, ArticleTag, WireCredit } from '../model/index.ts';
import {
  DocumentFrequencies,
  RETAIN_DAYS,
  Story,
  entityVector,
  weighTerms,
  type AnalyzedArticle,
  type ClustererState,
  type CopyArticle,
  type PreparedArticle,
} from '../stories/index.ts';
import { DAY_MS, analyzeStored } from './story-replay.ts';

/** One placed (or about to be placed) article of the window. Story ids are the clusterer's. */
export interface WindowEntry {
  article: Article;
  tags: readonly ArticleTag[];
  time: number;
  asCopy: CopyArticle;
  /** Computed once, reused by every replacement. */
  analyzed?: AnalyzedArticle;
  prepared?: PreparedArticle;
  story: number;
  duplicateOf: number | null;
  agency: WireCredit | null;
  created: boolean;
  related: { storyId: number; score: number }[];
  /** What the store holds for it (store ids), null before its first save. */
  saved: { story: number; duplicateOf: number | null; related: string | null } | null;
  fingerprintSaved: boolean;
}

export function newEntry(article: Article, tags: readonly ArticleTag[], reuse?: WindowEntry): WindowEntry {
  const time = Date.parse(article.published_at ?? article.fetched_at);
  return {
    article, tags, time,
    asCopy: { id: String(article.id), title: article.title, body: article.text, publishedAt: time, source: article.source_id === null ? undefined : String(article.source_id) },
    analyzed: reuse?.analyzed, prepared: reuse?.prepared,
    story: 0, duplicateOf: null, agency: null, created: false, related: [],
    saved: article.story_id === null ? null : { story: article.story_id, duplicateOf: article.duplicate_of, related: null },
    fingerprintSaved: article.story_id !== null,
  };
}

export function analyzedOf(e: WindowEntry): AnalyzedArticle {
  return (e.analyzed ??= analyzeStored(e.article, e.tags));
}

/**
 * The placement order: publication time, then URL. Not the store's id, which numbers articles in
 * the order workers happened to store them; the canonical URL is the same whoever fetched it.
 */
export function compareEntries(a: WindowEntry, b: WindowEntry): number {
  return a.time - b.time || (a.article.url < b.article.url ? -1 : a.article.url > b.article.url ? 1 : 0);
}

/** The clusterer state and story ids before the window: every placed article published before `until`. */
export interface WindowBase {
  state: ClustererState;
  /** Clusterer story id → store id, for the stories in `state`. */
  ids: Map<number, number>;
  until: number;
}

/**
 * Moves the window's entries published before `until` into the base, as replay would have built it
 * had they been stored when it ran (story-replay.ts): each goes back into the story it was placed in.
 */
export function settle(base: WindowBase, entries: readonly WindowEntry[], until: number, toStore: (story: number) => number): WindowBase {
  const df = DocumentFrequencies.fromJSON(base.state.df);
  const stories = new Map(base.state.stories.map((s) => [s.id, Story.fromJSON(s)]));
  const ids = new Map(base.ids);
  let clock = base.state.clock;
  let nextId = base.state.nextId;
  for (const e of entries) {
    clock = Math.max(clock, e.time);
    if (e.duplicateOf !== null || e.story <= 0) continue;
    const a = analyzedOf(e);
    df.observe(a.counts.keys());
    let story = stories.get(e.story);
    if (!story) stories.set(e.story, (story = new Story(e.story)));
    story.add({ id: a.id, title: a.title, source: a.source, time: a.time }, weighTerms(a.counts, df), entityVector(a.entities));
    ids.set(e.story, toStore(e.story));
    nextId = Math.max(nextId, e.story + 1);
  }
  for (const [id, s] of stories) if (s.lastSeen < clock - RETAIN_DAYS * DAY_MS) stories.delete(id);
  return { state: { version: 1, clock, nextId, df: df.toJSON(), stories: [...stories.values()].map((s) => s.toJSON()) }, ids, until };
}

/**
 * Store ids for the stories the window started, after it was placed again: each keeps the store id
 * most of its articles had (so story pages keep their address), and a story new to the store gets
 * the next free id. Returns the map and the store ids no story holds any more.
 */
export function storeIds(base: WindowBase, window: readonly WindowEntry[], nextFree: () => number): { ids: Map<number, number>; retired: number[] } {
  const ids = new Map(base.ids);
  const taken = new Set(base.ids.values());
  const members = new Map<number, WindowEntry[]>();
  for (const e of window) {
    if (e.story <= 0 || ids.has(e.story)) continue;
    const list = members.get(e.story);
    if (list) list.push(e);
    else members.set(e.story, [e]);
  }
  for (const [story, list] of [...members].sort((a, b) => a[0] - b[0])) {
    const votes = new Map<number, number>();
    for (const e of list) {
      const was = e.saved?.story;
      if (was !== undefined && !taken.has(was)) votes.set(was, (votes.get(was) ?? 0) + 1);
    }
    let best: number | null = null;
    for (const [id, n] of votes) if (best === null || n > votes.get(best)!) best = id;
    const id = best ?? nextFree();
    ids.set(story, id);
    taken.add(id);
  }
  const retired = new Set<number>();
  for (const e of window) if (e.saved && !taken.has(e.saved.story) && e.saved.story > 0) retired.add(e.saved.story);
  // A story only known from the store (a copy's original's, outside memory) is in use when named.
  for (const e of window) if (e.story < 0) retired.delete(-e.story);
  return { ids, retired: [...retired] };
}
