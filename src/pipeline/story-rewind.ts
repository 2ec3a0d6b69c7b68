// Placing again: what the story stage does when an article arrives after later ones were placed
// (stories.ts explains why the stories then come out as one ordered pass makes them). A run starts
// at the start of the late article's day, from the memory that day starts from (rebuilt from the
// seven days before it), and places every placed article and every waiting one of each day in
// order, each day from its own rebuilt memory. It ends after the newest day, or at the first day
// start from which nothing can change: nothing waits after it, and nothing placed in the seven days
// before it was placed differently (`settled`), so that day starts from the same memory as before
// and everything from it on stands. Between waiting articles far apart it skips such days.
import type { Logger } from '../log/index.ts';
import { createCopyIndex, type CopyIndex } from '../stories/index.ts';
import type { DayMemory, PlaceContext } from './story-place.ts';
import { CONTEXT_MS, DAY_MS, type StoryKey, type StoryRef, type WindowEntry, compareEntries, dayStart, indexCopy, keyOf, lowerBound, releaseEntry, voteIds } from './story-window.ts';

/** What a run reads and changes of the stage's memory. */
export interface RewindHost {
  /** Every placed article from the start of memory on, in order. */
  readonly entries: readonly WindowEntry[];
  /** The earliest article placed out of turn since the last ordered pass (Infinity: none). */
  readonly outOfTurnSince: number;
  readonly log: Logger;
  /** The placed articles of [since, until), in order; those read from the store go in `outside`. */
  placedBetween(since: number, until: number, outside: Map<number, WindowEntry>): Promise<WindowEntry[]>;
  /** A placed article memory holds. */
  find(id: number): WindowEntry | undefined;
  storedStory(articleId: number): Promise<StoryRef | null>;
  newRef(): StoryRef;
  touch(e: WindowEntry): void;
  /** The memory `day` starts from, given the articles placed in the seven days before it. */
  startDay(day: number, context: () => WindowEntry[]): DayMemory;
  /** Places `e`; false when it failed (a waiting article stays waiting). */
  place(e: WindowEntry, day: DayMemory, ctx: PlaceContext): Promise<boolean>;
  /** Takes the summaries of a day's stories once it is placed. */
  endDay(day: DayMemory): void;
}

/** One run: what it placed, and where it stopped. */
export interface Run {
  start: number;
  /** The day start it stopped at; null when it went through the newest day. */
  stop: number | null;
  /** The last day's memory: the live one when the run went through the newest day. */
  today: DayMemory | null;
  copies: CopyIndex;
  /** Its context (the seven days before `start`), then every article it placed or kept, in order. */
  work: WindowEntry[];
  contextEnd: number;
  /** Placed articles read from the store (published before memory), by id. */
  outside: Map<number, WindowEntry>;
  /** Waiting articles it placed. */
  fresh: WindowEntry[];
  /** Placed articles it placed again. */
  replaced: number;
}

