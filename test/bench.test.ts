import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// CI runs the benchmarks at their small size only, to keep them working; the figures come from `npm run bench`.
test('the benchmarks run at their small size and report throughput and memory', () => {
  const shared = new URL('../../shared/', import.meta.url).pathname;
  if (!existsSync(shared)) {
    console.log('skipping: ../shared is absent, the benchmarks have no data');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  try {
    const out = join(dir, 'latest.json');
    const res = spawnSync(process.execPath, ['--import', 'tsx', new URL('../bench/run.ts', import.meta.url).pathname, '--small', '--out', out], { encoding: 'utf8', timeout: 600_000 });
    assert.equal(res.status, 0, res.stderr);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(report.small, true);
    assert.ok(report.results.import.articles_per_s > 0, JSON.stringify(report.results.import));
    assert.ok(report.results.import.peak_rss_mb > 0);
    assert.ok(report.results.extract.peak_rss_mb > 0, JSON.stringify(report.results.extract));
    assert.ok(report.results.analyze.peak_rss_mb > 0, JSON.stringify(report.results.analyze));
    assert.ok(report.results.tag.articles_per_s > 0 && report.results.tag.tags_per_article > 0, JSON.stringify(report.results.tag));
    const search = report.results.search;
    assert.ok(search.queries >= 200 && search.sqlite.wall.p95_ms > 0 && search.sqlite.cpu.p95_ms > 0 && search.fts5_newest.wall.p95_ms > 0 && search.minisearch.wall.p95_ms > 0 && search.flexsearch.wall.p95_ms > 0, JSON.stringify(search));
    const stories = report.results.stories;
    assert.ok(stories['3x'].articles_per_s > 0 && stories['3x'].us_per_article_by_copy.length === 3 && stories['3x'].peak_rss_mb > 0, JSON.stringify(stories['3x']));
    assert.ok(stories.exact.copies.lsh_recall >= 0 && stories.exact.clustering.speedup > 0, JSON.stringify(stories.exact));
    const pages = report.results.pages;
    for (const name of ['article', 'story', 'home', 'search']) {
      const page = pages[name];
      assert.ok(page.bytes > 0 && page.ours.requests > 0 && page.ours.non_2xx === 0 && page.ours.errors === 0 && page.floor.p99_ms > 0 && page.requests_per_s_ratio > 0, JSON.stringify(page));
    }
    assert.ok(pages.article_at_fixed_rate.rate === 1000 && pages.article_at_fixed_rate.ours.p99_ms > 0 && pages.article_at_fixed_rate.p99_ratio > 0, JSON.stringify(pages.article_at_fixed_rate));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
