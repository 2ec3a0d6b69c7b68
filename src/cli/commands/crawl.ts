import { Fetcher } from '../../fetch/index.ts';
import { crawlDue } from '../../pipeline/crawl.ts';
import { StoryStage } from '../../pipeline/stories.ts';
import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';
import { UsageError } from '../errors.ts';

export const CRAWL_HELP = `marsad crawl --once [--all] [--allow-private] [--host-delay-ms 1000] [--db PATH]
  Poll every due source once (--all: every source, due or not), store new articles, print a summary, exit.`;

export async function crawlCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    once: { type: 'boolean' }, all: { type: 'boolean' }, 'allow-private': { type: 'boolean' }, 'host-delay-ms': { type: 'string' },
  }, false);
  if (values.help) return ctx.out(CRAWL_HELP), 0;
  if (!values.once) throw new UsageError('marsad crawl needs --once (for continuous crawling run marsad worker or marsad start)');
  const delay = values['host-delay-ms'];
  if (delay !== undefined && !/^\d{1,6}$/.test(delay)) throw new UsageError(`--host-delay-ms must be a whole number of milliseconds, not "${delay}"`);
  const store = openStore(values, ctx.settings);
  const fetcher = new Fetcher({
    allowPrivateAddresses: values['allow-private'] || ctx.settings.allowPrivateAddresses,
    minHostDelayMs: delay === undefined ? undefined : Number(delay),
  });
  try {
    // --all pretends it is far in the future, so every source's next poll is due.
    const now = values.all ? new Date(Date.now() + 365 * 24 * 3600_000) : new Date();
    const stories = await StoryStage.open(store, { log: ctx.log });
    await stories.placeBacklog();
    const results = await crawlDue({ store, fetcher, log: ctx.log, stories }, { now });
    for (const r of results) ctx.out(JSON.stringify(r));
    const failed = results.filter((r) => r.error).length;
    ctx.out(JSON.stringify({ sources: results.length, failed, new_articles: results.reduce((n, r) => n + r.new_articles, 0) }));
    return 0;
  } finally {
    await fetcher.close();
    await store.close();
  }
}
