import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, ArticleTag } from '../../model/index.ts';
import { groupByTopic, TOPIC_ARTICLES } from './home-topics.ts';

let serial = 0;
function article(title: string): Article {
  const id = ++serial;
  return {
    id, external_id: null, url: `https://news.example/${id}`, source_id: 1, source_name: 'الجزيرة', title, lead: null, body: '', text: '',
    published_at: '2026-11-28T09:00:00.000Z', published_offset: 180, updated_at: null, fetched_at: '2026-11-28T09:00:00.000Z',
    authors: [], image: null, lang: 'ar', story_id: null, duplicate_of: null, category: null,
  };
}

const GAZA: ArticleTag = { key: 'place:gaza', name: 'غزة', type: 'place', weight: 1 };
const EGYPT: ArticleTag = { key: 'country:EG', name: 'مصر', type: 'place', weight: 0.8 };
const OIL: ArticleTag = { key: 'أسعار النفط', name: 'أسعار النفط', type: 'keyword', weight: 1 };
const LEAGUE: ArticleTag = { key: 'الدوري السعودي', name: 'الدوري السعودي', type: 'keyword', weight: 1 };

test('the home page groups the latest news by the topics most articles share, each bringing new articles', () => {
  const truce = [article('مصر تستضيف جولة جديدة من مفاوضات التهدئة في غزة'), article('وفد مصري يصل إلى غزة لبحث تثبيت وقف إطلاق النار')];
  const aid = [article('دخول 200 شاحنة مساعدات إلى غزة عبر معبر رفح'), article('الأمم المتحدة: نقص حاد في الوقود بمستشفيات غزة'), article('غزة: انقطاع الاتصالات لليوم الثالث')];
  const oil = [article('أسعار النفط تصعد بعد قرار أوبك+'), article('برنت فوق 80 دولاراً مع تراجع المخزونات الأمريكية')];
  const lone = article('الهلال يفوز على النصر في ديربي الرياض');
  const articles = [...truce, ...aid, ...oil, lone];
  const tags = new Map<number, ArticleTag[]>([
    ...truce.map((a) => [a.id, [GAZA, EGYPT]] as [number, ArticleTag[]]),
    ...aid.map((a) => [a.id, [GAZA]] as [number, ArticleTag[]]),
    ...oil.map((a) => [a.id, [OIL]] as [number, ArticleTag[]]),
    [lone.id, [LEAGUE]],
  ]);
  const topics = groupByTopic(articles, tags);
  assert.deepEqual(topics.map((t) => t.tag.name), ['غزة', 'أسعار النفط'], 'Egypt adds nothing Gaza did not show; one match is not a topic');
  assert.equal(topics[0]!.articles.length, TOPIC_ARTICLES, 'at most four headlines a topic');
  assert.deepEqual(topics[0]!.articles.map((a) => a.title), articles.slice(0, TOPIC_ARTICLES).map((a) => a.title), 'newest first');
  assert.deepEqual(groupByTopic([], new Map()), []);
});
