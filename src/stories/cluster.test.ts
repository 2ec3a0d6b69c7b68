import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryClusterer } from './cluster.ts';
import type { StoryArticle } from './features.ts';

// Realistic briefs: two outlets on one match, the same club's next match two days later, and
// unrelated news that gives the IDF something to compare against.
const DISTRACTORS: StoryArticle[] = [
  { id: 'd1', source: 'okaz', published: '2015-08-05T06:00:00Z', title: 'ارتفاع أسعار النفط مع تراجع المخزونات الأمريكية', text: 'ارتفعت أسعار النفط في تعاملات اليوم بعد أن أظهرت بيانات تراجع المخزونات الأمريكية من الخام أكثر من المتوقع.' },
  { id: 'd2', source: 'alyaum', published: '2015-08-05T07:00:00Z', title: 'الأرصاد تتوقع أمطارا رعدية على عسير وجازان', text: 'توقعت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار رعدية على مرتفعات عسير وجازان والباحة.' },
  { id: 'd3', source: 'alriyadh', published: '2015-08-05T08:00:00Z', title: 'افتتاح معرض الكتاب في جدة بمشاركة 400 دار نشر', text: 'افتتح أمير منطقة مكة المكرمة معرض الكتاب الدولي في جدة بمشاركة أكثر من 400 دار نشر عربية وأجنبية.' },
  { id: 'd4', source: 'sabq', published: '2015-08-05T09:00:00Z', title: 'وزارة الصحة تعلن تسجيل حالات جديدة بفيروس كورونا', text: 'أعلنت وزارة الصحة تسجيل ثلاث حالات إصابة جديدة بفيروس كورونا في الرياض خلال الساعات الماضية.' },
];

const MATCH_A: StoryArticle = {
  id: 'a1', source: 'alriyadh', published: '2015-08-06T18:00:00Z',
  title: 'الأهلي يتعادل مع نيوشاتل السويسري 3-3 في معسكر سويسرا',
  text: 'تعادل فريق الأهلي مع نظيره نيوشاتل السويسري بثلاثة أهداف لمثلها في المباراة الودية التي جمعتهما ضمن معسكر الفريق في سويسرا، وسجل أهداف الأهلي عمر السومة هدفين ومهند عسيري.',
};
const MATCH_A_OTHER_OUTLET: StoryArticle = {
  id: 'a2', source: 'almadina', published: '2015-08-06T19:00:00Z',
  title: 'تعادل مثير بين الأهلي ونيوشاتل في ودية سويسرا',
  text: 'انتهت المباراة الودية بين الأهلي ونيوشاتل السويسري بالتعادل 3-3 ضمن معسكر الأهلي الإعدادي في سويسرا، وأحرز السومة هدفين وأضاف عسيري الهدف الثالث.',
};
const MATCH_B: StoryArticle = {
  id: 'b1', source: 'alriyadh', published: '2015-08-08T18:00:00Z',
  title: 'الأهلي يكتسح لي مونت برباعية ويختتم معسكر سويسرا',
  text: 'فاز فريق الأهلي على لي مونت السويسري بأربعة أهداف مقابل هدف في آخر مبارياته الودية بمعسكر لوزان، وسجل الأهداف الجاسم وسياني والسومة ومعتز هوساوي.',
};

function clustererWith(articles: StoryArticle[]) {
  const c = new StoryClusterer();
  return { c, results: articles.map((a) => c.add(a)) };
}

test("two outlets' versions of one match join one story", () => {
  const { results } = clustererWith([...DISTRACTORS, MATCH_A, MATCH_A_OTHER_OUTLET]);
  const [a, b] = results.slice(-2);
  assert.equal(a!.created, true);
  assert.equal(b!.created, false);
  assert.equal(b!.storyId, a!.storyId);
  assert.equal(b!.story.articleCount, 2);
  assert.equal(b!.story.outletCount, 2);
});

test("the same club's next match, two days later, is a different story", () => {
  const { results } = clustererWith([...DISTRACTORS, MATCH_A, MATCH_A_OTHER_OUTLET, MATCH_B]);
  const b = results.at(-1)!;
  assert.equal(b.created, true);
  assert.notEqual(b.storyId, results.at(-2)!.storyId);
});

test('a copy published after the join window starts a new story', () => {
  const late: StoryArticle = { ...MATCH_A_OTHER_OUTLET, id: 'late', published: '2015-08-10T19:00:00Z' };
  const { results } = clustererWith([...DISTRACTORS, MATCH_A, late]);
  assert.equal(results.at(-1)!.created, true);
  // The same text inside the window would have joined: it is the time that keeps them apart.
  const { results: inWindow } = clustererWith([...DISTRACTORS, MATCH_A, { ...late, published: '2015-08-06T20:00:00Z' }]);
  assert.equal(inWindow.at(-1)!.created, false);
});

test('first and last seen follow publication times, whatever the arrival order', () => {
  const earlier: StoryArticle = { ...MATCH_A_OTHER_OUTLET, published: '2015-08-06T16:00:00Z' };
  const { results } = clustererWith([...DISTRACTORS, MATCH_A, earlier]);
  const s = results.at(-1)!.story;
  assert.equal(s.firstSeen, Date.parse('2015-08-06T16:00:00Z'));
  assert.equal(s.lastSeen, Date.parse('2015-08-06T18:00:00Z'));
  assert.ok(s.headline === MATCH_A.title || s.headline === MATCH_A_OTHER_OUTLET.title);
});

test('stories leave memory after the retention window; the snapshot resumes the same state', () => {
  const { c } = clustererWith([...DISTRACTORS, MATCH_A, MATCH_A_OTHER_OUTLET]);
  const copy = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(c.toJSON())));
  const third: StoryArticle = { ...MATCH_A, id: 'a3', source: 'okaz', published: '2015-08-06T22:00:00Z' };
  assert.equal(copy.add(third).storyId, c.add({ ...third }).storyId);
  const recent = c.recentCount;
  c.add({ ...DISTRACTORS[0]!, id: 'much-later', published: '2015-08-20T06:00:00Z' });
  assert.ok(c.recentCount < recent, `${c.recentCount} stories kept of ${recent}`);
  assert.equal(c.story(1), undefined);
});
