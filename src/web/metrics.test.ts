import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AWKWARD_NAME, apiFixture } from './api/fixture.test-data.ts';
import { DURATION_BUCKETS, labelSet, METRICS_CONTENT_TYPE } from './metrics.ts';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader of the text format: every line a comment or a well-formed sample, families declared first. */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  assert.ok(text.endsWith('\n'), 'the last line ends with a line feed');
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') {
        assert.match(comment[3]!, /^(counter|gauge|histogram|summary|untyped)$/);
        assert.ok(!types.has(comment[2]!), `one TYPE per family: ${comment[2]}`);
        types.set(comment[2]!, comment[3]!);
      } else helped.add(comment[2]!);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `not a sample line: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    const body = m[2] ?? '';
    const label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
    let at = 0;
    while (at < body.length) {
      label.lastIndex = at;
      const l = label.exec(body);
      assert.ok(l, `bad labels in ${line}`);
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch));
      at = label.lastIndex;
    }
    const family = m[1]!.replace(/_(bucket|sum|count)$/, '');
    const declared = types.has(m[1]!) ? m[1]! : family;
    assert.ok(types.has(declared) && helped.has(declared), `${m[1]} is sampled before its HELP and TYPE`);
    const value = m[3] === '+Inf' ? Infinity : Number(m[3]);
    assert.ok(!Number.isNaN(value), line);
    samples.push({ name: m[1]!, labels, value });
  }
  return { samples, types };
}

test('/metrics speaks the Prometheus text format: store figures, fetch errors by source, queue depth', async () => {
  const { app, store, sources } = await apiFixture();
  const res = await app.request('/metrics');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), METRICS_CONTENT_TYPE);
  const { samples, types } = parseExposition(await res.text());
  const one = (name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

  assert.equal(types.get('marsad_articles_ingested_total'), 'counter');
  assert.equal(one('marsad_articles_ingested_total'), 6);
  assert.equal(types.get('marsad_queue_depth'), 'gauge');
  assert.equal(one('marsad_queue_depth'), 1, 'only the failing outlet is due again');
  assert.equal(one('marsad_fetch_errors_total', { source: AWKWARD_NAME }), 2, 'quotes and backslashes in a name survive escaping');
  assert.equal(one('marsad_fetch_errors_total', { source: 'واس', source_id: String(sources['واس']) }), 0);
  await store.close();
});

test('request latency is a histogram by route pattern and status, never by raw path', async () => {
  const { app, store, ids } = await apiFixture();
  await app.request(`/api/v1/articles/${ids.wire}`);
  await app.request(`/api/v1/articles/${ids.sabq}`);
  await app.request('/api/v1/articles/999');
  await app.request('/no/such/page/12345');
  const { samples, types } = parseExposition(await (await app.request('/metrics')).text());
  const name = 'marsad_http_request_duration_seconds';
  assert.equal(types.get(name), 'histogram');
  const series = (route: string, status: string) => samples.filter((s) => s.labels.route === route && s.labels.status === status && s.labels.method === 'GET');

  const ok = series('/api/v1/articles/:id', '200');
  const buckets = ok.filter((s) => s.name === `${name}_bucket`);
  assert.deepEqual(buckets.map((b) => b.labels.le), [...DURATION_BUCKETS.map(String), '+Inf']);
  for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i]!.value >= buckets[i - 1]!.value, 'buckets are cumulative');
  assert.equal(buckets.at(-1)!.value, 2);
  assert.equal(ok.find((s) => s.name === `${name}_count`)!.value, 2);
  assert.ok(ok.find((s) => s.name === `${name}_sum`)!.value > 0);
  assert.equal(series('/api/v1/articles/:id', '404').find((s) => s.name === `${name}_count`)?.value, 1);
  assert.equal(series('unmatched', '404').find((s) => s.name === `${name}_count`)?.value, 1);
  assert.ok(!samples.some((s) => /\/\d+(\/|$)/.test(s.labels.route ?? '')), 'no ids in route labels');
  await store.close();
});

test('label values escape backslash, double quote and line feed', () => {
  assert.equal(labelSet({ source: 'a\\b"c\nd' }), 'source="a\\\\b\\"c\\nd"');
  assert.equal(labelSet({ a: 'x', b: 'y' }), 'a="x",b="y"');
});
