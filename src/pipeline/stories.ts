// The story stage: after an article is stored and tagged, find whether it is a syndicated copy,
// put it in a story, and choose its "read also" stories. The stages themselves are pure
// (src/stories); this file wires them to the store.
//
// For each article, one at a time:
//   1. Copy detection against the near-duplicate index (7 days). A copy gets `duplicate_of` its
//      original (the earliest published article with the same wire text, followed to its root) and
//      joins the original's story; it is not clustered, so wire text told five times does not pull
//      a story's centroid towards itself.
//   2. Otherwise the clusterer puts it in the best recent story or starts one.
//   3. Up to five related stories (±7 days, never its own) are chosen for the article page.
//
// What the stories are a function of. The clusterer is online: what it decides depends on what it
// saw before. So articles are placed in one order, publication time then URL (story-window.ts), and
// each UTC day starts from a clusterer rebuilt from the articles placed in the RETAIN_DAYS (7) before
// it (`dayState`: the stories they were placed in, document frequencies counted over them alone);
// copy detection only ever compares articles within seven days of each other. The day's articles
// are then placed one by one. So an article's placement is a function of the articles before it that
// day and of those of the seven days before, with how those were placed; by induction from the first
// article, the stories are a function of the set of articles alone, whatever order they arrived in,
// whichever process placed them, however often it restarted. That is the bound, precisely: nothing
// older than the seven days before an article's day reaches its placement except through how those
// seven days were placed. (A clusterer left running remembers further: its document frequencies and
// a long story's centroid hold every article since it started, so its stories depend on when it
// started. Rebuilding each day is what makes them the articles'. Over a span of seven days or less
// the two are the same: on the 3-day gold set, identical stories.) A store placed by an earlier
// version keeps its stories until a late article makes a run place them again.
//
// An article that arrives after later ones were placed is placed where it belongs: everything from
// the start of its day is placed again, day by day, until a day starts whose seven days before hold
// nothing placed differently (from there on nothing can change) with nothing left waiting; then the
// assignments, story rows and "read also" lists that changed are written, in one transaction. So an
// article two years late costs its own day and the week or so after it, not the two years since.
// Days in memory are placed again there; days before are read back from the store and analyzed again
// (story-replay.ts, ~4 ms an article). Memory holds every placed article from `lo` on without its
// text (~3 KB each): the last MAX_WINDOW or so (whole days) and the seven days before them.
//
// Story ids keep the store id most of their articles had, so a story's address survives a
// replacement (story-window.ts, `voteIds`). A story's row shows its summary after its last article.
//
// `placeBacklog` places every waiting article this way: `marsad import`, a start after a crash, and
// the worker's story placer (src/worker/story-placer.ts), which holds the cross-process story lock
// and rebuilds the memory when another process placed stories since. `assign` places one article at
// once, as a single-process crawl stores it, so that it shows in a story while the round goes on: in
// order when it is the newest, else out of turn against the newest day's memory (a copy that arrived
// before its original is re-pointed to it). The round then ends with a `placeBacklog` pass
// (crawl.ts), which places again, in order, everything from the day of the earliest article `assign`
// placed out of turn to the newest: a single-process crawl ends each round with the stories of one
// ordered pass. An article older than memory is not placed at once but left to that pass.
import type { Logger } from '../log/index.ts';
import type { StoryUpdate, WireCredit } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { StoryBatch } from '../store/story-types.ts';
import { createCopyIndex, serializeFingerprint, type CopyIndex } from '../stories/index.ts';
import { type DayMemory, type DayStart, type PlaceContext, placeEntry, rekey, startDay, takeSummaries } from './story-place.ts';
import { anyPlaced, loadPlaced } from './story-replay.ts';
import { type RewindHost, type Run, mergeSorted, orphanStart, replaceFrom } from './story-rewind.ts';
import {
  CONTEXT_MS,
  DAY_MS,
  type StoryRef,
  type WindowEntry,
  articleTime,
  compareEntries,
  dayStart,
  dayState,
  indexCopy,
  lowerBound,
  newEntry,
  voteIds,
} from './story-window.ts';

