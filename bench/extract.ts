/**
 * Extraction throughput and memory: our `extractArticle` against Mozilla Readability on linkedom (the
 * same parser we use) and on jsdom (its usual host), on the same pages in the same process. Pages are
 * the real Arabic fixtures and Readability's test pages from ../shared; without them, a few generated
 * Arabic pages, so the benchmark still runs on a fresh clone.
 *
 * RSS is process-wide: each contender's figure is the peak seen while it ran, minus the RSS before it
 * started (after a GC when `--expose-gc` is on). Contenders run lightest first so earlier garbage
 * inflates the heavier ones least.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { DOMParser } from 'linkedom';
import { extractArticle } from '../src/extract/index.ts';

interface Page {
  html: string;
  url: string;
}

interface ContenderResult {
  pages_per_s: number;
  ms_p50: number;
  ms_p95: number;
  rss_peak_growth_mb: number;
}

/** Small mode: this many pages, one round — enough to prove the benchmark runs, fast enough for a test. */
const SMALL_PAGES = 3;
/** Full mode repeats the whole page set so short pages are not lost in timer noise. */
const FULL_ROUNDS = 3;

const CONTENDERS: Record<string, (p: Page) => unknown> = {
  marsad: (p) => extractArticle(p.html, { url: p.url }),
  readability_linkedom: (p) => new Readability(new DOMParser().parseFromString(p.html, 'text/html') as unknown as Document).parse(),
  readability_jsdom: (p) => {
    const dom = new JSDOM(p.html, { url: p.url });
    const out = new Readability(dom.window.document).parse();
    dom.window.close();
    return out;
  },
};

function sharedDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
}

function generatedPages(): Page[] {
  const paragraph = (i: number) =>
    `<p>قال المتحدث باسم الحكومة في مؤتمر صحفي إن المرحلة ${i} من خطة الإصلاح الاقتصادي ستبدأ الشهر المقبل، وإن الوزارات المعنية أنهت استعداداتها لتنفيذها.</p>`;
  return [8, 15, 30].map((n, k) => ({
    url: `https://news.example/2023/09/20/story-${k}`,
    html: `<html lang="ar" dir="rtl"><head><title>خطة الإصلاح الاقتصادي تدخل مرحلتها الجديدة - أخبار اليوم</title></head>
      <body><nav><a href="/">الرئيسية</a></nav><article><h1>خطة الإصلاح الاقتصادي تدخل مرحلتها الجديدة</h1>
      ${Array.from({ length: n }, (_, i) => paragraph(i)).join('')}</article>
      <aside class="related"><h3>اقرأ أيضاً</h3><ul><li><a href="/x">خبر آخر</a></li></ul></aside></body></html>`,
  }));
}

function loadPages(small: boolean): { pages: Page[]; data: string } {
  const shared = sharedDir();
  const fixtures = join(shared, 'corpus', 'html-fixtures');
  const peers = join(shared, 'peer-suites', 'readability-test-pages');
  if (!existsSync(join(fixtures, 'index.json'))) return { pages: generatedPages(), data: 'generated' };
  const index = JSON.parse(readFileSync(join(fixtures, 'index.json'), 'utf8')) as Array<{ file: string; url: string }>;
  const pages: Page[] = index.map((e) => ({ html: readFileSync(join(fixtures, e.file), 'utf8'), url: e.url }));
  if (small) return { pages: pages.slice(0, SMALL_PAGES), data: 'html-fixtures' };
  if (existsSync(peers)) {
    for (const name of readdirSync(peers).sort()) {
      const source = join(peers, name, 'source.html');
      if (existsSync(source)) pages.push({ html: readFileSync(source, 'utf8'), url: 'http://fakehost/test/page.html' });
    }
  }
  return { pages, data: 'html-fixtures+readability-test-pages' };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function measure(run: (p: Page) => unknown, pages: Page[], rounds: number): ContenderResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  run(pages[0]!); // warm-up: JIT and lazy module state, not timed
  gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const times: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const page of pages) {
      const t = performance.now();
      try {
        run(page);
      } catch {
        // A peer failing on a page still spent the time; it counts.
      }
      times.push(performance.now() - t);
      peak = Math.max(peak, process.memoryUsage.rss());
    }
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return {
    pages_per_s: round((times.length / total) * 1000),
    ms_p50: round(percentile(times, 0.5)),
    ms_p95: round(percentile(times, 0.95)),
    rss_peak_growth_mb: round((peak - baseline) / 1024 / 1024, 1),
  };
}

/** Run the extraction benchmark and return a JSON-able result with ratios against each peer. */
export async function benchExtract(opts: { small: boolean }): Promise<object> {
  const { pages, data } = loadPages(opts.small);
  const rounds = opts.small ? 1 : FULL_ROUNDS;
  const results: Record<string, ContenderResult> = {};
  for (const [name, run] of Object.entries(CONTENDERS)) results[name] = measure(run, pages, rounds);
  const ours = results['marsad']!;
  const ratios: Record<string, { throughput: number; p50_latency: number }> = {};
  for (const [name, r] of Object.entries(results)) {
    if (name === 'marsad') continue;
    // > 1 means we are faster (throughput) or slower (latency) than the peer.
    ratios[`marsad_vs_${name}`] = { throughput: round(ours.pages_per_s / r.pages_per_s), p50_latency: round(ours.ms_p50 / r.ms_p50) };
  }
  return { benchmark: 'extract', data, pages: pages.length, rounds, node: process.version, contenders: results, ratios };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void benchExtract({ small: process.argv.includes('--small') }).then((result) => console.log(JSON.stringify(result, null, 2)));
}
