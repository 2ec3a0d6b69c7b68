import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The evaluation data beside the checkout (../shared); benchmarks skip what is not there. */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));

export function sharedPath(relative: string): string | null {
  const path = SHARED_DIR + relative;
  return existsSync(path) ? path : null;
}

/** Up to `limit` articles with a non-empty body from a JSONL.gz corpus, in file order. */
export async function readArticles(path: string, limit: number): Promise<{ title: string; body: string }[]> {
  const articles: { title: string; body: string }[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const record = JSON.parse(line) as { title?: string; body?: string };
    if (record.body) articles.push({ title: record.title ?? '', body: record.body });
    if (articles.length >= limit) break;
  }
  lines.close();
  return articles;
}
