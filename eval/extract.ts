/**
 * Extraction quality on two sets from ../shared:
 * - corpus/html-fixtures: real Arabic pages with expected title, date, body text or with/without
 *   snippets (index.json says which page has what);
 * - peer-suites/readability-test-pages: Mozilla Readability's own pages and expected output.
 * Body quality is token-level F1 (bag of tokens split on whitespace and punctuation, averaged over
 * pages); titles match exactly after whitespace normalization; a date is right when its calendar day
 * in the page's offset (the fixture's instant, when it gives one) equals the expected one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../src/extract/dom.ts';
import { extractArticle } from '../src/extract/index.ts';
import { DEFAULT_PAGE_OFFSET_MINUTES } from '../src/extract/machine-date.ts';
import type { ExtractedArticle } from '../src/model/article.ts';

/** Readability's suite runs every page with this base URL. */
const READABILITY_BASE_URL = 'http://fakehost/test/page.html';
/** Fixed "now" so relative and year-less dates read the same on every run. */
const FETCHED_AT = new Date('2026-02-01T00:00:00Z');

export interface PageScore {
  id: string;
  f1?: number;
  precision?: number;
  recall?: number;
  title_ok?: boolean;
  date_ok?: boolean;
  snippets_ok?: number;
  got?: { title: string | null; published_at: string | null; published_offset: number | null };
}

export interface ExtractEval {
  arabic: { f1: number; title_exact: number; date_accuracy: number; snippets: number; pages: number; per_page: PageScore[] };
  readability: { f1: number; title_exact: number; pages: number };
}

interface FixtureEntry {
  id: string;
  file: string;
  url: string;
  expected: {
    title?: string;
    text?: string;
    paragraphs?: string[];
    publishing_date?: string;
    publication_date?: string;
    text_must_contain?: string[];
    text_must_not_contain?: string[];
  };
}

export function sharedDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((t) => t !== '');
}

/** Bag-of-tokens precision, recall and F1 of `got` against `want`. */
export function tokenF1(got: string, want: string): { precision: number; recall: number; f1: number } {
  const counts = new Map<string, number>();
  const g = tokens(got);
  const w = tokens(want);
  for (const t of w) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of g) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  if (g.length === 0 && w.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = g.length === 0 ? 0 : overlap / g.length;
  const recall = w.length === 0 ? 0 : overlap / w.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function normalizeTitle(t: string | null | undefined): string {
  return (t ?? '').replace(/\s+/g, ' ').trim();
}

/** The calendar day of our published date as the page printed it. */
function pageDay(a: ExtractedArticle): string | null {
  if (!a.published_at) return null;
  const offset = a.published_offset ?? DEFAULT_PAGE_OFFSET_MINUTES;
  return new Date(Date.parse(a.published_at) + offset * 60_000).toISOString().slice(0, 10);
}

function dateMatches(a: ExtractedArticle, expected: FixtureEntry['expected']): boolean | undefined {
  if (expected.publishing_date) {
    // A full instant ("2026-01-08 11:42:50+00:00"): the same instant.
    const want = Date.parse(expected.publishing_date.replace(' ', 'T'));
    return a.published_at !== null && Date.parse(a.published_at) === want;
  }
  if (expected.publication_date) return pageDay(a) === expected.publication_date;
  return undefined;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function evalArabic(dir: string): ExtractEval['arabic'] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as FixtureEntry[];
  const perPage: PageScore[] = [];
  for (const entry of index) {
    const html = readFileSync(join(dir, entry.file), 'utf8');
    const a = extractArticle(html, { url: entry.url, fetchedAt: FETCHED_AT });
    const text = a.paragraphs.join('\n');
    const score: PageScore = { id: entry.id, got: { title: a.title, published_at: a.published_at, published_offset: a.published_offset } };
    const e = entry.expected;
    const wantText = e.text ?? e.paragraphs?.join('\n');
    if (wantText) Object.assign(score, tokenF1(text, wantText));
    if (e.title) score.title_ok = normalizeTitle(a.title) === normalizeTitle(e.title);
    const dateOk = dateMatches(a, e);
    if (dateOk !== undefined) score.date_ok = dateOk;
    const must = e.text_must_contain ?? [];
    const mustNot = e.text_must_not_contain ?? [];
    if (must.length + mustNot.length > 0) {
      const ok = must.filter((s) => text.includes(s)).length + mustNot.filter((s) => !text.includes(s)).length;
      score.snippets_ok = ok / (must.length + mustNot.length);
    }
    perPage.push(score);
  }
  const pick = <K extends keyof PageScore>(k: K): Array<NonNullable<PageScore[K]>> =>
    perPage.map((p) => p[k]).filter((v): v is NonNullable<PageScore[K]> => v !== undefined);
  return {
    f1: mean(pick('f1')),
    title_exact: mean(pick('title_ok').map(Number)),
    date_accuracy: mean(pick('date_ok').map(Number)),
    snippets: mean(pick('snippets_ok')),
    pages: perPage.length,
    per_page: perPage,
  };
}

function evalReadability(dir: string): ExtractEval['readability'] {
  const f1s: number[] = [];
  const titles: number[] = [];
  for (const name of readdirSync(dir).sort()) {
    const source = join(dir, name, 'source.html');
    if (!existsSync(source)) continue;
    const a = extractArticle(readFileSync(source, 'utf8'), { url: READABILITY_BASE_URL, fetchedAt: FETCHED_AT });
    const expectedDoc = parseHtml(readFileSync(join(dir, name, 'expected.html'), 'utf8'));
    f1s.push(tokenF1(a.paragraphs.join('\n'), expectedDoc?.body?.textContent ?? '').f1);
    const meta = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as { title?: string };
    titles.push(normalizeTitle(a.title) === normalizeTitle(meta.title) ? 1 : 0);
  }
  return { f1: mean(f1s), title_exact: mean(titles), pages: f1s.length };
}

/** Run both sets. Null (with a one-line note on stderr) when ../shared is not there. */
export async function evalExtract(): Promise<ExtractEval | null> {
  const shared = sharedDir();
  const fixtures = join(shared, 'corpus', 'html-fixtures');
  const readability = join(shared, 'peer-suites', 'readability-test-pages');
  if (!existsSync(fixtures) || !existsSync(readability)) {
    process.stderr.write(`eval/extract: ${shared} not found, skipping extraction quality\n`);
    return null;
  }
  return { arabic: evalArabic(fixtures), readability: evalReadability(readability) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void evalExtract().then((result) => {
    if (result) console.log(JSON.stringify(result, null, 2));
  });
}
