// Builds src/tags/background/df.json.gz: in how many articles of the ANT Corpus each unigram and
// bigram key appears (keys as src/tags/keyphrases.ts makes them). See src/tags/background/README.md.
//
//   npx tsx scripts/build-background.ts [path/to/articles.dev.jsonl.gz]
//
// Default input: ../shared/corpus/ant-corpus/articles.dev.jsonl.gz. Only a permissively licensed
// corpus may be used here, since the output ships with Marsad (SaudiNewsNet is non-commercial).
import { createHash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gzipSync } from 'node:zlib';
import { BACKGROUND_FILE, type BackgroundFile } from '../src/tags/background/index.ts';
import { backgroundKeys } from '../src/tags/keyphrases.ts';

/** Keys seen in a single article are mostly typos and names; leaving them out halves the file. */
const MIN_DF = 2;
const DEFAULT_INPUT = fileURLToPath(new URL('../../shared/corpus/ant-corpus/articles.dev.jsonl.gz', import.meta.url));

interface AntArticle {
  title?: string;
  abstract?: string;
  body?: string;
}

async function main(input: string): Promise<void> {
  const started = Date.now();
  const df = new Map<string, number>();
  const seenBodies = new Set<string>();
  let docs = 0;
  let skipped = 0;
  const lines = createInterface({ input: createReadStream(input).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as AntArticle;
    const body = a.body?.trim() ?? '';
    // The corpus has empty bodies and bodies filed twice under two categories; count each text once.
    const digest = createHash('sha1').update(body).digest('hex');
    if (!body || seenBodies.has(digest)) {
      skipped++;
      continue;
    }
    seenBodies.add(digest);
    docs++;
    const keys = new Set<string>();
    backgroundKeys([a.title ?? '', a.abstract ?? '', body], (k) => keys.add(k));
    for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  }

  const byDf = new Map<number, string[]>();
  let kept = 0;
  for (const [key, n] of df) {
    if (n < MIN_DF) continue;
    kept++;
    let list = byDf.get(n);
    if (!list) byDf.set(n, (list = []));
    list.push(key);
  }
  const file: BackgroundFile = {
    format: 1,
    source: 'ANT Corpus v1.1 (Chouigui, Ben Khiroun, Elayeb, AICCSA 2017; antcorpus.github.io), Apache-2.0: articles.dev.jsonl.gz',
    docs,
    min_df: MIN_DF,
    // Sorted, so a rebuild from the same corpus and analyzer gives the same bytes.
    by_df: Object.fromEntries([...byDf].sort((a, b) => a[0] - b[0]).map(([n, keys]) => [String(n), keys.sort().join('\n')])),
  };
  const bytes = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(BACKGROUND_FILE, bytes);
  console.log(JSON.stringify({ event: 'background_built', docs, skipped, keys: df.size, kept, bytes: bytes.length, ms: Date.now() - started }));
}

await main(process.argv[2] ?? DEFAULT_INPUT);
