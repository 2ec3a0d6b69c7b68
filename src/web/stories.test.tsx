import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../feeds/index.ts';
import { silentLogger } from '../log/index.ts';
import type { NewArticle } from '../model/index.ts';
import { StoryStage } from '../pipeline/stories.ts';
import { tagStoredArticle } from '../pipeline/tag.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { MATCH_HILAL, SPA_STORY, SPA_STORY_SABQ, SPA_STORY_TRIMMED } from '../stories/fixtures.test-data.ts';
import { createApp } from './app.tsx';
import { copyCount, outletCount } from './views/counts.ts';

const MATCH_HILAL_OTHER = `انتزع الهلال ثلاث نقاط ثمينة من الشباب بعد فوزه عليه بهدفين مقابل هدف في لقاء الفريقين على استاد الملك فهد الدولي بالرياض، ضمن الجولة الثالثة من دوري عبداللطيف جميل.
سجل ناصر الشمراني الهدف الأول للهلال في الدقيقة 23، وتعادل الشباب في الدقيقة 55، قبل أن يحسم كارلوس إدواردو المباراة بهدف في الدقيقة 81 ليواصل الهلال صدارة الدوري برصيد تسع نقاط.`;
const HILAL_PREVIEW = `يستعد فريق الهلال لمواجهة الشباب مساء اليوم على استاد الملك فهد الدولي بالرياض ضمن الجولة الثالثة من دوري عبداللطيف جميل، ويسعى الهلال إلى مواصلة الصدارة بعد فوزين متتاليين.
وأكد مدرب الهلال أن فريقه جاهز للمباراة رغم غياب بعض اللاعبين المصابين، فيما يأمل الشباب في العودة بنقطة على الأقل من ملعب الملك فهد.`;

let serial = 0;
function article(sourceId: number, title: string, text: string, published: string): NewArticle {
  return {
    external_id: null, url: `https://news.example/${++serial}`, source_id: sourceId, title, lead: null,
    body: text.split('\n').map((p) => `<p>${p}</p>`).join(''), text: text.split('\n').join('\n\n'),
    published_at: published, published_offset: 180, updated_at: null, fetched_at: published, authors: [], image: null, lang: 'ar',
  };
}

async function fixture() {
  const store = SqliteStore.open(':memory:');
  const src: Record<string, number> = {};
  for (const name of ['واس', 'سبق', 'المدينة', 'الرياض', 'عكاظ']) src[name] = (await store.addSource({ name, url: `https://${encodeURIComponent(name)}.example/rss` })).source.id;
  const stage = await StoryStage.open(store, { log: silentLogger });
  const add = async (a: NewArticle) => {
    const { id } = await store.insertArticle(a);
    await tagStoredArticle(store, id, a, silentLogger);
    await stage.assign(id);
    return id;
  };
  const preview = await add(article(src['عكاظ']!, 'الهلال يستعد لمواجهة الشباب في الجولة الثالثة', HILAL_PREVIEW, '2015-08-10T12:00:00.000Z'));
  const wire = await add(article(src['واس']!, 'الصحة: 12 إصابة جديدة بكورونا في الرياض', SPA_STORY, '2015-08-11T08:00:00.000Z'));
  const sabq = await add(article(src['سبق']!, 'تسجيل 12 إصابة بكورونا في الرياض', SPA_STORY_SABQ, '2015-08-11T08:40:00.000Z'));
  const madina = await add(article(src['المدينة']!, 'كورونا يعود إلى مستشفيات الرياض', SPA_STORY_TRIMMED, '2015-08-11T10:00:00.000Z'));
  const match = await add(article(src['الرياض']!, 'الهلال يتغلب على الشباب بهدفين لهدف ويتصدر الدوري', MATCH_HILAL, '2015-08-11T20:00:00.000Z'));
  const other = await add(article(src['سبق']!, 'الشمراني وإدواردو يقودان الهلال للفوز على الشباب', MATCH_HILAL_OTHER, '2015-08-11T21:30:00.000Z'));
  const app = createApp({ store, log: silentLogger, now: () => new Date('2015-08-11T22:00:00Z') });
  const storyOf = async (id: number) => (await store.getArticle(id))!.story_id!;
  return { store, app, ids: { preview, wire, sabq, madina, match, other }, storyOf };
}

test('counted nouns agree with the number', () => {
  assert.deepEqual([1, 2, 3, 10, 11, 99, 100, 102, 111].map(outletCount), [
    'مصدر واحد', 'مصدران', '3 مصادر', '10 مصادر', '11 مصدراً', '99 مصدراً', '100 مصدر', '102 مصدر', '111 مصدراً',
  ]);
  assert.deepEqual([1, 2, 3, 11].map(copyCount), ['نسخة واحدة', 'نسختان', '3 نسخ', '11 نسخة']);
});

