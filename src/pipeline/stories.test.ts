import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../log/index.ts';
import type { NewArticle } from '../model/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { MATCH_HILAL, SPA_STORY, SPA_STORY_SABQ, SPA_STORY_TRIMMED } from '../stories/fixtures.test-data.ts';
import { StoryStage } from './stories.ts';
import { tagStoredArticle } from './tag.ts';

// News of one week, written for these tests: a wire story and its copies, two write-ups of one
// match, the same club's next match three days later, and unrelated news for the IDF to learn from.
const DISTRACTORS: Array<[string, string, string]> = [
  ['ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية', 'ارتفعت أسعار النفط في تعاملات اليوم بعد أن أظهرت بيانات رسمية تراجع المخزونات الأمريكية من الخام أكثر من المتوقع، وصعد خام برنت إلى 52 دولاراً للبرميل.', '2015-08-10T06:00:00Z'],
  ['الأرصاد تتوقع أمطاراً رعدية على عسير وجازان', 'توقعت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار رعدية على مرتفعات عسير وجازان والباحة، ودعت المواطنين إلى الابتعاد عن مجاري السيول.', '2015-08-10T07:00:00Z'],
  ['افتتاح معرض الكتاب في جدة بمشاركة 400 دار نشر', 'افتتح أمير منطقة مكة المكرمة معرض الكتاب الدولي في جدة بمشاركة أكثر من 400 دار نشر عربية وأجنبية، ويستمر المعرض عشرة أيام.', '2015-08-10T08:00:00Z'],
];

const MATCH_HILAL_OTHER = `انتزع الهلال ثلاث نقاط ثمينة من الشباب بعد فوزه عليه بهدفين مقابل هدف في لقاء الفريقين على استاد الملك فهد الدولي بالرياض، ضمن الجولة الثالثة من دوري عبداللطيف جميل.
سجل ناصر الشمراني الهدف الأول للهلال في الدقيقة 23، وتعادل الشباب في الدقيقة 55، قبل أن يحسم كارلوس إدواردو المباراة بهدف في الدقيقة 81 ليواصل الهلال صدارة الدوري برصيد تسع نقاط.`;

const HILAL_NEXT_MATCH = `تعادل فريق الهلال مع مضيفه فريق التعاون بهدف لمثله، في المباراة التي جمعتهما مساء اليوم على ملعب مدينة الملك عبدالله الرياضية ببريدة ضمن منافسات الجولة الرابعة من دوري عبداللطيف جميل للمحترفين.
وتقدم التعاون بهدف في الدقيقة 30 عن طريق مهاجمه، وأدرك الهلال التعادل في الدقيقة 70 بتسديدة من ياسر القحطاني، ليرفع الهلال رصيده إلى عشر نقاط.`;

interface Fixture {
  store: Store;
  sources: Record<string, number>;
}

async function fixture(): Promise<Fixture> {
  const store = SqliteStore.open(':memory:');
  const sources: Record<string, number> = {};
  for (const name of ['واس', 'سبق', 'عكاظ', 'الرياض', 'المدينة']) {
    sources[name] = (await store.addSource({ name, url: `https://${encodeURIComponent(name)}.example/rss` })).source.id;
  }
  return { store, sources };
}

let serial = 0;
function article(sourceId: number, title: string, text: string, published: string): NewArticle {
  return {
    external_id: null, url: `https://news.example/${++serial}`, source_id: sourceId, title, lead: null,
    body: text.split('\n').map((p) => `<p>${p}</p>`).join(''), text: text.split('\n').join('\n\n'),
    published_at: new Date(published).toISOString(), published_offset: 180, updated_at: null,
    fetched_at: '2015-08-20T00:00:00.000Z', authors: [], image: null, lang: 'ar',
  };
}

/** Stores, tags and (with a stage) places an article, as a crawl does. */
async function ingest(store: Store, stage: StoryStage | null, a: NewArticle): Promise<number> {
  const { id } = await store.insertArticle(a);
  await tagStoredArticle(store, id, a, silentLogger);
  if (stage) await stage.assign(id);
  return id;
}

