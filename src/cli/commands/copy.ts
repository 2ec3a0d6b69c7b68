import { CopyError, type CopyProgress, copySqliteToPostgres, DEFAULT_COPY_BATCH } from '../../store/copy.ts';
import { type CommandContext, parseCommandArgs } from '../context.ts';
import { UsageError } from '../errors.ts';

export const COPY_HELP = `marsad copy --to postgres://USER:PASSWORD@HOST:5432/DATABASE [--from PATH] [--force] [--batch ${DEFAULT_COPY_BATCH}]
  Copy a whole SQLite database (--from, default --db or data/marsad.db; "sqlite:PATH" works too) into
  a PostgreSQL database: sources with their poll schedule, articles with their ids (links to
  /article/ID keep working), tags, stories, copies, "read also", links seen in feeds. The target is
  migrated first and must be empty; --force empties it instead (everything it holds is replaced).
  One transaction: on any failure nothing is kept, and running the command again starts over.
  Stop the crawler first; the site may keep serving from SQLite until you switch it over.
  Prints the rows of each table on both sides; exit 0 only when they are equal.`;

/** Progress lines at most this often, and at the end of each table. */
const PROGRESS_EVERY_MS = 2_000;

export async function copyCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' }, batch: { type: 'string' },
  }, false);
  if (values.help) return ctx.out(COPY_HELP), 0;
  if (positionals.length) throw new UsageError('marsad copy takes --from PATH and --to URL, not bare arguments');
  if (values.from !== undefined && values.db !== undefined) throw new UsageError('give the SQLite file once, with --from PATH');
  const from = (values.from ?? values.db ?? ctx.settings.dbPath).replace(/^sqlite:(\/\/)?/, '');
  const to = values.to ?? values['database-url'];
  if (!to) throw new UsageError('marsad copy needs --to postgres://USER:PASSWORD@HOST:5432/DATABASE (an empty database)');
  checkPostgresUrl(to);
  const batchSize = values.batch === undefined ? DEFAULT_COPY_BATCH : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`--batch must be a whole number of rows, not "${values.batch}"`);

  let last = 0;
  const onProgress = (p: CopyProgress) => {
    const now = Date.now();
    if (p.copied < p.total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    ctx.log('info', 'copy_progress', { table: p.table, copied: p.copied, total: p.total });
  };
  try {
    const report = await copySqliteToPostgres({ from, to, force: values.force, batchSize, onProgress });
    const width = Math.max(...report.counts.map((c) => c.what.length));
    ctx.out(`${'table'.padEnd(width)}  ${'sqlite'.padStart(10)}  ${'postgres'.padStart(10)}`);
    for (const c of report.counts) ctx.out(`${c.what.padEnd(width)}  ${String(c.sqlite).padStart(10)}  ${String(c.postgres).padStart(10)}`);
    ctx.out(`copied ${report.rows} rows in ${(report.ms / 1000).toFixed(1)} s; every count matches`);
    return 0;
  } catch (err) {
    // A source or target the operator must change is bad usage; the rest is a failure (exit 1).
    if (err instanceof CopyError && ['no-source', 'target-not-empty'].includes(err.code)) throw new UsageError(err.message);
    throw err;
  }
}

/** A PostgreSQL URL, or a usage error that never repeats it (it may hold a password). */
function checkPostgresUrl(url: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new UsageError('--to is not a PostgreSQL URL: write it as postgres://USER:PASSWORD@HOST:5432/DATABASE');
  }
}
