import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The page DESIGN.md asks us to beat repeats قره باغ among its tags and forgets أذربيجان. `marsad
// analyze` on its body (the lines before "المصدر") must name all four parties once and read the date line.
const EXAMPLE = new URL('../../shared/examples/aggregator-page-example.txt', import.meta.url).pathname;
const MAIN = new URL('../src/cli/main.ts', import.meta.url).pathname;

test('marsad analyze on the example page: روسيا، أذربيجان، أرمينيا and قره باغ once each, and its date', (t) => {
  if (!existsSync(EXAMPLE)) return t.skip('../shared/examples is absent');
  const lines = readFileSync(EXAMPLE, 'utf8').split('\n');
  const body = lines.slice(0, lines.findIndex((l) => l.startsWith('المصدر'))).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'marsad-analyze-'));
  try {
    const file = join(dir, 'example.txt');
    writeFileSync(file, body);
    const res = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'analyze', '--file', file], { encoding: 'utf8', env: { ...process.env, MARSAD_LOG: 'silent' } });
    assert.equal(res.status, 0, res.stderr);
    const out = JSON.parse(res.stdout) as { tags: { name: string; id: string }[]; date: string | null };
    const names = out.tags.map((tag) => tag.name);
    for (const name of ['روسيا', 'أذربيجان', 'أرمينيا', 'قره باغ']) assert.equal(names.filter((n) => n === name).length, 1, `${name} in ${names.join('، ')}`);
    assert.equal(new Set(out.tags.map((tag) => tag.id)).size, out.tags.length, 'one tag per entity');
    assert.ok(out.tags.length <= 8);
    // "تاريخ النشر: 20th, September 2023 GMT"
    assert.equal(out.date, '2023-09-20T00:00:00.000Z');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
