import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiFixture } from './fixture.test-data.ts';
import { OPENAPI } from './openapi.ts';

type Schema = { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = OPENAPI as Schema;

function resolve(ref: string): Schema {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: Schema | undefined = doc;
  for (const part of parts) node = node?.[part];
  assert.ok(node, `unresolved $ref ${ref}`);
  return node;
}

function typeOk(value: unknown, type: string): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'array': return Array.isArray(value);
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    default: return typeof value === type;
  }
}

/**
 * A small structural check: types, enums, required fields, and no field the document does not name.
 * Enough to catch a renamed or forgotten field; not a full JSON Schema validator.
 */
function check(value: unknown, schema: Schema, at: string, errors: string[]): void {
  if (schema.$ref) return check(value, resolve(schema.$ref), at, errors);
  if (schema.oneOf) {
    const fits = (schema.oneOf as Schema[]).filter((s) => { const e: string[] = []; check(value, s, at, e); return e.length === 0; });
    if (fits.length !== 1) errors.push(`${at}: fits ${fits.length} of oneOf`);
    return;
  }
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeOk(value, t))) { errors.push(`${at}: ${JSON.stringify(value)} is not ${types.join('|')}`); return; }
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => check(v, schema.items, `${at}[${i}]`, errors));
  if (typeOk(value, 'object') && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) errors.push(`${at}: missing ${key}`);
    for (const key of Object.keys(obj)) {
      if (!(key in schema.properties)) errors.push(`${at}: ${key} is not documented`);
      else check(obj[key], schema.properties[key], `${at}.${key}`, errors);
    }
  }
}

function responseSchema(path: string, status: string): Schema {
  const response = doc.paths[path]?.get?.responses?.[status];
  assert.ok(response, `${path} documents no ${status}`);
  return response.content['application/json'].schema;
}

test('every /api/v1 route the app serves is documented, and every documented path is served', async () => {
  const { app, store } = await apiFixture();
  const served = new Set(
    app.routes.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v1/')).map((r) => r.path.replace(/:(\w+)/g, '{$1}')),
  );
  const documented = new Set(Object.keys(doc.paths));
  assert.deepEqual([...served].sort(), [...documented].sort());
  assert.equal(doc.openapi, '3.1.0');
  const served2 = await (await app.request('/api/v1/openapi.json')).json();
  assert.deepEqual(served2, JSON.parse(JSON.stringify(OPENAPI)), 'the served document is this one');
  // Every $ref in the document resolves.
  JSON.stringify(OPENAPI, (k, v) => { if (k === '$ref') resolve(v); return v; });
  await store.close();
});

test('responses from a seeded store match their documented schemas, errors included', async () => {
  const { app, store, ids, sources } = await apiFixture();
  const storyId = (await store.getArticle(ids.wire))!.story_id!;
  const q = encodeURIComponent;
  const cases: Array<[string, string, string]> = [
    ['/api/v1/articles?limit=2', '/api/v1/articles', '200'],
    [`/api/v1/articles?tag=${q('city:riyadh')}`, '/api/v1/articles', '200'],
    ['/api/v1/articles?limit=0', '/api/v1/articles', '400'],
    ['/api/v1/articles?source_id=999', '/api/v1/articles', '404'],
    [`/api/v1/articles/${ids.sabq}`, '/api/v1/articles/{id}', '200'],
    [`/api/v1/articles/${ids.undated}`, '/api/v1/articles/{id}', '200'],
    [`/api/v1/articles/${ids.hilal}`, '/api/v1/articles/{id}', '200'],
    ['/api/v1/articles/999', '/api/v1/articles/{id}', '404'],
    ['/api/v1/stories?limit=1', '/api/v1/stories', '200'],
    ['/api/v1/stories?sort=latest', '/api/v1/stories', '200'],
    ['/api/v1/stories?sort=x', '/api/v1/stories', '400'],
    [`/api/v1/stories/${storyId}`, '/api/v1/stories/{id}', '200'],
    ['/api/v1/stories/999', '/api/v1/stories/{id}', '404'],
    [`/api/v1/tags/${q('city:riyadh')}?limit=1`, '/api/v1/tags/{key}', '200'],
    ['/api/v1/tags/none', '/api/v1/tags/{key}', '404'],
    ['/api/v1/sources', '/api/v1/sources', '200'],
    [`/api/v1/sources/${sources.awkward}`, '/api/v1/sources/{id}', '200'],
    ['/api/v1/sources/999', '/api/v1/sources/{id}', '404'],
    [`/api/v1/search?q=${q('كورونا الرياض')}&limit=1`, '/api/v1/search', '200'],
    [`/api/v1/search?q=${q('-كورونا')}`, '/api/v1/search', '400'],
  ];
  for (const [url, path, status] of cases) {
    const res = await app.request(url);
    assert.equal(String(res.status), status, url);
    const body = await res.json();
    const errors: string[] = [];
    check(body, responseSchema(path, status), 'body', errors);
    assert.deepEqual(errors, [], url);
    if (status === '200' && Array.isArray(body.items)) assert.ok(body.items.length > 0, `${url}: an empty list proves nothing`);
  }
  await store.close();
});

test('the structural check itself catches a missing, mistyped or undocumented field', () => {
  const errors: string[] = [];
  check({ items: [{ id: '1', title: 'خبر', extra: true }], next_cursor: null }, { $ref: '#/components/schemas/ArticlePage' }, 'body', errors);
  assert.ok(errors.some((e) => /\.id: "1" is not integer/.test(e)), errors.join('\n'));
  assert.ok(errors.some((e) => /missing url/.test(e)));
  assert.ok(errors.some((e) => /extra is not documented/.test(e)));
});