/** Articles read from the store at a time. */
const READ_BATCH = 500;
/** Waiting articles placed in one pass (one transaction); a larger backlog takes several, in order. */
const PASS_ARTICLES = 5000;
/** Placed articles kept in memory besides the seven days before them (whole days): how far a rewind needs no store. */
const MAX_WINDOW = 5000;
/** Times a rewind starts earlier to retake the row of a story it emptied (see `orphanStart`). */
const MAX_RESTARTS = 3;

/** Serializes story assignment. */
export interface StoryLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** One process: a promise chain, so assignments run one after another in arrival order. */
export class InProcessLock implements StoryLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => {});
    return result;
  }
}

/** Where one article went. */
export interface StoryPlacement {
  article_id: number;
  story_id: number;
  created: boolean;
  duplicate_of: number | null;
  agency: WireCredit | null;
  related: number[];
}

export interface BacklogReport {
  placed: number;
  copies: number;
  failed: number;
  /** Articles placed again because an earlier one arrived after them. */
  replaced: number;
  ms: number;
}

export interface StoryStageOptions {
  log?: Logger;
  lock?: StoryLock;
}

/** What a rewind leaves to write besides memory's entries, and where it stopped (null: at the newest). */
interface Rewound {
  replaced: number;
  outside: WindowEntry[];
  stop: number | null;
}

export class StoryStage {
  /** Every placed article published from `lo` on, in placement order. */
  private entries: WindowEntry[] = [];
  private readonly byId = new Map<number, WindowEntry>();
  private lo = -Infinity;
  /** The newest day's memory, every entry of that day added; null until rebuilt (after a start). */
  private live: DayMemory | null = null;
  /** Copy index as of the newest entry. */
  private copies: CopyIndex = createCopyIndex();
  /** Refs of stored stories by store id. */
  private readonly refs = new Map<number, StoryRef>();
  private seq = 0;
  /**
   * The earliest time of an article `assign` placed out of turn since the last ordered pass, which
   * places everything from its day on again; Infinity when none. Kept across a rebuilt memory.
   */
  private outOfTurnSince = Infinity;
  private maxStoreId = 0;
  /** Articles whose placement threw: left waiting, and skipped by this stage from then on. */
  private readonly failed = new Set<number>();
  private needsRebuild = false;
  /** Entries placed (or re-pointed) since the last commit: the only ones whose writes may differ. */
  private readonly dirty = new Set<WindowEntry>();
  /** Stories whose summary was taken since the last commit: their rows may have changed. */
  private readonly rows = new Set<StoryRef>();
  /** The last day memory built (see `startDay`). */
  private lastStart: { day: number; start: DayStart } | null = null;

