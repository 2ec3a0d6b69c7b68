// One article's placement: its original (if it copies one), its story and its "read also" stories,
// decided against the memory of one day (a `DayMemory`: the clusterer that day started from, see
// story-window.ts `dayState`, with that day's earlier articles added) and the copy index. Story ids
// here are refs (story-window.ts), the same across the days' clusterers; stories.ts maps them to the
// store's.
import type { WireCredit } from '../model/index.ts';
import {
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  StoryClusterer,
  findOriginal,
  matchCopies,
  relatedStories,
  type ArticleFeatures,
  type CopyIndex,
} from '../stories/index.ts';
import { type StoryKey, type StoryRef, type WindowEntry, analyzedOf, dayState, indexCopy, keyOf } from './story-window.ts';

/** The clusterer of one day, and what its story numbers stand for. */
export interface DayMemory {
  /** Start of its day (ms). */
  day: number;
  clusterer: StoryClusterer;
  /** Clusterer story id → ref. */
  refs: StoryRef[];
  ids: Map<StoryKey, number>;
  /** Clusterer ids of the stories that took an article in it: their summaries are taken at its end. */
  touched: Set<number>;
}

/** The memory a day starts from: `dayState` of the articles placed in the RETAIN_DAYS before it. */
export type DayStart = ReturnType<typeof dayState>;

/** The memory `day` starts from, given its `dayState` (which it does not change). */
export function startDay(day: number, start: DayStart): DayMemory {
  const memory = { day, clusterer: StoryClusterer.fromJSON(start.state), refs: start.refs.slice(), ids: new Map<StoryKey, number>(), touched: new Set<number>() };
  rekey(memory);
  return memory;
}

/** Looks a day's stories up by key again: a story new to the store is keyed by its id once it has one. */
export function rekey(day: DayMemory): void {
  day.ids.clear();
  day.refs.forEach((r, n) => r && day.ids.set(keyOf(r), n));
}

/** What placing needs besides the day's memory. */
export interface PlaceContext {
  copies: CopyIndex;
  /** A placed article by id (the original a copy folds under), when memory holds it. */
  find(id: number): WindowEntry | undefined;
  /** The story a stored article outside memory is in. */
  storedStory(id: number): Promise<StoryRef | null>;
  /** The ref a story the clusterer just started takes: `previous` when it may be kept, else a new one. */
  claim(previous: StoryRef | null): StoryRef;
  /** Marks an entry whose placement changed. */
  touch(e: WindowEntry): void;
  /** Every entry in memory, for copies placed before their original. */
  entries: readonly WindowEntry[];
}

/**
 * Decides `e`'s original, story and related stories. `outOfTurn`: placed after articles published
 * later (assign), so it may be the original of copies placed before it, which are re-pointed to it.
 */
export async function placeEntry(e: WindowEntry, day: DayMemory, ctx: PlaceContext, outOfTurn: boolean): Promise<void> {
  const { clusterer } = day;
  const { prepared, asCopy } = e;
  const previous = e.story;
  ctx.touch(e);
  const original = findOriginal(asCopy, ctx.copies, prepared);
  // Only a credit (a dateline, "(واس)") names the source of a text; a mention in passing does not.
  e.agency = creditOf(prepared.agency);
  e.duplicateOf = null;
  e.created = false;
  e.outOfTurn = outOfTurn;
  let story: StoryRef | null = null;
  if (original) {
    const root = Number(original.originalId);
    story = ctx.find(root)?.story ?? (await ctx.storedStory(root));
    if (story) e.duplicateOf = root;
  } else if (outOfTurn) {
    const laterCopies = matchCopies(asCopy, ctx.copies, prepared).filter((m) =>
      m.publishedAt > e.time && m.meta.duplicateOf === undefined && (m.similarity >= NEAR_JACCARD || (m.containment >= NEAR_CONTAINMENT && m.containment > m.contained)));
    for (const m of laterCopies) {
      const copy = ctx.find(Number(m.id));
      if (!copy?.story) continue;
      story ??= copy.story;
      for (const c of [copy, ...ctx.entries.filter((x) => x.duplicateOf === copy.id)]) {
        c.duplicateOf = e.id;
        ctx.touch(c);
      }
      m.meta.duplicateOf = String(e.id);
    }
  }
  let own = story ? day.ids.get(keyOf(story)) : undefined;
  let features: ArticleFeatures | null = null;
  if (!story) {
    const added = clusterer.add(analyzedOf(e));
    own = added.storyId;
    features = added.features;
    e.created = added.created;
    story = day.refs[own] ?? claim(day, own, ctx.claim(previous));
    day.touched.add(own);
  }
  e.story = story;
  indexCopy(ctx.copies, e);
  // A copy was not clustered, so only it has no features yet.
  features ??= clusterer.features(analyzedOf(e));
  e.related = relatedStories(features, clusterer, { excludeStory: own ?? null }).map((r) => ({ story: day.refs[r.storyId]!, score: r.score }));
}

function claim(day: DayMemory, own: number, ref: StoryRef): StoryRef {
  day.refs[own] = ref;
  day.ids.set(keyOf(ref), own);
  return ref;
}

function creditOf(agency: { credited: boolean; code: string; name: string } | null): WireCredit | null {
  return agency?.credited ? { code: agency.code, name: agency.name } : null;
}

/**
 * Takes the summaries of the stories that took an article in `day` so far, as the store's story rows
 * should show them (a story's row is its summary after its last article); returns their refs.
 */
export function takeSummaries(day: DayMemory): StoryRef[] {
  const out: StoryRef[] = [];
  for (const own of day.touched) {
    const s = day.clusterer.story(own)?.summary();
    const ref = day.refs[own];
    if (!s || !ref) continue;
    ref.summary = {
      headline: s.headline,
      headline_article_id: s.headlineArticleId === '' ? null : Number(s.headlineArticleId),
      entities: s.entities.map((x) => ({ key: x.id, weight: x.weight })),
      last: s.lastSeen,
    };
    out.push(ref);
  }
  day.touched.clear();
  return out;
}
