import { existsSync, statSync } from 'node:fs';
import { importJsonl } from '../../pipeline/import.ts';
import { StoryStage } from '../../pipeline/stories.ts';
import { type CommandContext, openStore, parseCommandArgs } from '../context.ts';
import { UsageError } from '../errors.ts';

export const IMPORT_HELP = `marsad import FILE.jsonl[.gz] [--db PATH]
  One article per line: {id, url, source, title, body, date|published_at}. Bad lines are reported on
  stderr and skipped; articles already stored (same canonical URL) are kept as they are. New articles
  are tagged as they are stored, then placed in stories in publication order (the dump's own order
  does not matter): syndicated copies folded under their originals, the rest clustered.`;

export const EXPORT_HELP = `marsad export [--db PATH]
  One article per line: {id, url, source, title, published_at, category, story_id, duplicate_of, tags, related};
  tags are [{name, type}], most salient first.`;

export async function importCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {});
  if (values.help) return ctx.out(IMPORT_HELP), 0;
  const [file] = positionals;
  if (!file) throw new UsageError('marsad import needs a JSONL file (.jsonl or .jsonl.gz)');
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (!statSync(file).isFile()) throw new UsageError(`${file} is not a file: give a .jsonl or .jsonl.gz file`);
  const store = openStore(values, ctx.settings);
  try {
    const report = await importJsonl(file, store, (e) => process.stderr.write(`${file}:${e.line}: ${e.error}\n`), ctx.log);
    const stories = await (await StoryStage.open(store, { log: ctx.log })).placeBacklog();
    ctx.out(JSON.stringify({ ...report, stories: { placed: stories.placed, copies: stories.copies, failed: stories.failed, ms: stories.ms } }));
    return 0;
  } finally {
    await store.close();
  }
}

export async function exportCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, {}, false);
  if (values.help) return ctx.out(EXPORT_HELP), 0;
  const store = openStore(values, ctx.settings);
  try {
    // Ids come back as the import gave them; crawled articles use our own numeric id. An original
    // or a related article may come later in id order: those are looked up.
    const externalIds = new Map<number, string>();
    const idOf = async (internal: number) => {
      const known = externalIds.get(internal);
      if (known !== undefined) return known;
      const found = await store.getArticle(internal);
      const id = found?.external_id ?? String(internal);
      externalIds.set(internal, id);
      return id;
    };
    for await (const a of store.iterateArticles()) {
      const id = a.external_id ?? String(a.id);
      externalIds.set(a.id, id);
      const related: string[] = [];
      for (const r of await store.relatedForArticle(a.id)) if (r.article) related.push(await idOf(r.article.id));
      ctx.out(JSON.stringify({
        id,
        url: a.url,
        source: a.source_name,
        title: a.title,
        published_at: a.published_at,
        category: a.category,
        story_id: a.story_id,
        duplicate_of: a.duplicate_of === null ? null : await idOf(a.duplicate_of),
        tags: (await store.tagsForArticle(a.id)).map((t) => ({ name: t.name, type: t.type })),
        related,
      }));
    }
    return 0;
  } finally {
    await store.close();
  }
}
