// A small newsroom for the API, middleware and metrics tests: five outlets, a wire story told by
// three of them (one a syndicated copy), two football matches, tags and stories built by the real
// pipeline stages, and a source whose last polls failed.
import { silentLogger } from '../../log/index.ts';
import type { NewArticle } from '../../model/index.ts';
import { StoryStage } from '../../pipeline/stories.ts';
import { tagStoredArticle } from '../../pipeline/tag.ts';
import { SqliteStore } from '../../store/sqlite/sqlite-store.ts';
import { MATCH_AHLI, MATCH_HILAL, SPA_STORY, SPA_STORY_SABQ, SPA_STORY_TRIMMED } from '../../stories/fixtures.test-data.ts';
import { createApp } from '../app.tsx';

export const NOW = new Date('2015-08-11T22:00:00Z');

const OUTLETS = ['واس', 'سبق', 'المدينة', 'الرياض', 'عكاظ'] as const;
/** A name with the characters the Prometheus text format must escape in a label value. */
export const AWKWARD_NAME = 'صحيفة "الوطن" \\ اليوم';

let serial = 0;
function article(sourceId: number, title: string, text: string, published: string | null, fetched = published ?? NOW.toISOString()): NewArticle {
  return {
    external_id: `ext-${++serial}`, url: `https://news.example/${serial}`, source_id: sourceId, title, lead: null,
    body: text.split('\n').map((p) => `<p>${p}</p>`).join(''), text: text.split('\n').join('\n\n'),
    published_at: published, published_offset: published ? 180 : null, updated_at: null, fetched_at: fetched,
    authors: [], image: null, lang: 'ar',
  };
}

export async function apiFixture() {
  const store = SqliteStore.open(':memory:');
  const src: Record<string, number> = {};
  for (const name of OUTLETS) src[name] = (await store.addSource({ name, url: `https://${encodeURIComponent(name)}.example/rss` })).source.id;
  const awkward = (await store.addSource({ name: AWKWARD_NAME, url: 'https://watan.example/rss' })).source.id;
  const stage = await StoryStage.open(store, { log: silentLogger });
  const add = async (a: NewArticle) => {
    const { id } = await store.insertArticle(a);
    await tagStoredArticle(store, id, a, silentLogger);
    await stage.assign(id);
    return id;
  };
  const ids = {
    wire: await add(article(src['واس']!, 'الصحة: 12 إصابة جديدة بكورونا في الرياض', SPA_STORY, '2015-08-11T08:00:00.000Z')),
    sabq: await add(article(src['سبق']!, 'تسجيل 12 إصابة بكورونا في الرياض', SPA_STORY_SABQ, '2015-08-11T08:40:00.000Z')),
    madina: await add(article(src['المدينة']!, 'كورونا يعود إلى مستشفيات الرياض', SPA_STORY_TRIMMED, '2015-08-11T10:00:00.000Z')),
    hilal: await add(article(src['الرياض']!, 'الهلال يتغلب على الشباب بهدفين لهدف ويتصدر الدوري', MATCH_HILAL, '2015-08-11T20:00:00.000Z')),
    ahli: await add(article(src['عكاظ']!, 'الأهلي يكتسح الفتح بثلاثية في الأحساء', MATCH_AHLI, '2015-08-11T20:30:00.000Z')),
    // No date on the page: lists place it by its fetch time.
    undated: await add(article(src['عكاظ']!, 'الهلال يواصل تحضيراته للجولة الرابعة', MATCH_HILAL.split('\n')[0]!, null, '2015-08-11T21:00:00.000Z')),
  };
  // Health: the awkward outlet failed its last two polls and is due again; the others are not due.
  const later = '2015-08-12T06:00:00.000Z';
  for (const id of Object.values(src)) await store.recordPoll(id, { ok: true, status: 'ok', poll_interval: 900, next_poll_at: later, polled_at: '2015-08-11T21:45:00.000Z' });
  for (const polled of ['2015-08-11T21:00:00.000Z', '2015-08-11T21:30:00.000Z']) {
    await store.recordPoll(awkward, { ok: false, status: 'timeout', error: 'no answer in 20 s', poll_interval: 900, next_poll_at: '2015-08-11T21:45:00.000Z', polled_at: polled });
  }
  const app = createApp({ store, log: silentLogger, now: () => NOW });
  const sources: Record<string, number> & { awkward: number } = { ...src, awkward };
  return { store, app, ids, sources };
}
