// What the search benchmark measures on each engine, wherever the engine runs.

/** One query's cost: wall and CPU time of the process that answered it (ours, or a peer's child). */
export interface Sample {
  wall_ms: number;
  cpu_ms: number;
  /** PostgreSQL only: its server processes' CPU time for the query, which our process's leaves out. */
  server_cpu_ms?: number;
}

export interface Engine {
  /** Answer one query, timed where it runs. */
  measure: (q: string) => Promise<Sample>;
  close: () => Promise<void>;
  report: Record<string, unknown>;
}

/** Time a query answered in this process: wall clock and this process's user + system CPU. */
export async function timeHere(run: () => unknown): Promise<Sample> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run();
  const wall_ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall_ms, cpu_ms: (c.user + c.system) / 1000 };
}
