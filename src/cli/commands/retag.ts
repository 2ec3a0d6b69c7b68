import { retagArticles } from '../../pipeline/retag.ts';
import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';

export const RETAG_HELP = `marsad retag [--all] [--db PATH]
  Tag the articles that have no tags yet or were tagged by an older tagger, and print a summary.
  --all tags every article again. marsad start, worker and demo also do this in the background.`;

export async function retagCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { all: { type: 'boolean' } }, false);
  if (values.help) return ctx.out(RETAG_HELP), 0;
  const store = openStore(values, ctx.settings);
  try {
    const report = await retagArticles(store, { all: values.all, log: ctx.log });
    ctx.out(JSON.stringify(report));
    return report.failed ? 1 : 0;
  } finally {
    await store.close();
  }
}
