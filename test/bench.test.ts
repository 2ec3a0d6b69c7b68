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
    assert.ok(search.queries >= 200 && search.sqlite.store_search.p95_ms > 0 && search.minisearch.search.p95_ms > 0 && search.flexsearch.search.p95_ms > 0, JSON.stringify(search));
    const stories = report.results.stories;
    assert.ok(stories['3x'].articles_per_s > 0 && stories['3x'].us_per_article_by_copy.length === 3 && stories['3x'].peak_rss_mb > 0, JSON.stringify(stories['3x']));
    assert.ok(stories.exact.copies.lsh_recall >= 0 && stories.exact.clustering.speedup > 0, JSON.stringify(stories.exact));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