test('the story page shows who reported first, every version on a timeline, copies folded, its tags and feeds', async () => {
  const { app, store, ids, storyOf } = await fixture();
  const story = await storyOf(ids.wire);
  const res = await app.request(`/story/${story}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>[^<]*إصابة[^<]*<\/h1>/);
  assert.match(html, /3 مصادر/);
  assert.match(html, /أول من نشر الخبر: <a href="\/source\/\d+">واس<\/a>/);
  assert.match(html, /<summary>\+نسختان<\/summary>/, 'two copies folded under the original');
  assert.match(html, /نسخة من واس نشرها <a href="\/source\/\d+">سبق<\/a>/);
  assert.match(html, new RegExp(`href="/article/${ids.madina}"`));
  assert.match(html, /href="\/tag\/[^"]+"/, 'the story links its main tags');
  assert.match(html, new RegExp(`href="/story/${story}/rss"`));
  const rss = await app.request(`/story/${story}/rss`);
  assert.equal(rss.status, 200);
  const feed = parseFeed(new Uint8Array(await rss.arrayBuffer()), { url: `http://localhost/story/${story}/rss` });
  assert.equal(feed.items.length, 3);
  assert.match(feed.items[0]!.link!, new RegExp(`/article/${ids.madina}$`), 'newest first');
  assert.equal((await app.request(`/story/${story}/atom`)).status, 200);
  assert.equal((await app.request('/story/9999')).status, 404);
  assert.equal((await app.request('/story/abc')).status, 404);
  assert.equal((await app.request('/story/9999/rss')).status, 404);
  await store.close();
});

test('a copy says where it comes from and which agency; a write-up lists the other outlets and what to read also', async () => {
  const { app, store, ids, storyOf } = await fixture();
  const copy = await (await app.request(`/article/${ids.sabq}`)).text();
  assert.match(copy, new RegExp(`هذا الخبر منقول عن <a href="/article/${ids.wire}">واس</a>`));
  assert.match(copy, /نقلاً عن وكالة الأنباء السعودية \(واس\)/);

  const page = await (await app.request(`/article/${ids.match}`)).text();
  assert.match(page, /تغطيات أخرى للخبر/);
  assert.match(page, new RegExp(`<a href="/article/${ids.other}">الشمراني وإدواردو يقودان الهلال للفوز على الشباب</a> <span class="meta"><span>سبق</span>`));
  assert.match(page, new RegExp(`href="/story/${await storyOf(ids.match)}">التغطية الكاملة على خط زمني \\(مصدران\\)`));
  assert.doesNotMatch(page, /هذا الخبر منقول عن/, 'an original is not a copy');
  const related = page.split('id="related-h"')[1] ?? '';
  assert.match(related, new RegExp(`href="/article/${ids.preview}"`), 'the match preview is read-also for the match');
  assert.doesNotMatch(related, new RegExp(`href="/article/(${ids.match}|${ids.other})"`), 'never its own story');
  await store.close();
});

test('the home page ranks stories by outlets and freshness above the latest articles', async () => {
  const { app, store, ids, storyOf } = await fixture();
  const html = await (await app.request('/')).text();
  const top = html.split('id="top-stories-h"')[1]!.split('id="latest-h"')[0]!;
  const order = [...top.matchAll(/<h3><a href="\/story\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(order.slice(0, 2), [await storyOf(ids.match), await storyOf(ids.wire)], 'two outlets two hours ago, then three outlets fourteen hours ago');
  const wireItem = top.split(`href="/story/${await storyOf(ids.wire)}"`)[2] ?? '';
  assert.match(wireItem, /^>3 مصادر<\/a>/, 'each story says how many outlets tell it');
  const outlets = [...(wireItem.split('</li></ul>')[0] ?? '').matchAll(/<a href="\/source\/\d+"><bdi>([^<]+)<\/bdi><\/a>/g)].map((m) => m[1]);
  assert.deepEqual(outlets, ['واس', 'سبق', 'المدينة'], 'and which, in the order they reported it, each linked');
  assert.match(html, /<h2 id="latest-h">آخر الأخبار<\/h2>/);
  const later = await (await app.request(`/?before=${encodeURIComponent('2015-08-11T21:00:00.000Z~99')}`)).text();
  assert.doesNotMatch(later, /top-stories-h/, 'older pages list articles only');
  await store.close();
});

test('/stories lists every story, most recently updated first, with its outlets; bad pages are 400, empty ones 404', async () => {
  const { app, store, ids, storyOf } = await fixture();
  const res = await app.request('/stories');
  assert.equal(res.status, 200);
  const html = await res.text();
  const listed = [...html.matchAll(/<h2><a href="\/story\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.equal(listed[0], await storyOf(ids.other), 'the match, updated last, comes first');
  assert.ok(listed.includes(await storyOf(ids.wire)) && listed.includes(await storyOf(ids.preview)));
  assert.match(html, /<a class="count" href="\/story\/\d+">3 مصادر<\/a>/);
  assert.match(html, /<link rel="canonical" href="http:\/\/localhost\/stories"\/>/);
  assert.equal((await app.request('/stories?page=2')).status, 404);
  assert.equal((await app.request('/stories?page=zero')).status, 400);
  assert.equal((await app.request('/stories?before=yesterday')).status, 400);
  await store.close();
});
