import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';

export const MIGRATE_HELP = `marsad migrate [--db PATH | --database-url URL]
  Bring the database's schema to this version of Marsad and print the version reached. Every
  command migrates when it opens the store; run this first when you upgrade several machines, so
  the upgrade happens once, before the workers and web processes start. Safe to run at any time,
  and from several machines at once.`;

export async function migrateCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, {}, false);
  if (values.help) return ctx.out(MIGRATE_HELP), 0;
  const store = openStore(values, ctx.settings);
  try {
    const version = await store.schemaVersion();
    ctx.out(`${store.kind} schema at version ${version}`);
    return 0;
  } finally {
    await store.close();
  }
}
