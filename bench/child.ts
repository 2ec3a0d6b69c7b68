/** Runs one benchmark in its own process, so its peak memory is its own; prints one JSON line. */
const [name, ...flags] = process.argv.slice(2);
const small = flags.includes('--small');
const huge = flags.includes('--huge');
const BENCHES: Record<string, () => Promise<object>> = {
  import: async () => (await import('./import.ts')).benchImport({ small }),
  extract: async () => (await import('./extract.ts')).benchExtract({ small }),
  analyze: async () => (await import('./analyze.ts')).benchAnalyze({ small }),
  tag: async () => (await import('./tag.ts')).benchTag({ small }),
  search: async () => (await import('./search.ts')).benchSearch({ small, huge }),
};
const run = BENCHES[name ?? ''];
if (!run) {
  console.error(`unknown benchmark "${name}": one of ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const result = await run();
const peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify({ ...result, peak_rss_mb }) + '\n');
