import { searchJson } from '../../web/search-json.ts';
import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';
import { UsageError } from '../errors.ts';

export const SEARCH_HELP = `marsad search QUERY [--json] [--sort date] [--limit N] [--cursor C] [--db PATH]
  The results of the search page for QUERY (words, "phrases", -exclusions, OR, source: tag: from: to:).
  --json prints what /api/v1/search returns; --cursor takes its next_cursor for the next page.
  Exit code 2 when the query cannot run, with the reason.`;

/** Words in the plain listing are marked [like this], since a terminal has no <mark>. */
function plainSnippet(segments: Array<{ text: string; hit: boolean }>): string {
  return segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');
}

/** `-روسيا`, `-"كأس العالم"`: an exclusion in the query, not an option (options are Latin). */
const EXCLUSION = /^-[^-A-Za-z]/;

export async function searchCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const exclusions = argv.filter((a) => EXCLUSION.test(a));
  const { values, positionals } = parseCommandArgs(argv.filter((a) => !EXCLUSION.test(a)), {
    json: { type: 'boolean' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  });
  if (values.help) return ctx.out(SEARCH_HELP), 0;
  const q = [...positionals, ...exclusions].join(' ');
  if (q.trim() === '') throw new UsageError('give the words to search for: marsad search QUERY');
  if (values.sort !== undefined && values.sort !== 'date' && values.sort !== 'relevance') throw new UsageError('--sort takes "date" or "relevance"');
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit takes a whole number from 1 to 100');
  const store = openStore(values, ctx.settings);
  try {
    const page = await store.search({ q, sort: values.sort as 'date' | 'relevance' | undefined, cursor: values.cursor ?? null, limit, timeZone: ctx.settings.timeZone });
    if (!page.ok) throw new UsageError(page.error.message);
    const json = searchJson(page);
    if (values.json) {
      ctx.out(JSON.stringify(json));
      return 0;
    }
    ctx.out(`${json.total} result${json.total === 1 ? '' : 's'}${json.next_cursor ? ` (next page: --cursor ${json.next_cursor})` : ''}`);
    for (const n of json.notices) ctx.out(`note: ${n.message}`);
    for (const item of json.items) {
      ctx.out('');
      ctx.out(item.title);
      ctx.out(`  ${[item.source ?? '-', item.published_at ?? '-', item.url, item.copies ? `+${item.copies} copies` : ''].filter(Boolean).join(' · ')}`);
      const snippet = plainSnippet(item.snippet);
      if (snippet) ctx.out(`  ${snippet}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