async function withDistractors(f: Fixture, stage: StoryStage | null): Promise<void> {
  for (const [title, text, at] of DISTRACTORS) await ingest(f.store, stage, article(f.sources['عكاظ']!, title, text, at));
}

test('an SPA story republished by two outlets is one original with two copies, in one story', async () => {
  const f = await fixture();
  const stage = await StoryStage.open(f.store, { log: silentLogger });
  await withDistractors(f, stage);
  const wire = await ingest(f.store, stage, article(f.sources['واس']!, 'الصحة: 12 إصابة جديدة بكورونا في الرياض', SPA_STORY, '2015-08-11T08:00:00Z'));
  const sabq = await ingest(f.store, stage, article(f.sources['سبق']!, 'تسجيل 12 إصابة بكورونا في الرياض بينها 3 من العاملين الصحيين', SPA_STORY_SABQ, '2015-08-11T08:40:00Z'));
  const trimmed = await ingest(f.store, stage, article(f.sources['المدينة']!, 'كورونا يعود إلى مستشفيات الرياض', SPA_STORY_TRIMMED, '2015-08-11T10:00:00Z'));
  const [w, s, t] = await Promise.all([wire, sabq, trimmed].map((id) => f.store.getArticle(id)));
  assert.equal(w!.duplicate_of, null);
  assert.equal(s!.duplicate_of, wire);
  assert.equal(t!.duplicate_of, wire);
  assert.equal(s!.story_id, w!.story_id);
  assert.equal(t!.story_id, w!.story_id);
  assert.deepEqual((await f.store.copiesOf(wire)).map((c) => c.id), [sabq, trimmed]);
  assert.equal((await f.store.wireCredit(sabq))?.code, 'spa', 'the copy credits واس');
  const story = (await f.store.getStory(w!.story_id!))!;
  assert.deepEqual({ articles: story.article_count, outlets: story.outlet_count }, { articles: 3, outlets: 3 });
  assert.equal(story.outlets[0]!.name, 'واس', 'the agency reported first');
  await f.store.close();
});

test("two outlets' write-ups of one match share a story; the club's next match, three days later, is another", async () => {
  const f = await fixture();
  const stage = await StoryStage.open(f.store, { log: silentLogger });
  await withDistractors(f, stage);
  const a = await ingest(f.store, stage, article(f.sources['الرياض']!, 'الهلال يتغلب على الشباب بهدفين لهدف ويتصدر الدوري', MATCH_HILAL, '2015-08-11T20:00:00Z'));
  const b = await ingest(f.store, stage, article(f.sources['سبق']!, 'الشمراني وإدواردو يقودان الهلال للفوز على الشباب', MATCH_HILAL_OTHER, '2015-08-11T21:30:00Z'));
  const c = await ingest(f.store, stage, article(f.sources['الرياض']!, 'الهلال يتعادل مع التعاون في بريدة', HILAL_NEXT_MATCH, '2015-08-14T20:00:00Z'));
  const [x, y, z] = await Promise.all([a, b, c].map((id) => f.store.getArticle(id)));
  assert.equal(y!.duplicate_of, null, 'a write-up of its own is not a copy');
  assert.equal(y!.story_id, x!.story_id);
  assert.notEqual(z!.story_id, x!.story_id);
  const story = (await f.store.getStory(x!.story_id!))!;
  assert.equal(story.outlet_count, 2);
  assert.ok([x!.title, y!.title].includes(story.headline));
  assert.ok(story.entities.length > 0, 'the story keeps its main entities');
  // "Read also" for the next match: the earlier match is related, never its own story.
  const related = await f.store.relatedForArticle(c);
  assert.ok(related.every((r) => r.story.id !== z!.story_id));
  await f.store.close();
});

