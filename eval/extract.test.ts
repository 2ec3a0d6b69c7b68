import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evalExtract } from './extract.ts';

interface Floors {
  arabic: { f1: number; title_exact: number; date_accuracy: number; snippets: number };
  readability: { f1: number; title_exact: number };
}

const floors = JSON.parse(readFileSync(new URL('./floors/extract.json', import.meta.url), 'utf8')) as Floors;

test('extraction quality stays at or above its pinned floors', async (t) => {
  const result = await evalExtract();
  if (!result) {
    t.skip('../shared is absent');
    return;
  }
  for (const [set, figures] of Object.entries(floors) as Array<[keyof Floors, Record<string, number>]>) {
    for (const [name, floor] of Object.entries(figures)) {
      const measured = (result[set] as unknown as Record<string, number>)[name];
      assert.ok(typeof measured === 'number' && measured >= floor, `${set}.${name} = ${measured}, floor ${floor}`);
    }
  }
});
