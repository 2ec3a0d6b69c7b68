/** Runs one benchmark in its own process, so its peak memory is its own; prints one JSON line. */
const [name, ...flags] = process.argv.slice(2);
const small = flags.includes('--small');
const huge = flags.includes('--huge');
/** `--part X`: one configuration of a benchmark that runs as several children (stories: 1x, 10x, …). */
const part = flags.includes('--part') ? flags[flags.indexOf('--part') + 1] : undefined;
const BENCHES: Record<string, () => Promise<object>> = {
  import: async () => (await import('./import.ts')).benchImport({ small }),
  extract: async () => (await import('./extract.ts')).benchExtract({ small }),
  analyze: async () => (await import('./analyze.ts')).benchAnalyze({ small }),
  tag: async () => (await import('./tag.ts')).benchTag({ small }),
  search: async () => (await import('./search.ts')).benchSearch({ small, huge }),
  stories: async () => (await import('./stories.ts')).benchStories({ small, part }),
  pages: async () => (await import('./pages.ts')).benchPages({ small }),
  workers: async () => (await import('./workers.ts')).benchWorkers({ small }),
};
const run = BENCHES[name ?? ''];
if (!run) {
  console.error(`unknown benchmark "${name}": one of ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const result = await run();
const peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify({ ...result, peak_rss_mb }) + '\n');