test('a copy crawled before its original is folded under the original when that arrives', async () => {
  const f = await fixture();
  const stage = await StoryStage.open(f.store, { log: silentLogger });
  await withDistractors(f, stage);
  const copy = await ingest(f.store, stage, article(f.sources['سبق']!, 'تسجيل 12 إصابة بكورونا في الرياض', SPA_STORY_SABQ, '2015-08-11T08:40:00Z'));
  const original = await ingest(f.store, stage, article(f.sources['واس']!, 'الصحة: 12 إصابة جديدة بكورونا في الرياض', SPA_STORY, '2015-08-11T08:00:00Z'));
  const [c, o] = await Promise.all([copy, original].map((id) => f.store.getArticle(id)));
  assert.equal(o!.duplicate_of, null);
  assert.equal(c!.duplicate_of, original);
  assert.equal(c!.story_id, o!.story_id);
  await f.store.close();
});

test('after a restart the replayed memory keeps story ids, finds copies and continues numbering', async () => {
  const f = await fixture();
  const first = await StoryStage.open(f.store, { log: silentLogger });
  await withDistractors(f, first);
  const match = await ingest(f.store, first, article(f.sources['الرياض']!, 'الهلال يتغلب على الشباب بهدفين لهدف ويتصدر الدوري', MATCH_HILAL, '2015-08-11T20:00:00Z'));
  const wire = await ingest(f.store, first, article(f.sources['واس']!, 'الصحة: 12 إصابة جديدة بكورونا في الرياض', SPA_STORY, '2015-08-11T21:00:00Z'));
  const before = await f.store.maxStoryId();

  const reports: Array<Record<string, unknown>> = [];
  const second = await StoryStage.open(f.store, { log: (_level, event, fields) => { if (event === 'stories_replayed') reports.push(fields ?? {}); } });
  assert.equal(reports[0]?.articles, 5, 'every clustered article of the last 7 days replayed');
  const other = await ingest(f.store, second, article(f.sources['سبق']!, 'الشمراني وإدواردو يقودان الهلال للفوز على الشباب', MATCH_HILAL_OTHER, '2015-08-11T21:30:00Z'));
  const copy = await ingest(f.store, second, article(f.sources['سبق']!, 'تسجيل 12 إصابة بكورونا في الرياض', SPA_STORY_SABQ, '2015-08-11T21:40:00Z'));
  const next = await ingest(f.store, second, article(f.sources['الرياض']!, 'الهلال يتعادل مع التعاون في بريدة', HILAL_NEXT_MATCH, '2015-08-14T20:00:00Z'));
  assert.equal((await f.store.getArticle(other))!.story_id, (await f.store.getArticle(match))!.story_id);
  assert.equal((await f.store.getArticle(copy))!.duplicate_of, wire, 'a copy of an article stored before the restart');
  assert.equal((await f.store.getArticle(next))!.story_id, before + 1, 'new stories are numbered after the stored ones');
  await f.store.close();
});

test('a backlog stored in any order is placed in publication order', async () => {
  const f = await fixture();
  // Newest first, as a dump sorted the wrong way would store them; no stage yet.
  const trimmed = await ingest(f.store, null, article(f.sources['المدينة']!, 'كورونا يعود إلى مستشفيات الرياض', SPA_STORY_TRIMMED, '2015-08-11T10:00:00Z'));
  const sabq = await ingest(f.store, null, article(f.sources['سبق']!, 'تسجيل 12 إصابة بكورونا في الرياض', SPA_STORY_SABQ, '2015-08-11T08:40:00Z'));
  const wire = await ingest(f.store, null, article(f.sources['واس']!, 'الصحة: 12 إصابة جديدة بكورونا في الرياض', SPA_STORY, '2015-08-11T08:00:00Z'));
  await withDistractors(f, null);
  const stage = await StoryStage.open(f.store, { log: silentLogger });
  const report = await stage.placeBacklog();
  assert.deepEqual({ placed: report.placed, copies: report.copies, failed: report.failed }, { placed: 4, copies: 2, failed: 0 });
  assert.equal((await f.store.getArticle(sabq))!.duplicate_of, wire);
  assert.equal((await f.store.getArticle(trimmed))!.duplicate_of, wire);
  assert.deepEqual(await f.store.articlesWithoutStory(10), []);
  await f.store.close();
});
