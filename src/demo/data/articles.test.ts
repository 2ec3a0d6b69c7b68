import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLES } from './articles.ts';
import type { DemoArticle, OutletId } from './types.ts';

const OUTLETS: OutletId[] = ['nile', 'sham', 'khaleej', 'maghreb', 'rafidain', 'wire', 'quds'];

/** The UTC offsets each outlet prints (Levantine outlets: Beirut +02:00 or Damascus +03:00). */
const OFFSETS: Record<OutletId, string[]> = {
  nile: ['+02:00'],
  sham: ['+02:00', '+03:00'],
  khaleej: ['+04:00'],
  maghreb: ['+01:00'],
  rafidain: ['+03:00'],
  wire: ['+03:00'],
  quds: ['+02:00'],
};

const SECTIONS = new Set(['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'منوعات', 'صحة', 'تكنولوجيا', 'محليات']);

const ISO_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})$/;

/** Words that carry a letter or a digit (dashes and lone punctuation do not count). */
function wordCount(text: string): number {
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function key(a: DemoArticle): string {
  return `${a.outlet}/${a.slug}`;
}

function outletsByEvent(): Map<string, Set<OutletId>> {
  const map = new Map<string, Set<OutletId>>();
  for (const a of ARTICLES) {
    const set = map.get(a.event) ?? new Set<OutletId>();
    set.add(a.outlet);
    map.set(a.event, set);
  }
  return map;
}

test('there are 80 to 100 articles', () => {
  assert.ok(ARTICLES.length >= 80 && ARTICLES.length <= 100, `${ARTICLES.length} articles`);
});

test('there are 12 to 15 distinct events, with ASCII ids', () => {
  const events = outletsByEvent();
  assert.ok(events.size >= 12 && events.size <= 15, `${events.size} events`);
  for (const id of events.keys()) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
});

test('at least 6 events are covered by 3 or more outlets, and some by only 1 or 2', () => {
  const counts = [...outletsByEvent().values()].map((s) => s.size);
  assert.ok(counts.filter((n) => n >= 3).length >= 6, `outlet counts per event: ${counts.join(', ')}`);
  assert.ok(counts.some((n) => n <= 2), 'no event is covered by only one or two outlets');
});

test('every outlet has at least 8 articles in at least 3 sections', () => {
  for (const outlet of OUTLETS) {
    const mine = ARTICLES.filter((a) => a.outlet === outlet);
    assert.ok(mine.length >= 8, `${outlet}: ${mine.length} articles`);
    const sections = new Set(mine.map((a) => a.section));
    assert.ok(sections.size >= 3, `${outlet}: sections ${[...sections].join('، ')}`);
  }
});

test('every article uses a known outlet and section', () => {
  for (const a of ARTICLES) {
    assert.ok(OUTLETS.includes(a.outlet), `${key(a)}: unknown outlet`);
    assert.ok(SECTIONS.has(a.section), `${key(a)}: unknown section ${a.section}`);
  }
});

test('slugs are ASCII path segments, unique within their outlet', () => {
  const seen = new Set<string>();
  for (const a of ARTICLES) {
    assert.match(a.slug, /^[a-z0-9][a-z0-9/-]*[a-z0-9]$/, `${key(a)}: slug is not a clean ASCII path`);
    assert.ok(!seen.has(key(a)), `duplicate slug ${key(a)}`);
    seen.add(key(a));
  }
});

test('every published date parses, carries the outlet offset, and lies in 2026-11-20..2026-11-28', () => {
  for (const a of ARTICLES) {
    const m = ISO_WITH_OFFSET.exec(a.published);
    assert.ok(m, `${key(a)}: published is not ISO with an offset: ${a.published}`);
    const [, day, offset] = m;
    assert.ok(!Number.isNaN(Date.parse(a.published)), `${key(a)}: published does not parse`);
    assert.ok(day! >= '2026-11-20' && day! <= '2026-11-28', `${key(a)}: published ${a.published} out of range`);
    assert.ok(OFFSETS[a.outlet].includes(offset!), `${key(a)}: offset ${offset} is not ${a.outlet}'s`);
    if (a.updated !== undefined) {
      assert.match(a.updated, ISO_WITH_OFFSET, `${key(a)}: updated is not ISO with an offset`);
      assert.ok(Date.parse(a.updated) > Date.parse(a.published), `${key(a)}: updated before published`);
    }
  }
});

test('titles are unique and 6–14 words long', () => {
  const seen = new Set<string>();
  for (const a of ARTICLES) {
    assert.ok(!seen.has(a.title), `duplicate title: ${a.title}`);
    seen.add(a.title);
    const n = wordCount(a.title);
    assert.ok(n >= 6 && n <= 14, `${key(a)}: title has ${n} words`);
  }
});

test('leads are one sentence of 20–40 words', () => {
  for (const a of ARTICLES) {
    const n = wordCount(a.lead);
    assert.ok(n >= 20 && n <= 40, `${key(a)}: lead has ${n} words`);
  }
});

test('every article has 3–6 non-empty paragraphs of 30–80 words', () => {
  for (const a of ARTICLES) {
    assert.ok(a.paragraphs.length >= 3 && a.paragraphs.length <= 6, `${key(a)}: ${a.paragraphs.length} paragraphs`);
    a.paragraphs.forEach((p, i) => {
      assert.ok(p.trim().length > 0, `${key(a)}: paragraph ${i} is empty`);
      const n = wordCount(p);
      assert.ok(n >= 30 && n <= 80, `${key(a)}: paragraph ${i} has ${n} words`);
    });
  }
});

test('exactly 3 syndicated copies, each of an earlier wire article, 20–90 minutes later', () => {
  const byKey = new Map(ARTICLES.map((a) => [key(a), a]));
  const copies = ARTICLES.filter((a) => a.copyOf !== undefined);
  assert.equal(copies.length, 3);
  for (const copy of copies) {
    const original = byKey.get(copy.copyOf!);
    assert.ok(original, `${key(copy)}: copyOf ${copy.copyOf} does not exist`);
    assert.equal(original.outlet, 'wire', `${key(copy)}: copies a non-wire article`);
    assert.equal(original.copyOf, undefined, `${key(copy)}: copies a copy`);
    assert.ok(['nile', 'khaleej', 'quds'].includes(copy.outlet), `${key(copy)}: unexpected syndicating outlet`);
    assert.equal(copy.wire, 'وأع');
    assert.equal(copy.event, original.event);
    assert.notEqual(copy.title, original.title);
    const minutes = (Date.parse(copy.published) - Date.parse(original.published)) / 60_000;
    assert.ok(minutes >= 20 && minutes <= 90, `${key(copy)}: published ${minutes} minutes after the original`);
    // Small edits only: the dateline survives and most of the original's paragraphs are kept verbatim.
    assert.equal(copy.paragraphs[0]!.split(':')[0], original.paragraphs[0]!.split(':')[0], `${key(copy)}: dateline changed`);
    const kept = original.paragraphs.filter((p) => copy.paragraphs.includes(p)).length;
    assert.ok(kept >= original.paragraphs.length / 2, `${key(copy)}: keeps only ${kept} of the original's paragraphs`);
  }
});

test('only syndicated copies credit a wire agency', () => {
  for (const a of ARTICLES) {
    if (a.wire !== undefined) assert.ok(a.copyOf !== undefined, `${key(a)}: credits ${a.wire} without copyOf`);
  }
});
