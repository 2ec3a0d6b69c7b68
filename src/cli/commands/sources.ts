import { readFileSync } from 'node:fs';
import { Fetcher } from '../../fetch/index.ts';
import { buildOpml, OpmlError } from '../../opml/index.ts';
import { checkSourceInput, cleanSourceName, importOpml, summarize } from '../../sources/index.ts';
import { discoverSource } from '../../pipeline/discover.ts';
import { canonicalizeUrl } from '../../sanitize/url.ts';
import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';
import { CommandError, UsageError } from '../errors.ts';

export const SOURCES_HELP = `marsad sources add URL [--name NAME] [--no-check] [--allow-private]
marsad sources list [--json]
marsad sources remove ID | pause ID | resume ID
marsad sources import-opml FILE
marsad sources export-opml`;

export async function sourcesCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: { type: 'string' }, json: { type: 'boolean' }, 'no-check': { type: 'boolean' }, 'allow-private': { type: 'boolean' },
  });
  if (values.help) return ctx.out(SOURCES_HELP), 0;
  const [action, arg] = positionals;
  if (!action) throw new UsageError('say what to do with sources: add URL, list, remove ID, pause ID, resume ID, import-opml FILE or export-opml');
  const store = openStore(values, ctx.settings);
  try {
    switch (action) {
      case 'add': {
        if (!arg || !canonicalizeUrl(arg) || !/^https?:\/\//i.test(arg)) throw new UsageError('marsad sources add needs an http(s) URL of a feed, sitemap or news site');
        let source;
        if (values['no-check']) {
          source = checkSourceInput({ url: arg, name: values.name });
        } else {
          const fetcher = new Fetcher({ allowPrivateAddresses: values['allow-private'] || ctx.settings.allowPrivateAddresses });
          try {
            source = await discoverSource(arg, fetcher, values.name === undefined ? undefined : cleanSourceName(values.name));
          } catch (err) {
            throw new CommandError(`cannot add ${arg}: ${(err as Error).message}`, { cause: err });
          } finally {
            await fetcher.close();
          }
        }
        const { source: saved, created } = await store.addSource(source);
        ctx.out(JSON.stringify({ id: saved.id, name: saved.name, url: saved.url, created }));
        return 0;
      }
      case 'list': {
        const sources = await store.listSources();
        for (const s of sources) {
          ctx.out(values.json
            ? JSON.stringify(s)
            : [s.id, s.paused ? 'paused' : s.last_status ?? 'new', s.consecutive_failures, s.name, s.url].join('\t'));
        }
        return 0;
      }
      case 'remove':
      case 'pause':
      case 'resume': {
        const id = arg && /^\d{1,15}$/.test(arg) ? Number(arg) : NaN;
        if (!Number.isFinite(id)) throw new UsageError(`marsad sources ${action} needs a source ID (see marsad sources list)`);
        const ok = action === 'remove' ? await store.removeSource(id) : await store.setSourcePaused(id, action === 'pause');
        if (!ok) throw new CommandError(`no source with ID ${id}: see marsad sources list`);
        ctx.out(JSON.stringify({ id, [action === 'remove' ? 'removed' : 'paused']: action !== 'resume' }));
        return 0;
      }
      case 'import-opml': {
        if (!arg) throw new UsageError('marsad sources import-opml needs the path of an OPML file');
        const added = await importOpmlFile(arg, store);
        ctx.out(JSON.stringify(added));
        return 0;
      }
      case 'export-opml':
        ctx.out(buildOpml(await store.listSources()).trimEnd());
        return 0;
      default:
        throw new UsageError(`unknown sources action "${action}": use add, list, remove, pause, resume, import-opml or export-opml`);
    }
  } finally {
    await store.close();
  }
}

/** Add every feed of an OPML file; feeds already known are counted, not duplicated. */
export async function importOpmlFile(path: string, store: import('../../store/store.ts').Store) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // A file named on the command line that is not there is the operator's to fix: bad usage.
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let outcomes;
  try {
    outcomes = await importOpml(store, text);
  } catch (err) {
    if (!(err instanceof OpmlError)) throw err;
    throw new CommandError(`${path}: ${err.message}`);
  }
  // The admin's import shares this (src/sources); the CLI prints counts, and invalid ones only when there are some.
  const { invalid, ...counts } = summarize(outcomes);
  return invalid ? { ...counts, invalid } : counts;
}
