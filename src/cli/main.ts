import { pathToFileURL } from 'node:url';
import { crawlCommand } from './commands/crawl.ts';
import { copyCommand } from './commands/copy.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand, importCommand } from './commands/import-export.ts';
import { migrateCommand } from './commands/migrate.ts';
import { retagCommand } from './commands/retag.ts';
import { searchCommand } from './commands/search.ts';
import { extractCommand, feedCommand } from './commands/extract-feed.ts';
import { startCommand, webCommand, workerCommand } from './commands/serve.ts';
import { sourcesCommand } from './commands/sources.ts';
import { benchCommand } from './commands/bench.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { type CommandContext, defaultContext } from './context.ts';
import { CommandError, UsageError } from './errors.ts';
import { storageFailure } from '../store/errors.ts';

type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  demo: demoCommand,
  web: webCommand,
  worker: workerCommand,
  crawl: crawlCommand,
  sources: sourcesCommand,
  import: importCommand,
  export: exportCommand,
  retag: retagCommand,
  migrate: migrateCommand,
  copy: copyCommand,
  search: searchCommand,
  extract: extractCommand,
  feed: feedCommand,
  analyze: analyzeCommand,
  bench: benchCommand,
};

const USAGE = `marsad — Arabic news monitor and aggregator

  marsad start                 scheduler + crawler + web site (sources/arabic-outlets.opml by default)
  marsad demo [--port 8080]    crawl the bundled demo newsroom and serve the site
  marsad web | marsad worker   the two halves of start
  marsad crawl --once          poll every due source once, then exit
  marsad sources add URL | list | remove ID | pause ID | resume ID | import-opml FILE | export-opml
  marsad import FILE.jsonl[.gz]
  marsad export
  marsad migrate               bring the database's schema up to date and print its version
  marsad copy --to URL [--from PATH] [--force]   a SQLite database into an empty PostgreSQL one
  marsad retag [--all]         tag articles not yet tagged by this version of the tagger
  marsad search QUERY [--json] the results of the search page (exit 2 when the query cannot run)
  marsad extract --file F.html [--url U] | --url U
  marsad feed FILE…
  marsad analyze [--file F] | --jsonl FILE   tags and entities of an article
  marsad bench [--small]

Every command takes --db PATH (SQLite file, default data/marsad.db) or --database-url URL (PostgreSQL,
also MARSAD_DATABASE_URL). "marsad COMMAND --help" for more.`;

/** Run one command line; returns the exit code (0 ok, 1 failure, 2 bad usage). */
export async function runCli(argv: string[], ctx: CommandContext = defaultContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}": run marsad --help to see the commands`);
    return await command(rest, ctx);
  } catch (caught) {
    // A driver's "disk full" or "read-only" becomes a sentence that says what to do.
    const err = storageFailure(caught) ?? caught;
    const usage = err instanceof UsageError;
    const known = usage || err instanceof CommandError || (err instanceof Error && 'code' in err);
    const report = ctx.err ?? ((line: string) => process.stderr.write(`${line}\n`));
    report(`marsad ${name}: ${oneLine(err instanceof Error ? err.message : String(err))}`);
    if (!known && process.env.MARSAD_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return usage ? 2 : 1;
  }
}

/** The error line stays one line whatever a library put in its message (SQLite and undici use several). */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href || process.argv[1]?.endsWith('bin/marsad.js')) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
