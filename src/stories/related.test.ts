import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryClusterer } from './cluster.ts';
import type { StoryArticle } from './features.ts';
import { relatedStories } from './related.ts';

// Entities with weights, given rather than computed so the test states what each article is about.
const ASIR = [{ id: 'region:asir', weight: 1 }, { id: 'org:emergency-forces', weight: 0.8 }];
const base = (id: string, published: string, title: string, text: string, source = 'okaz', tags = ASIR): StoryArticle => ({ id, published, title, text, source, tags });

const ARTICLES: StoryArticle[] = [
  base('bomb', '2015-08-06T12:00:00Z', 'انتحاري يفجر نفسه في مسجد قوات الطوارئ بعسير', 'فجر انتحاري نفسه داخل مسجد قوات الطوارئ الخاصة في منطقة عسير أثناء صلاة الظهر مما أدى إلى استشهاد 15 شخصا.'),
  base('mufti', '2015-08-06T20:00:00Z', 'المفتي العام يدين تفجير مسجد قوات الطوارئ في عسير', 'أدان سماحة المفتي العام للمملكة الشيخ عبدالعزيز آل الشيخ التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في عسير ووصف منفذيه بالفئة الضالة.', 'alriyadh', [{ id: 'person:grand-mufti', weight: 1 }, { id: 'region:asir', weight: 0.6 }]),
  base('funeral', '2015-08-07T18:00:00Z', 'أمير عسير يؤدي صلاة الميت على شهداء مسجد قوات الطوارئ', 'أدى أمير منطقة عسير الأمير فيصل بن خالد صلاة الميت على شهداء تفجير مسجد قوات الطوارئ الخاصة في جامع أبها الكبير.', 'alyaum'),
  base('oil', '2015-08-06T09:00:00Z', 'ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية', 'ارتفعت أسعار النفط في تعاملات اليوم بعد أن أظهرت بيانات تراجع المخزونات الأمريكية من الخام أكثر من المتوقع.', 'okaz', [{ id: 'country:US', weight: 1 }]),
  base('old', '2015-07-20T12:00:00Z', 'تفجير انتحاري يستهدف مسجدا في القديح', 'فجر انتحاري نفسه في مسجد ببلدة القديح في محافظة القطيف أثناء صلاة الجمعة.'),
];

test('related stories share the topic, exclude the own story and stay within ±7 days', () => {
  const c = new StoryClusterer();
  const storyOf = new Map<string, number>();
  for (const a of [ARTICLES[4]!, ...ARTICLES.slice(0, 4)].sort((x, y) => String(x.published).localeCompare(String(y.published)))) storyOf.set(String(a.id), c.add(a).storyId);
  const mufti = ARTICLES[1]!;
  const related = relatedStories(mufti, c, { excludeStory: storyOf.get('mufti') });
  const ids = related.map((r) => r.articleId);
  assert.ok(!related.some((r) => r.storyId === storyOf.get('mufti')), 'never its own story');
  assert.ok(!ids.includes('oil'), 'not an unrelated story');
  assert.ok(!ids.includes('old'), 'not a story more than 7 days away');
  assert.ok(ids.includes('bomb') || ids.includes('funeral'), JSON.stringify(related));
  assert.ok(related.length <= 5);
});

test('after a restart from the saved state, "read also" lists the same stories with the same scores', () => {
  const c = new StoryClusterer();
  const storyOf = new Map<string, number>();
  for (const a of [ARTICLES[4]!, ...ARTICLES.slice(0, 4)].sort((x, y) => String(x.published).localeCompare(String(y.published)))) storyOf.set(String(a.id), c.add(a).storyId);
  const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(c.toJSON())));
  for (const a of ARTICLES) {
    const live = relatedStories(a, c, { excludeStory: storyOf.get(String(a.id)) });
    assert.deepEqual(relatedStories(a, restored, { excludeStory: storyOf.get(String(a.id)) }), live, String(a.id));
  }
  assert.ok(relatedStories(ARTICLES[1]!, restored, { excludeStory: storyOf.get('mufti') }).length > 0);
});
