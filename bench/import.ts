import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { importJsonl } from '../src/pipeline/import.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { sharedPath } from './shared-data.ts';

/** Articles in the small run (CI): enough to exercise batching, quick enough for every push. */
const SMALL_ARTICLES = 600;

/**
 * `marsad import` on SaudiNewsNet (31k articles): articles/s into a fresh SQLite file, and the size of
 * the database. Peak memory is the child process's max RSS, measured by the runner.
 */
export async function benchImport(opts: { small: boolean }) {
  const corpus = sharedPath('corpus/saudinewsnet/articles.jsonl.gz');
  if (!corpus) return { skipped: 'corpus/saudinewsnet is not in ../shared' };
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-import-'));
  try {
    let file = corpus;
    if (opts.small) {
      file = join(dir, 'small.jsonl.gz');
      writeFileSync(file, gzipSync((await firstLines(corpus, SMALL_ARTICLES)).join('\n')));
    }
    const dbPath = join(dir, 'import.db');
    const store = SqliteStore.open(dbPath);
    const report = await importJsonl(file, store, () => {});
    await store.close();
    const { statSync } = await import('node:fs');
    const dbBytes = statSync(dbPath).size;
    return { corpus: 'saudinewsnet', articles: report.inserted + report.existing, errors: report.errors, seconds: report.ms / 1000, articles_per_s: report.articles_per_s, db_mb: +(dbBytes / 1e6).toFixed(1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function firstLines(path: string, n: number): Promise<string[]> {
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    out.push(line);
    if (out.length >= n) break;
  }
  rl.close();
  return out;
}
