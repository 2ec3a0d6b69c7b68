/**
 * Tag precision, judged by hand: a fixed sample of SaudiNewsNet articles, the tags Marsad gives
 * each, and for every tag a person's verdict (eval/fixtures/tag-judgments.json). A tag is right when
 * the article is about that entity or topic, or names it prominently enough that a reader following
 * the tag would want the article; it is wrong when it names the wrong thing (a word read as a
 * name), is a fragment, or is only in passing while better tags were left out. The fixture keeps
 * article ids and tag names only, never the articles' text (the corpus is for evaluation only).
 *
 * A tagger change can produce tags nobody judged yet; the figures count them apart ("unjudged"),
 * and `npx tsx eval/tag-precision.ts --pending` prints them with their context for judging.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { tagArticle, type Tag } from '../src/tags/index.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CORPUS = resolve(HERE, '../../shared/corpus/saudinewsnet/articles.jsonl.gz');
const FIXTURE = join(HERE, 'fixtures/tag-judgments.json');

/** Articles per outlet in the sample: 14 outlets, so about 100 articles and 500–700 tags. */
const PER_OUTLET = 8;
/** Very short items (one-line briefs, photo captions) say little about a tagger. */
const MIN_BODY_CHARS = 400;

export type Verdict = 'ok' | 'wrong';

interface Fixture {
  rules: string;
  /** article id → tag name → verdict. */
  judgments: Record<string, Record<string, Verdict>>;
}

export interface SampleArticle {
  id: string;
  source: string;
  title: string;
  body: string;
}

/** A small, stable hash: the sample must not depend on file order or on Node's version. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The sample: per outlet, the PER_OUTLET long-enough articles with the lowest id hash. */
export async function loadSample(): Promise<SampleArticle[] | null> {
  if (!existsSync(CORPUS)) return null;
  const byOutlet = new Map<string, { h: number; a: SampleArticle }[]>();
  const lines = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const r = JSON.parse(line) as { id: string; source: string; title?: string; body?: string };
    if (!r.title || !r.body || r.body.length < MIN_BODY_CHARS) continue;
    const list = byOutlet.get(r.source) ?? [];
    list.push({ h: fnv1a(r.id), a: { id: r.id, source: r.source, title: r.title, body: r.body } });
    byOutlet.set(r.source, list);
  }
  const sample: SampleArticle[] = [];
  for (const source of [...byOutlet.keys()].sort()) {
    const picked = byOutlet.get(source)!.sort((x, y) => x.h - y.h).slice(0, PER_OUTLET);
    sample.push(...picked.map((p) => p.a));
  }
  return sample;
}

export function readJudgments(): Fixture {
  return existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture) : { rules: '', judgments: {} };
}

export interface TagPrecision {
  articles: number;
  tags: number;
  judged: number;
  unjudged: number;
  precision: number;
  /** Precision per tag type (person, place, organization, keyword…), over judged tags. */
  by_type: Record<string, { judged: number; precision: number }>;
  /** Tags judged wrong, for reading: "article id: name (type)". */
  wrong: string[];
  pending: { id: string; title: string; tag: Tag }[];
}

export async function evalTagPrecision(): Promise<TagPrecision | null> {
  const sample = await loadSample();
  if (!sample) return null;
  const { judgments } = readJudgments();
  let tags = 0;
  let ok = 0;
  let judged = 0;
  const byType: Record<string, { ok: number; judged: number }> = {};
  const wrong: string[] = [];
  const pending: TagPrecision['pending'] = [];
  for (const a of sample) {
    for (const tag of tagArticle({ title: a.title, text: a.body })) {
      tags++;
      const verdict = judgments[a.id]?.[tag.name];
      if (!verdict) {
        pending.push({ id: a.id, title: a.title, tag });
        continue;
      }
      judged++;
      const t = (byType[tag.type] ??= { ok: 0, judged: 0 });
      t.judged++;
      if (verdict === 'ok') {
        ok++;
        t.ok++;
      } else wrong.push(`${a.id}: ${tag.name} (${tag.type})`);
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    articles: sample.length,
    tags,
    judged,
    unjudged: tags - judged,
    precision: round(judged ? ok / judged : 0),
    by_type: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, { judged: v.judged, precision: round(v.ok / v.judged) }])),
    wrong,
    pending,
  };
}

/** The sentences of `text` that mention `name` (any of its words), for the judge to read. */
function contextOf(text: string, name: string): string[] {
  const words = name.split(/\s+/).filter((w) => w.length > 2).map((w) => w.replace(/^ال/, ''));
  return text
    .split(/(?<=[.!؟?\n])\s*/)
    .filter((s) => words.some((w) => s.includes(w)))
    .slice(0, 3)
    .map((s) => s.trim().slice(0, 300));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await evalTagPrecision();
  if (!result) {
    console.log('../shared/corpus/saudinewsnet is absent');
  } else if (process.argv.includes('--pending')) {
    const sample = new Map((await loadSample())!.map((a) => [a.id, a]));
    for (const p of result.pending) {
      const a = sample.get(p.id)!;
      console.log(JSON.stringify({ id: p.id, title: p.title, tag: p.tag.name, type: p.tag.type, weight: p.tag.weight, context: contextOf(a.body, p.tag.name) }));
    }
  } else if (process.argv.includes('--sample')) {
    for (const a of (await loadSample())!) console.log(JSON.stringify({ ...a, tags: tagArticle({ title: a.title, text: a.body }).map((t) => `${t.name} (${t.type})`) }));
  } else {
    const { pending, ...summary } = result;
    console.log(JSON.stringify(summary, null, 2));
  }
}
