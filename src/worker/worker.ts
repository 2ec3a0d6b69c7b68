// One `marsad worker`: claim due sources, poll them, let the lease go; on SIGTERM stop claiming,
// give in-flight polls a grace period, release what is left. Any number of workers share one
// PostgreSQL database this way (DESIGN.md, "Scale-out"); a worker that dies without releasing costs
// its sources one lease period, after which another worker claims them. A poll that runs longer
// than expected (a slow outlet, many new pages) keeps its lease: it is renewed every third of the
// lease period while the poll runs, so a live worker's source is never polled twice at once.
import { hostname } from 'node:os';
import type { PollDeps, PollResult } from '../pipeline/poll-source.ts';
import { pollSource } from '../pipeline/poll-source.ts';
import type { Source } from '../model/index.ts';
import { sleep } from './sleep.ts';

/** A name for this worker in leases and logs: host and process id, unique among live workers. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

export interface WorkerOptions {
  workerId: string;
  /** How long a claim holds; longer than a poll takes (a full poll is MAX_NEW_PAGES_PER_POLL pages). */
  leaseSeconds: number;
  /** Sources polled at once by this worker. */
  concurrency: number;
  /** Pause when nothing is due, before claiming again. */
  idleMs: number;
  /** After the signal, how long in-flight polls may run before their sources are released. */
  graceMs: number;
  signal: AbortSignal;
}

export interface WorkerReport {
  polled: number;
  new_articles: number;
  /** Sources whose polls were still running when the grace period ended, released unfinished. */
  released: number;
}

/** Claim → poll → release until `signal`; resolves once in-flight work is finished or released. */
export async function runWorker(deps: PollDeps, opts: WorkerOptions): Promise<WorkerReport> {
  const { store, log } = deps;
  const now = deps.now ?? (() => new Date());
  const inFlight = new Map<number, Promise<void>>();
  const report: WorkerReport = { polled: 0, new_articles: 0, released: 0 };
  const aborted = abortion(opts.signal);
  const renewal = setInterval(() => void renewLeases(), (opts.leaseSeconds * 1000) / 3);
  renewal.unref();
  const renewLeases = async () => {
    for (const id of [...inFlight.keys()]) {
      const held = await store.renewLease(id, opts.workerId, now(), opts.leaseSeconds).catch((err: Error) => {
        log('warn', 'lease_renewal_failed', { source_id: id, worker: opts.workerId, error: err.message });
        return true; // a hiccup, not a loss: the lease may well still hold
      });
      if (!held && inFlight.has(id)) log('warn', 'lease_lost', { source_id: id, worker: opts.workerId });
    }
  };

  const poll = (source: Source) => {
    const done = pollSource(source, deps)
      .then((result: PollResult) => {
        report.polled++;
        report.new_articles += result.new_articles;
      })
      .catch((err: Error) => log('error', 'poll_crashed', { source_id: source.id, error: err.message }))
      // recordPoll already ended the lease; this covers a poll that could not record its outcome.
      .then(() => store.releaseSource(source.id, opts.workerId))
      .then(() => undefined, () => undefined)
      .finally(() => inFlight.delete(source.id));
    inFlight.set(source.id, done);
  };

  while (!opts.signal.aborted) {
    const free = opts.concurrency - inFlight.size;
    let claimed: Source[] = [];
    if (free > 0) {
      try {
        // Only as many as there are free slots: the rest stay claimable by idle workers.
        claimed = await store.claimDueSources(opts.workerId, now(), free, opts.leaseSeconds);
      } catch (err) {
        // A database hiccup costs a pause, not the process.
        log('error', 'claim_failed', { worker: opts.workerId, error: (err as Error).message });
      }
    }
    for (const source of claimed) poll(source);
    if (claimed.length > 0 && inFlight.size < opts.concurrency) continue;
    if (inFlight.size >= opts.concurrency) await Promise.race([...inFlight.values(), aborted]);
    else await sleep(opts.idleMs, opts.signal);
  }

  // Stopping: no new claims; what is running gets the grace period (its leases still renewed).
  const stopping = [...inFlight.keys()];
  if (stopping.length) log('info', 'worker_stopping', { worker: opts.workerId, in_flight: stopping.length, grace_ms: opts.graceMs });
  await Promise.race([Promise.all(inFlight.values()), delay(opts.graceMs)]);
  clearInterval(renewal);
  for (const id of [...inFlight.keys()]) {
    // Released unfinished: its schedule is untouched, so another worker polls it at once.
    if (await store.releaseSource(id, opts.workerId).catch(() => false)) report.released++;
  }
  log('info', 'worker_stopped', { worker: opts.workerId, ...report });
  return report;
}

function abortion(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
