// The in-memory peers of the search benchmark, each in a child process (search-peer-child.ts) with
// a heap limit of its own: at 1M articles their indexes outgrow the default limit of one Node heap,
// and a peer that runs out of heap must end its own process, not the benchmark, with the heap it
// had reached on record.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PeerCommand, PeerKind, PeerMessage } from './search-peer-child.ts';
import type { Engine, Sample } from './search-engine.ts';

const CHILD = fileURLToPath(new URL('./search-peer-child.ts', import.meta.url));
/**
 * The heap each peer may grow to, MB (MARSAD_BENCH_PEER_HEAP_MB sets it). At 1M articles
 * MiniSearch's index took 6.1 GB and FlexSearch's 1.4 GB (peak RSS 6.7 and 2.1 GB); this leaves
 * room for the build's garbage while keeping both peers, PostgreSQL and the page cache of the
 * SQLite and PostgreSQL files within this 24 GB machine.
 */
const DEFAULT_HEAP_MB = 11_000;
/**
 * The start of the child's stderr kept for the report: when V8 runs out of heap it prints its last
 * collections (the heap before and after each, MB) and the reason there, and a native stack after.
 */
const STDERR_HEAD = 800;

export interface PeerFailure {
  error: string;
  /** How far the build got, and the heap it held then, from the child's last report. */
  docs_added: number;
  heap_mb_at_last_report: number;
  rss_mb_at_last_report: number;
  heap_limit_mb: number;
  stderr: string;
}

/** Start a peer's child, wait for its index over `total` articles, and measure through it. */
export async function startPeer(kind: PeerKind, corpusPath: string, limit: number, total: number, log: (line: string) => void): Promise<Engine | PeerFailure> {
  const heapLimit = Number(process.env.MARSAD_BENCH_PEER_HEAP_MB) || DEFAULT_HEAP_MB;
  const child = fork(CHILD, [kind, corpusPath, String(Number.isFinite(limit) ? limit : Number.MAX_SAFE_INTEGER), String(total)], {
    execArgv: ['--import', import.meta.resolve('tsx'), `--max-old-space-size=${heapLimit}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_HEAD) stderr = (stderr + chunk.toString('utf8')).slice(0, STDERR_HEAD);
  });
  let last = { docs: 0, heap_mb: 0, rss_mb: 0 };
  let pending: { resolve: (sample: Sample) => void; reject: (err: Error) => void } | null = null;
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`exit ${code ?? signal}`)));
  const built = new Promise<Record<string, unknown>>((resolve) => {
    child.on('message', (message: PeerMessage) => {
      if (message.type === 'progress') {
        last = message;
        if (message.docs > 0) log(`${kind}: ${message.docs} articles, heap ${Math.round(message.heap_mb)} MB, rss ${Math.round(message.rss_mb)} MB`);
      } else if (message.type === 'built') resolve(message.report);
      else {
        pending?.resolve({ wall_ms: message.wall_ms, cpu_ms: message.cpu_ms });
        pending = null;
      }
    });
  });
  const outcome = await Promise.race([built.then((report) => ({ report })), exited.then((exit) => ({ exit }))]);
  if ('exit' in outcome) {
    return {
      error: `${kind} stopped while building (${outcome.exit}) after ${last.docs} of ${total} articles`,
      docs_added: last.docs, heap_mb_at_last_report: last.heap_mb, rss_mb_at_last_report: last.rss_mb, heap_limit_mb: heapLimit, stderr: stderr.trim(),
    };
  }
  const { report } = outcome;
  log(`${kind}: built in ${report.build_s} s, index heap ${report.index_heap_mb} MB`);
  void exited.then((exit) => pending?.reject(new Error(`${kind} ${exit} while answering: ${stderr.trim()}`)));
  return {
    measure: (q) => new Promise<Sample>((resolve, reject) => {
      pending = { resolve, reject };
      child.send({ type: 'query', q } satisfies PeerCommand);
    }),
    close: async () => {
      if (child.connected) child.send({ type: 'exit' } satisfies PeerCommand);
      await exited;
    },
    report,
  };
}