  private constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly lock: StoryLock,
  ) {}

  /**
   * Reads back the placed articles memory holds (the newest day and the seven before) and logs how
   * long it took. Articles still waiting for a story are placed by `placeBacklog`, which callers run
   * next.
   */
  static async open(store: Store, opts: StoryStageOptions = {}): Promise<StoryStage> {
    const stage = new StoryStage(store, opts.log ?? (() => {}), opts.lock ?? new InProcessLock());
    await stage.lock.run(async () => {
      const report = await stage.rebuild();
      stage.log('info', 'stories_replayed', { ...report });
    });
    return stage;
  }

  /**
   * Rebuilds the memory from the store, for a lock that finds, once held, that another process
   * assigned stories since this one last held it (src/worker/story-placer.ts). Runs inside the lock.
   */
  async reload(): Promise<void> {
    await this.rebuild();
  }

  /**
   * Places one stored (and tagged) article at once; the next `placeBacklog` puts it in order (see the
   * header). Null when there is no such article, it failed, or it is left to that pass (published
   * before memory).
   */
  assign(articleId: number): Promise<StoryPlacement | null> {
    return this.lock.run(() => this.guard(async () => {
      if (this.needsRebuild) await this.rebuild();
      const article = await this.store.getArticle(articleId);
      if (!article) return null;
      if (article.story_id !== null) return { article_id: article.id, story_id: article.story_id, created: false, duplicate_of: article.duplicate_of, agency: null, related: [] };
      const e = this.entryOf(article);
      if (!e || e.time < this.lo) return null;
      const last = this.entries[this.entries.length - 1];
      let rewound: Rewound = { replaced: 0, outside: [], stop: null };
      if (!last || compareEntries(e, last) > 0) {
        if (this.canAppend(e)) {
          await this.append(e);
        } else {
          rewound = await this.rewind(e.time, [e]);
        }
      } else {
        // The newest day's memory, rebuilt if need be (after a start) by placing that day again.
        if (!this.live) rewound = await this.rewind(dayStart(last.time), []);
        if (await this.placeLogged(e, this.live!, this.liveContext(), true)) {
          this.insert([e]);
          this.outOfTurnSince = Math.min(this.outOfTurnSince, e.time);
        }
      }
      if (!(await this.commit(rewound)) || this.failed.has(e.id)) return null;
      return this.placementOf(e);
    }));
  }

  /**
   * Places every article not yet in a story, in publication order: what an import stored, what a
   * crash left, what workers stored since the last pass. Articles published before ones already
   * placed are placed where they belong and the ones after them placed again (see the header).
   */
  placeBacklog(): Promise<BacklogReport> {
    return this.lock.run(() => this.guard(async () => {
      const started = performance.now();
      const report = { placed: 0, copies: 0, failed: 0, replaced: 0 };
      if (this.needsRebuild) await this.rebuild();
      for (;;) {
        const failedBefore = this.failed.size;
        const waiting = await this.readWaiting();
        report.failed += this.failed.size - failedBefore;
        if (waiting.length === 0 && this.outOfTurnSince === Infinity) break;
        let rewound: Rewound = { replaced: 0, outside: [], stop: null };
        const last = this.entries[this.entries.length - 1];
        if (this.outOfTurnSince === Infinity && (!last || compareEntries(waiting[0]!, last) > 0) && this.canAppend(waiting[0]!)) {
          for (const e of waiting) await this.append(e);
        } else {
          rewound = await this.rewind(Math.min(this.outOfTurnSince, waiting[0]?.time ?? Infinity), waiting);
        }
        const saved = await this.commit(rewound);
        // A rewind with articles placed out of turn goes on to the newest day: all are in order now.
        if (saved) this.outOfTurnSince = Infinity;
        for (const e of waiting) {
          if (!saved || this.failed.has(e.id)) report.failed++;
          else if (e.duplicateOf !== null) report.copies++;
          else report.placed++;
        }
        if (saved) report.replaced += rewound.replaced;
        if (!saved || waiting.length < PASS_ARTICLES) break;
        // SQLite answers synchronously: let a server placing a long backlog answer requests.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const out = { ...report, ms: Math.round(performance.now() - started) };
      if (report.placed || report.copies || report.failed || report.replaced) this.log('info', 'story_backlog_placed', out);
      return out;
    }));
  }

  /** Runs `work`; if it throws, memory may be half placed again: the next call rebuilds it. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      this.needsRebuild = true;
      throw err;
    }
  }

  /** Memory from the store: the placed articles of the newest day and the seven days before it. */
  private async rebuild() {
    this.lastStart = null;
    this.refs.clear();
    this.dirty.clear();
    this.rows.clear();
    this.live = null;
    this.needsRebuild = false;
    this.maxStoreId = await this.store.maxStoryId();
    // With nothing placed yet, memory is every article from the first (an import, a first crawl).
    this.lo = (await anyPlaced(this.store)) ? dayStart(await newestArticleTime(this.store)) - CONTEXT_MS : -Infinity;
    const { entries, report } = await loadPlaced(this.store, this.lo, Infinity, (id) => this.storyRef(id));
    this.entries = entries;
    this.byId.clear();
    for (const e of entries) this.byId.set(e.id, e);
    this.copies = createCopyIndex();
    for (const e of entries) indexCopy(this.copies, e);
    const stories = new Set(entries.filter((e) => e.duplicateOf === null).map((e) => e.saved!.story)).size;
    return { articles: report.clustered, stories, fingerprints: report.articles, ms: report.ms };
  }

  /** An entry for a waiting article (its analysis and fingerprint); null when that throws. */
  private entryOf(article: Parameters<typeof newEntry>[0]): WindowEntry | null {
    if (this.failed.has(article.id)) return null;
    try {
      return newEntry(article, (id) => this.storyRef(id));
    } catch (err) {
      this.failed.add(article.id);
      this.log('warn', 'story_failed', { article_id: article.id, error: (err as Error).message });
      return null;
    }
  }

  /** Up to PASS_ARTICLES waiting articles, in placement order. */
  private async readWaiting(): Promise<WindowEntry[]> {
    const out: WindowEntry[] = [];
    let after: { at: string; id: number } | null = null;
    while (out.length < PASS_ARTICLES) {
      const batch = await this.store.articlesWithoutStory(Math.min(READ_BATCH, PASS_ARTICLES - out.length), after);
      if (batch.length === 0) break;
      for (const a of batch) {
        const e = this.entryOf(a);
        if (e) out.push(e);
      }
      const last = batch[batch.length - 1]!;
      after = { at: last.published_at ?? last.fetched_at, id: last.id };
    }
    return out.sort(compareEntries);
  }

  /** Whether `e`, after every placed article, can be placed on the newest day's memory as it is. */
  private canAppend(e: WindowEntry): boolean {
    const last = this.entries[this.entries.length - 1];
    return this.live !== null || !last || dayStart(e.time) > dayStart(last.time);
  }

  /** Places `e`, published after every placed article, on the newest day's memory (a new day's if it starts one). */
  private async append(e: WindowEntry): Promise<boolean> {
    const day = dayStart(e.time);
    if (!this.live || day > this.live.day) {
      if (this.live) this.endDay(this.live);
      await this.extendTo(day - CONTEXT_MS);
      this.live = this.startDay(day, () => this.entries.slice(lowerBound(this.entries, day - CONTEXT_MS)));
    }
    if (!(await this.placeLogged(e, this.live, this.liveContext(), false))) return false;
    this.entries.push(e);
    this.byId.set(e.id, e);
    return true;
  }

  private liveContext(): PlaceContext {
    return {
      copies: this.copies,
      find: (id) => this.byId.get(id),
      storedStory: (id) => this.storedStory(id),
      claim: () => this.newRef(),
      touch: (e) => this.touch(e),
      entries: this.entries,
    };
  }

  /**
   * Places again everything from the start of `from`'s day, with `waiting` where they belong (see the
   * header), and takes the result into memory. When the run empties a story whose remaining articles
   * all precede it, it starts again from the day of the last of those, so that the story's row is
   * its summary after that article.
   */
  private async rewind(from: number, waiting: readonly WindowEntry[]): Promise<Rewound> {
    let start = dayStart(from);
    for (let attempt = 0; ; attempt++) {
      const run = await replaceFrom(this.host(), start, waiting);
      const earlier = attempt < MAX_RESTARTS ? orphanStart(this.entries, run) : null;
      if (earlier === null || earlier >= start) return this.adopt(run);
      // Back to what the store holds; the next run places them all again.
      for (let i = run.contextEnd; i < run.work.length; i++) {
        const e = run.work[i]!;
        e.story = e.saved ? this.storyRef(e.saved.story) : null;
        e.duplicateOf = e.saved?.duplicateOf ?? null;
      }
      this.rows.clear();
      start = earlier;
    }
  }

  private host(): RewindHost {
    return {
      entries: this.entries,
      outOfTurnSince: this.outOfTurnSince,
      log: this.log,
      placedBetween: (since, until, outside) => this.placedBetween(since, until, outside),
      find: (id) => this.byId.get(id),
      storedStory: (id) => this.storedStory(id),
      newRef: () => this.newRef(),
      touch: (e) => this.touch(e),
      startDay: (day, context) => this.startDay(day, context),
      place: (e, day, ctx) => this.placeLogged(e, day, ctx, false),
      endDay: (day) => this.endDay(day),
    };
  }

  /** Takes a run's result into memory; returns what the commit must write besides memory's entries. */
  private adopt(run: Run): Rewound {
    const outside = [...run.outside.values()];
    const inMemory: WindowEntry[] = [];
    for (const e of run.fresh) (e.time >= this.lo ? inMemory : outside).push(e);
    this.insert(inMemory);
    if (run.stop === null && run.today) {
      this.live = run.today;
      this.copies = run.copies;
    } else if (run.today) {
      // Stopped before the newest day, whose memory did not change (nothing in the seven days
      // before the stop did): the live memory stays.
      this.endDay(run.today);
    }
    return { replaced: run.replaced, outside, stop: run.stop };
  }

  /** The placed articles of [since, until), in order: memory's, and the store's before memory. */
  private async placedBetween(since: number, until: number, outside: Map<number, WindowEntry>): Promise<WindowEntry[]> {
    const out: WindowEntry[] = [];
    if (since < this.lo) {
      const { entries } = await loadPlaced(this.store, since, Math.min(until, this.lo), (id) => this.storyRef(id));
      for (const e of entries) {
        const seen = outside.get(e.id);
        if (seen) out.push(seen);
        else if (!this.failed.has(e.id)) {
          outside.set(e.id, e);
          out.push(e);
        }
      }
    }
    if (until > this.lo) out.push(...this.entries.slice(lowerBound(this.entries, Math.max(since, this.lo)), lowerBound(this.entries, until)));
    return out;
  }

  /**
   * Memory from `since` on, reading back the days before it holds (when the newest article stored is
   * still waiting, memory starts from its day, which may be after the newest placed one).
   */
  private async extendTo(since: number): Promise<void> {
    if (since >= this.lo) return;
    const { entries } = await loadPlaced(this.store, since, this.lo, (id) => this.storyRef(id));
    for (const e of entries) {
      this.byId.set(e.id, e);
      indexCopy(this.copies, e);
    }
    this.entries = [...entries, ...this.entries];
    this.lo = since;
  }

  /** Adds placed entries to memory where they belong. */
  private insert(added: readonly WindowEntry[]): void {
    if (!added.length) return;
    for (const e of added) this.byId.set(e.id, e);
    const last = this.entries[this.entries.length - 1];
    if (added.length === 1 && (!last || compareEntries(added[0]!, last) > 0)) this.entries.push(added[0]!);
    else this.entries = mergeSorted(this.entries, [...added].sort(compareEntries));
  }

  private async placeLogged(e: WindowEntry, day: DayMemory, ctx: PlaceContext, outOfTurn: boolean): Promise<boolean> {
    try {
      await placeEntry(e, day, ctx, outOfTurn);
      this.log('debug', 'story_assigned', { article_id: e.id, created: e.created, duplicate_of: e.duplicateOf });
      return true;
    } catch (err) {
      // A placed article that cannot be placed again leaves memory half placed: the caller rebuilds.
      if (e.saved) throw err;
      // The article stays waiting for a story; a rebuilt memory tries it again.
      this.failed.add(e.id);
      this.dirty.delete(e);
      e.story = null;
      this.log('warn', 'story_failed', { article_id: e.id, error: (err as Error).message });
      return false;
    }
  }

  /**
   * The memory `day` starts from. The last one built is kept while nothing placed before its day
   * changes: a pass that places the newest day again (articles of the same day arriving out of
   * order, the common case) then costs that day's articles, not the seven days before it.
   */
  private startDay(day: number, context: () => WindowEntry[]): DayMemory {
    if (this.lastStart?.day !== day) this.lastStart = { day, start: dayState(context()) };
    return startDay(day, this.lastStart.start);
  }

  /** Marks an entry placed (or re-pointed): written at the next commit, and the day memory it precedes rebuilt. */
  private touch(e: WindowEntry): void {
    this.dirty.add(e);
    if (this.lastStart && e.time < this.lastStart.day) this.lastStart = null;
  }

  /** Ends a day's memory: the summaries its stories have now are what their rows show. */
  private endDay(day: DayMemory): void {
    for (const ref of takeSummaries(day)) this.rows.add(ref);
  }

  /**
   * Writes what changed since the last commit, in one transaction; true when saved. When it fails,
   * nothing was written and the memory no longer matches the store: the next call rebuilds it.
   */
  private async commit(rewound: Rewound = { replaced: 0, outside: [], stop: null }): Promise<boolean> {
    if (this.live) this.endDay(this.live);
    const known = [...this.entries, ...rewound.outside];
    const ids = new Map<StoryRef, number>();
    for (const [ref, id] of voteIds(known)) ids.set(ref, id ?? ++this.maxStoreId);
    const idOf = (r: StoryRef) => r.id ?? ids.get(r) ?? null;
    const inUse = new Set<number>();
    for (const e of known) {
      const id = e.story && idOf(e.story);
      if (id != null) inUse.add(id);
    }
    const batch = { assignments: [] as Writable<'assignments'>, fingerprints: [] as Writable<'fingerprints'>, stories: [] as StoryUpdate[], related: [] as Writable<'related'> };
    const touched = new Set<number>();
    const retired = new Set<number>();
    const done: Array<() => void> = [];
    for (const e of this.dirty) {
      const story = e.story && idOf(e.story);
      if (story == null) continue;
      const related = e.related.flatMap((r) => {
        const id = idOf(r.story);
        return id === null ? [] : [{ story_id: id, score: r.score }];
      });
      const relatedKey = JSON.stringify(related);
      const { saved } = e;
      if (!saved || saved.story !== story || saved.duplicateOf !== e.duplicateOf) {
        batch.assignments.push({ article_id: e.id, story_id: story, duplicate_of: e.duplicateOf });
        touched.add(story);
        if (saved) touched.add(saved.story);
      }
      if (saved && !inUse.has(saved.story)) retired.add(saved.story);
      if (!e.fingerprintSaved) {
        batch.fingerprints.push({ article_id: e.id, fingerprint: serializeFingerprint(e.prepared.fingerprint), published_at: new Date(e.time).toISOString(), agency: e.agency });
      }
      if (saved?.related !== relatedKey) batch.related.push({ article_id: e.id, related });
      done.push(() => {
        e.saved = { story, duplicateOf: e.duplicateOf, related: relatedKey };
        e.fingerprintSaved = true;
      });
    }
    const continuing = await this.continuing(rewound.stop, idOf);
    const written = new Set<number>();
    for (const ref of this.rows) {
      const id = idOf(ref);
      if (id === null || !ref.summary || !inUse.has(id) || continuing.has(id) || written.has(id)) continue;
      const { headline, headline_article_id, entities } = ref.summary;
      const row = JSON.stringify([id, headline, headline_article_id, entities]);
      written.add(id);
      // Placed again as it was: neither its articles nor its summary changed.
      if (row === ref.row && !touched.has(id)) continue;
      batch.stories.push({ id, headline, headline_article_id, entities });
      done.push(() => (ref.row = row));
    }
    // Recounted; one no article is left in is then deleted (`retired`).
    for (const id of touched) if (!written.has(id)) batch.stories.push(await this.storedRow(id, known, idOf));
    try {
      if (batch.assignments.length || batch.fingerprints.length || batch.related.length || batch.stories.length || retired.size) {
        await this.store.saveStoryBatch({ ...batch, retired: [...retired] });
      }
    } catch (err) {
      this.needsRebuild = true;
      this.log('warn', 'story_batch_failed', { articles: batch.assignments.length, error: (err as Error).message });
      return false;
    }
    for (const [ref, id] of ids) {
      ref.id = id;
      this.refs.set(id, ref);
    }
    if (this.live && ids.size) rekey(this.live);
    for (const d of done) d();
    this.dirty.clear();
    this.rows.clear();
    this.settle();
    return true;
  }

  /**
   * Stories a rewind that stopped at `stop` placed articles in and that have articles after it: their
   * rows were written with their last article and stay.
   */
  private async continuing(stop: number | null, idOf: (r: StoryRef) => number | null): Promise<Set<number>> {
    const out = new Set<number>();
    if (stop === null) return out;
    for (let i = lowerBound(this.entries, stop); i < this.entries.length; i++) {
      const id = this.entries[i]!.story && idOf(this.entries[i]!.story!);
      if (id != null) out.add(id);
    }
    if (stop >= this.lo) return out;
    // Stopped before memory: a story goes on after `stop` only with an article in the seven days before.
    for (const ref of this.rows) {
      const id = idOf(ref);
      if (id === null || out.has(id) || !ref.summary || ref.summary.last < stop - CONTEXT_MS) continue;
      if ((await this.store.storyHeadlines(id)).some((a) => articleTime(a) >= stop)) out.add(id);
    }
    return out;
  }

  /** The row of a story whose summary was not taken (it only took copies, or lost articles): as stored. */
  private async storedRow(id: number, known: readonly WindowEntry[], idOf: (r: StoryRef) => number | null): Promise<StoryUpdate> {
    const stored = await this.store.getStory(id);
    if (stored) return { id, headline: stored.headline, headline_article_id: stored.headline_article_id, entities: stored.entities.map((e) => ({ key: e.key, weight: e.weight })) };
    const first = known.find((e) => e.story && idOf(e.story) === id);
    return { id, headline: first?.title ?? '', headline_article_id: first?.id ?? null, entities: [] };
  }

  /** Keeps memory to the last MAX_WINDOW or so placed articles (whole days) and the seven days before them. */
  private settle(): void {
    const n = this.entries.length;
    if (n <= MAX_WINDOW) return;
    const newest = dayStart(this.entries[n - 1]!.time);
    const from = Math.min(newest, dayStart(this.entries[n - MAX_WINDOW - 1]!.time) + DAY_MS);
    const lo = from - CONTEXT_MS;
    if (lo <= this.lo + DAY_MS) return; // a day at a time
    const cut = lowerBound(this.entries, lo);
    for (let i = 0; i < cut; i++) this.byId.delete(this.entries[i]!.id);
    this.entries = this.entries.slice(cut);
    this.lo = lo;
    this.refs.clear();
    for (const e of this.entries) if (e.story?.id != null) this.refs.set(e.story.id, e.story);
  }

  private storyRef(id: number): StoryRef {
    let ref = this.refs.get(id);
    if (!ref) this.refs.set(id, (ref = { id, seq: ++this.seq, summary: null, row: null }));
    return ref;
  }

  private newRef(): StoryRef {
    return { id: null, seq: ++this.seq, summary: null, row: null };
  }

  private async storedStory(articleId: number): Promise<StoryRef | null> {
    const a = await this.store.getArticle(articleId);
    return a?.story_id == null ? null : this.storyRef(a.story_id);
  }

  private placementOf(e: WindowEntry): StoryPlacement {
    return {
      article_id: e.id, story_id: e.story!.id!, created: e.created, duplicate_of: e.duplicateOf, agency: e.agency,
      related: e.related.flatMap((r) => (r.story.id === null ? [] : [r.story.id])),
    };
  }
}

type Writable<K extends 'assignments' | 'fingerprints' | 'related'> = Array<StoryBatch[K][number]>;

/** The newest article time in the store (ms), capped at now so a future-dated article cannot empty memory. */
async function newestArticleTime(store: Store): Promise<number> {
  const [newest] = await store.latestArticles({ limit: 1 });
  const now = Date.now();
  return newest ? Math.min(now, articleTime(newest)) : now;
}
