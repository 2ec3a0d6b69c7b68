import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { escapeUTF8 } from 'entities';
import { parseArabicDate } from '../arabic/dates.ts';
import { sectionByKey, sectionOf } from '../categories/sections.ts';
import type { NewArticle } from '../model/index.ts';
import { sanitizeArticleHtml } from '../sanitize/html.ts';
import { canonicalizeUrl } from '../sanitize/url.ts';
import type { Store } from '../store/store.ts';
import type { Logger } from '../log/index.ts';
import { htmlToText } from './assemble.ts';
import { tagStoredArticle } from './tag.ts';

/** Articles written per transaction: large enough to amortize the commit, small enough to stream. */
const BATCH_SIZE = 1000;
/** Dates in a dump without a zone are taken as Mecca time, the most common newsroom clock in the region. */
const DEFAULT_OFFSET_MINUTES = 180;

export interface ImportReport {
  lines: number;
  inserted: number;
  existing: number;
  errors: number;
  ms: number;
  articles_per_s: number;
}

export type ImportLineError = { line: number; error: string };

/** An article read from a dump, with the outlet it names (resolved to a source id when stored). */
export interface ImportedArticle {
  article: NewArticle;
  sourceName: string | null;
}

/** One line of a dump → an article, or the reason it cannot be one. Pure. */
export function articleFromRecord(record: unknown, fetchedAt: string): ImportedArticle | string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not a JSON object';
  const r = record as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string).trim() : typeof r[k] === 'number' ? String(r[k]) : '');
  const title = str('title');
  const rawBody = str('body');
  if (!title && !rawBody) return 'no title and no body';
  const id = str('id') || null;
  const url = canonicalizeUrl(str('url')) ?? (id ? `urn:marsad:import:${encodeURIComponent(id)}` : null);
  if (!url) return 'no usable url and no id';
  const when = str('published_at') || str('date');
  const parsed = when ? parseArabicDate(when, { defaultOffsetMinutes: DEFAULT_OFFSET_MINUTES }) : null;
  const looksHtml = /<(p|div|br)\b/i.test(rawBody);
  const body = looksHtml ? sanitizeArticleHtml(rawBody, url.startsWith('http') ? url : 'http://invalid/') : paragraphsToHtml(rawBody);
  const text = looksHtml ? htmlToText(body) : rawBody.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean).join('\n\n');
  const source = str('source_name') || str('source');
  const author = str('author');
  const article: NewArticle = {
    external_id: id,
    url,
    source_id: null,
    title: title || text.slice(0, 120),
    lead: text.split('\n\n')[0]?.slice(0, 400) ?? null,
    body,
    text,
    published_at: parsed?.iso ?? null,
    published_offset: parsed?.offsetMinutes ?? null,
    updated_at: null,
    fetched_at: fetchedAt,
    authors: author ? [author] : [],
    image: null,
    lang: str('lang') || 'ar',
    // A dump may name the section (ours: category as exported; others: section); else the address may.
    category: sectionByKey(str('category'))?.key ?? sectionOf({ page: [str('section'), str('category')], url }),
  };
  return { article, sourceName: source || null };
}

function paragraphsToHtml(text: string): string {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeUTF8(p)}</p>`)
    .join('');
}

/**
 * Stream a JSONL or JSONL.gz dump into the store; a bad line is reported and skipped. New articles
 * are tagged as they are stored, like crawled ones.
 */
export async function importJsonl(
  path: string, store: Store, onError: (e: ImportLineError) => void, log: Logger = () => {},
): Promise<ImportReport> {
  const started = performance.now();
  const fetchedAt = new Date().toISOString();
  const sources = new Map<string, number>();
  for (const s of await store.listSources()) sources.set(s.name, s.id);

  let input: NodeJS.ReadableStream = createReadStream(path);
  if (path.endsWith('.gz')) input = input.pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });

  const report = { lines: 0, inserted: 0, existing: 0, errors: 0 };
  let batch: ImportedArticle[] = [];
  const flush = async () => {
    for (const { article, sourceName } of batch) {
      if (!sourceName) continue;
      let id = sources.get(sourceName);
      if (id === undefined) {
        // Outlets known only from a dump are import-only sources: listed, never polled.
        const home = article.url.startsWith('http') ? new URL('/', article.url).toString() : null;
        id = (await store.addSource({ name: sourceName, url: `urn:marsad:import:${encodeURIComponent(sourceName)}`, home_url: home, kind: 'import' })).source.id;
        sources.set(sourceName, id);
      }
      article.source_id = id;
    }
    const results = await store.insertArticles(batch.map((b) => b.article));
    for (const [i, r] of results.entries()) {
      if (!r.inserted) {
        report.existing++;
        continue;
      }
      report.inserted++;
      await tagStoredArticle(store, r.id, batch[i]!.article, log);
    }
    batch = [];
  };

  for await (const line of lines) {
    report.lines++;
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      report.errors++;
      onError({ line: report.lines, error: 'not valid JSON' });
      continue;
    }
    const imported = articleFromRecord(record, fetchedAt);
    if (typeof imported === 'string') {
      report.errors++;
      onError({ line: report.lines, error: imported });
      continue;
    }
    batch.push(imported);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  const ms = Math.round(performance.now() - started);
  return { ...report, ms, articles_per_s: Math.round(((report.inserted + report.existing) / Math.max(ms, 1)) * 1000) };
}
