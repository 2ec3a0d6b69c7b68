/**
 * The politeness queue: one request at a time per host, a pause between two requests to one host, and a
 * cap on requests in flight overall. A news site does not notice one polite crawler; it notices eight
 * parallel ones hammering its CMS, and then it blocks the crawler's address for everyone.
 *
 * "Host" is URL.host (name and port): two outlets on one machine behind two ports are two sites.
 *
 * With `hostSlots` (several workers on one PostgreSQL database), a host's next request also waits for
 * a slot all processes share, so requests to it start at least the pause apart whichever worker makes
 * them. Within a process the queue still runs one request per host at a time.
 */
import type { HostSlots } from './types.ts';

export interface PolitenessOptions {
  /** Pause between the end of one request to a host and the start of the next. */
  minHostDelayMs: number;
  /** Requests in flight at once, all hosts together. */
  globalConcurrency: number;
  hostSlots?: HostSlots | null;
}

interface Job {
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

interface HostState {
  host: string;
  /** Jobs waiting their turn, oldest first. */
  jobs: Job[];
  /** A job of this host is waiting out its delay, waiting for a global slot, or running. */
  busy: boolean;
  /** When the last request to this host finished (0: never). */
  lastEnd: number;
  /** The pause this host asked for (Crawl-delay), when longer than ours. */
  delayMs: number;
  /** No request before this instant (Retry-After, backoff). */
  notBefore: number;
  timer: NodeJS.Timeout | null;
}

/** How many idle hosts we remember before forgetting the ones whose pause is long over. */
const PRUNE_ABOVE = 1_000;

export class PolitenessQueue {
  private readonly hosts = new Map<string, HostState>();
  /** Hosts whose next job may start now, waiting for a global slot. */
  private readonly ready: HostState[] = [];
  private active = 0;
  private closed = false;

  constructor(private readonly opts: PolitenessOptions) {}

  /** Run `task` when `host`'s turn comes; resolves or rejects as the task does. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the politeness queue is closed'));
    const state = this.stateOf(host);
    return new Promise<T>((resolve, reject) => {
      state.jobs.push({ task, resolve: resolve as (v: unknown) => void, reject });
      this.pump(state);
    });
  }

  /** Raise a host's pause (robots.txt Crawl-delay); it never drops below minHostDelayMs. */
  setHostDelay(host: string, delayMs: number): void {
    this.stateOf(host).delayMs = Math.max(0, delayMs);
  }

  /** Hold every request to `host` until `untilMs` (epoch ms), e.g. after a Retry-After. */
  postpone(host: string, untilMs: number): void {
    const state = this.stateOf(host);
    state.notBefore = Math.max(state.notBefore, untilMs);
  }

  /** Reject everything still waiting and stop timers; running tasks finish on their own. */
  close(): void {
    this.closed = true;
    this.ready.length = 0;
    for (const state of this.hosts.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      for (const job of state.jobs.splice(0)) job.reject(new Error('the fetcher was closed'));
    }
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      if (this.hosts.size >= PRUNE_ABOVE) this.prune();
      state = { host, jobs: [], busy: false, lastEnd: 0, delayMs: 0, notBefore: 0, timer: null };
      this.hosts.set(host, state);
    }
    return state;
  }

  private earliestStart(state: HostState): number {
    const pause = Math.max(this.opts.minHostDelayMs, state.delayMs);
    return Math.max(state.lastEnd === 0 ? 0 : state.lastEnd + pause, state.notBefore);
  }

  /** Move a host's next job forward: wait out its pause, then queue for a global slot. */
  private pump(state: HostState): void {
    if (this.closed || state.busy || state.jobs.length === 0) return;
    state.busy = true;
    this.whenDue(state);
  }

  private whenDue(state: HostState): void {
    const wait = this.earliestStart(state) - Date.now();
    if (wait > 0) {
      // Re-checked when the timer fires, since a Retry-After may have pushed the start further.
      state.timer = setTimeout(() => {
        state.timer = null;
        this.whenDue(state);
      }, wait);
      return;
    }
    this.admit(state);
  }

  /** Queue a due host for a global slot, once the slot shared with other processes (if any) comes. */
  private admit(state: HostState): void {
    const shared = this.opts.hostSlots;
    const enqueue = () => {
      state.timer = null;
      if (this.closed) return;
      this.ready.push(state);
      this.drain();
    };
    if (!shared) return enqueue();
    const pause = Math.max(this.opts.minHostDelayMs, state.delayMs);
    // A database that cannot answer costs the shared spacing, not the crawl: the local pause still holds.
    shared.reserve(state.host, pause).catch(() => 0).then((wait) => {
      if (wait > 0) state.timer = setTimeout(enqueue, wait);
      else enqueue();
    });
  }

  private drain(): void {
    while (!this.closed && this.active < this.opts.globalConcurrency && this.ready.length > 0) {
      this.start(this.ready.shift()!);
    }
  }

  private start(state: HostState): void {
    const job = state.jobs.shift();
    if (!job) {
      state.busy = false;
      return;
    }
    this.active++;
    const finish = () => {
      this.active--;
      state.lastEnd = Date.now();
      state.busy = false;
      this.drain();
      this.pump(state);
    };
    // A task that throws synchronously is still a settled job, not a stuck host.
    Promise.resolve()
      .then(job.task)
      .then(
        (value) => {
          finish();
          job.resolve(value);
        },
        (err: unknown) => {
          finish();
          job.reject(err);
        },
      );
  }

  private prune(): void {
    const now = Date.now();
    for (const [host, state] of this.hosts) {
      if (!state.busy && state.jobs.length === 0 && this.earliestStart(state) < now) this.hosts.delete(host);
    }
  }
}
