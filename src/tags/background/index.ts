// Background document frequencies: how many articles of a general news corpus use each term, so
// keyphrase scoring can tell "this article is about النفط" from "every article says الحكومة".
// Built by scripts/build-background.ts from the ANT Corpus (see README.md in this folder).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Document frequencies of unigram keys (a stem) and bigram keys (two stems, one space between). */
export interface Background {
  /** Number of documents counted. */
  docs: number;
  /** Documents that contain `key`; 0 for a key the data does not list (seen in fewer than two). */
  df(key: string): number;
}

/** The file as written by scripts/build-background.ts. */
export interface BackgroundFile {
  format: 1;
  source: string;
  docs: number;
  /** Smallest df kept: rarer keys are left out, and `df` returns 0 for them. */
  min_df: number;
  /** Document frequency → keys with that frequency, joined by '\n'. Grouping keeps the file small. */
  by_df: Record<string, string>;
}

export const BACKGROUND_FILE = new URL('./df.json.gz', import.meta.url);

let cached: Background | undefined;

/** The shipped background, read and parsed on first use (about 0.1 s), then shared. */
export function loadBackground(): Background {
  cached ??= backgroundFrom(JSON.parse(gunzipSync(readFileSync(BACKGROUND_FILE)).toString('utf8')) as BackgroundFile);
  return cached;
}

/** A Background over already-parsed data (tests build small ones). */
export function backgroundFrom(file: BackgroundFile): Background {
  if (file.format !== 1) throw new Error(`background data format ${String(file.format)} is not supported; rebuild it with scripts/build-background.ts`);
  const map = new Map<string, number>();
  for (const [df, keys] of Object.entries(file.by_df)) {
    const n = Number(df);
    for (const key of keys.split('\n')) map.set(key, n);
  }
  return { docs: file.docs, df: (key) => map.get(key) ?? 0 };
}