/** Places again from the start of the day `start` is in, with `waiting` (in order) where they belong. */
export async function replaceFrom(host: RewindHost, start: number, waiting: readonly WindowEntry[]): Promise<Run> {
  const { entries } = host;
  const lastDay = entries.length ? dayStart(entries[entries.length - 1]!.time) : -Infinity;
  const outOfTurnDay = host.outOfTurnSince === Infinity ? Infinity : dayStart(host.outOfTurnSince);
  const outside = new Map<number, WindowEntry>();
  const work = await host.placedBetween(start - CONTEXT_MS, start, outside);
  const contextEnd = work.length;
  // Refs a story started again may not take over: those of stories placed in this run or before it.
  const used = new Set<StoryKey>();
  const copies = createCopyIndex();
  for (const e of work) {
    if (e.story) used.add(keyOf(e.story));
    indexCopy(copies, e);
  }
  const fresh: WindowEntry[] = [];
  const freshById = new Map<number, WindowEntry>();
  const ctx: PlaceContext = {
    copies,
    find: (id) => host.find(id) ?? outside.get(id) ?? freshById.get(id),
    storedStory: (id) => host.storedStory(id),
    // A story started again by an article placed before keeps that article's ref (and so its store
    // id) unless a story placed already holds it.
    claim: (previous) => (previous && !used.has(keyOf(previous)) ? previous : host.newRef()),
    touch: (e) => host.touch(e),
    entries,
  };
  const known = () => [...host.entries, ...outside.values(), ...fresh];
  let next = 0;
  let today: DayMemory | null = null;
  let replaced = 0;
  let stop: number | null = null;
  let released = 0;
  for (let day = start; ; ) {
    const end = day + DAY_MS;
    const placed = await host.placedBetween(day, end, outside);
    const arriving: WindowEntry[] = [];
    while (next < waiting.length && waiting[next]!.time < end) arriving.push(waiting[next++]!);
    if (placed.length || arriving.length) {
      if (today) host.endDay(today);
      today = host.startDay(day, () => work.slice(lowerBound(work, day - CONTEXT_MS)));
      for (const e of mergeSorted(placed, arriving)) {
        const was = e.saved !== null;
        if (!(await host.place(e, today, ctx))) continue;
        used.add(keyOf(e.story!));
        work.push(e);
        if (was) replaced++;
        else {
          fresh.push(e);
          freshById.set(e.id, e);
        }
      }
    }
    day = end;
    // A long run keeps of the articles it read from the store only what later days need.
    for (; released < work.length && work[released]!.time < day - CONTEXT_MS; released++) {
      if (outside.has(work[released]!.id)) releaseEntry(work[released]!);
    }
    if (next === waiting.length && day > lastDay) break;
    // From the day of an article placed out of turn on, every day is placed again: the newest
    // day's memory took that article out of order.
    if (day > outOfTurnDay || !settled(work, day, known)) continue;
    const pending = Math.min(next < waiting.length ? dayStart(waiting[next]!.time) : Infinity, outOfTurnDay);
    if (pending === Infinity) {
      stop = day;
      break;
    }
    if (pending > day) {
      // The days between keep their placements: only the seven before the next one are read.
      for (const e of await host.placedBetween(Math.max(day, pending - CONTEXT_MS), pending, outside)) {
        work.push(e);
        indexCopy(copies, e);
        if (e.story) used.add(keyOf(e.story));
      }
      day = pending;
    }
  }
  // Worth a line when it read days back from the store; placing memory's days again is routine.
  host.log(outside.size ? 'info' : 'debug', 'stories_rewound', {
    since: new Date(start).toISOString(), until: stop === null ? null : new Date(stop).toISOString(), replaced, placed: fresh.length, from_store: outside.size,
  });
  return { start, stop, today, copies, work, contextEnd, outside, fresh, replaced };
}

/**
 * A story's row is its summary after its last article. When a run took out of a story every article
 * of it that it placed, and the story's other articles all precede the run, that summary is the one
 * the day of the last of them ended with: the run must start there instead. Returns the earliest
 * such day, or null.
 */
export function orphanStart(entries: readonly WindowEntry[], run: Run): number | null {
  const votes = voteIds([...entries, ...run.outside.values(), ...run.fresh]);
  const idOf = (r: StoryRef | null) => (r === null ? null : r.id ?? votes.get(r) ?? null);
  // Stories that keep an article from the run's start on: placed (or kept) by it, or in memory after it.
  const kept = new Set<number | null>();
  for (let i = run.contextEnd; i < run.work.length; i++) kept.add(idOf(run.work[i]!.story));
  for (let i = lowerBound(entries, run.start); i < entries.length; i++) kept.add(idOf(entries[i]!.story));
  const lost = new Set<number>();
  for (let i = run.contextEnd; i < run.work.length; i++) {
    const saved = run.work[i]!.saved;
    if (saved && !kept.has(saved.story)) lost.add(saved.story);
  }
  let earliest: number | null = null;
  for (let i = run.contextEnd - 1; i >= 0 && lost.size; i--) {
    const id = idOf(run.work[i]!.story);
    if (id === null || !lost.delete(id)) continue;
    earliest = dayStart(run.work[i]!.time);
  }
  return earliest;
}

/**
 * Whether nothing placed in the seven days before `day` was placed differently from what the store
 * holds (story, original) and none of it is new: then `day` starts from the memory it started from
 * before, and everything from it on stands.
 */
function settled(work: readonly WindowEntry[], day: number, known: () => WindowEntry[]): boolean {
  const unsure: WindowEntry[] = [];
  for (let i = lowerBound(work, day - CONTEXT_MS); i < work.length && work[i]!.time < day; i++) {
    const e = work[i]!;
    if (!e.saved || !e.story || e.outOfTurn || e.saved.duplicateOf !== e.duplicateOf) return false;
    if (e.story.id === null) unsure.push(e);
    else if (e.story.id !== e.saved.story) return false;
  }
  if (!unsure.length) return true;
  // Stories new to the store: the id each would take.
  const votes = voteIds(known());
  return unsure.every((e) => votes.get(e.story!) === e.saved!.story);
}

/** Two lists in placement order, merged. */
export function mergeSorted(a: readonly WindowEntry[], b: readonly WindowEntry[]): WindowEntry[] {
  if (!b.length) return [...a];
  if (!a.length) return [...b];
  const out: WindowEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && compareEntries(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!);
  return out;
}
