// Synthetic but realistic Arabic outlets for the workers test: 50 outlets, each its own loopback
// port (so its own host to the politeness rules), an RSS feed of 40 items and the article pages.
//
// 2,000 articles report 100 events, 20 outlets each. Each event has names found nowhere else (a
// minister, a company, a town, built from syllables) and a topic shared with four other events, so
// an event's reports share rare words while two events share only common ones: any sane clustering
// order gives the same stories. The outlets tell an event in their own words (a different choice and
// order of sentences), so reports are not wire copies of one another.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const OUTLETS = 50;
export const EVENTS = 100;
export const PER_EVENT = 20;

const SYLLABLES = ['بر', 'سا', 'مي', 'لو', 'كا', 'ني', 'دو', 'ري', 'تا', 'فو', 'زي', 'ها', 'جو', 'نو', 'شا', 'قي'];
const FIRST_NAMES = ['خالد', 'سعاد', 'يوسف', 'ليلى', 'عمر', 'هدى', 'طارق', 'منى', 'سامي', 'رنا'];
const TOPICS = [
  { noun: 'خطة لتحلية مياه البحر', words: 'محطات التحلية وشبكات النقل وخزانات المياه الجوفية' },
  { noun: 'برنامجا لدعم المزارعين', words: 'القروض الزراعية والبذور المحسنة وقنوات الري' },
  { noun: 'مشروعا للطاقة الشمسية', words: 'الألواح الشمسية ومحطات التوليد وشبكة الكهرباء الوطنية' },
  { noun: 'حملة لتطعيم الأطفال', words: 'اللقاحات والفرق الصحية المتنقلة والمراكز الطبية' },
  { noun: 'اتفاقا لتوسعة الميناء', words: 'الأرصفة البحرية والحاويات وخطوط الملاحة التجارية' },
  { noun: 'خطة لإعادة تأهيل المدارس', words: 'الفصول الدراسية والمعلمين والكتب المدرسية' },
  { noun: 'مبادرة لتمويل الشركات الناشئة', words: 'رأس المال الجريء وحاضنات الأعمال والتقنية المالية' },
  { noun: 'مشروعا لسكك الحديد', words: 'القطارات السريعة والمحطات والشحن البري' },
  { noun: 'برنامجا للإسكان الميسر', words: 'الوحدات السكنية والتمويل العقاري والأراضي الحكومية' },
  { noun: 'خطة لمكافحة التصحر', words: 'التشجير والمحميات الطبيعية وحصاد مياه الأمطار' },
  { noun: 'مهرجانا للكتاب', words: 'دور النشر والندوات الثقافية وتوقيع الإصدارات' },
  { noun: 'بطولة لكرة القدم', words: 'المنتخبات والملاعب والجماهير والحكام' },
  { noun: 'قانونا لحماية المستهلك', words: 'الأسعار والرقابة على الأسواق وجودة السلع' },
  { noun: 'مشروعا لتطوير المستشفيات', words: 'الأسرة الطبية وغرف العمليات والكوادر التمريضية' },
  { noun: 'خطة للتحول الرقمي', words: 'الخدمات الإلكترونية ومراكز البيانات والأمن السيبراني' },
];

function coined(n: number, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i++) {
    out += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return out;
}

export interface FixtureArticle {
  outlet: number;
  slug: string;
  event: number;
  title: string;
  paragraphs: string[];
  published: Date;
}

/** Every article, in outlet-independent order: event by event. Dates run over the last 60 hours. */
export function fixtureArticles(now = Date.now()): FixtureArticle[] {
  const start = now - 60 * 3_600_000;
  const articles: FixtureArticle[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const topic = TOPICS[e % TOPICS.length]!;
    const minister = `${FIRST_NAMES[e % FIRST_NAMES.length]} ${coined(e * 7 + 3, 3)}ي`;
    const company = `${coined(e * 13 + 5, 3)}كو`;
    const town = `${coined(e * 11 + 1, 2)}ستان`;
    const project = `${coined(e * 5 + 9, 3)}ون`;
    const budget = 120 + e * 17;
    const sentences = [
      `أعلن الوزير ${minister} اليوم ${topic.noun} في مدينة ${town} بالشراكة مع مجموعة ${company}.`,
      `وقال ${minister} في مؤتمر صحفي إن مشروع ${project} يستفيد منه سكان ${town} والقرى المجاورة.`,
      `وتبلغ الميزانية المرصودة ${budget} مليون دولار تتولى مجموعة ${company} تنفيذ الجزء الأكبر منها.`,
      `وأوضح مدير مجموعة ${company} أن العمل في ${town} يبدأ خلال الأشهر المقبلة وفق جدول زمني معلن.`,
      `ورحب أهالي ${town} بإعلان الوزير ${minister} مطالبين بتسريع التنفيذ وتوفير فرص العمل.`,
      `ويأتي إعلان ${minister} عن ${project} ضمن خطة حكومية أوسع تشمل ${topic.words}.`,
      `وأشار خبراء إلى أن شراكة ${company} مع الحكومة في ${town} قد تكون نموذجا لمدن أخرى.`,
    ];
    const titles = [
      `الوزير ${minister} يعلن ${topic.noun} في ${town}`,
      `${town}: ${minister} يطلق ${topic.noun} مع ${company}`,
      `${company} تنفذ ${topic.noun} في ${town} بتكلفة ${budget} مليون دولار`,
      `${minister}: ${topic.noun} في ${town} يبدأ قريبا`,
    ];
    for (let j = 0; j < PER_EVENT; j++) {
      const k = e * PER_EVENT + j;
      const outlet = k % OUTLETS;
      // Each outlet keeps five of the seven sentences, in its own order.
      const order = sentences.map((s, i) => ({ s, key: (i * 5 + j * 3) % 7 })).sort((a, b) => a.key - b.key).map((x) => x.s);
      const paragraphs = order.slice(0, 5);
      paragraphs.push(`وتابع مراسل المنفذ ${outlet + 1} تفاصيل الإعلان من ${town} في تقريره رقم ${k + 1}.`);
      articles.push({
        outlet,
        slug: `news-${k + 1}`,
        event: e,
        title: titles[j % titles.length]!,
        paragraphs,
        published: new Date(start + e * 30 * 60_000 + j * 6 * 60_000),
      });
    }
  }
  return articles;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function feed(origin: string, name: string, items: FixtureArticle[]): string {
  const entries = [...items].sort((a, b) => b.published.getTime() - a.published.getTime()).map((a) => `
  <item>
    <title>${escapeXml(a.title)}</title>
    <link>${origin}/${a.slug}</link>
    <guid>${origin}/${a.slug}</guid>
    <pubDate>${a.published.toUTCString()}</pubDate>
    <description>${escapeXml(a.paragraphs[0]!)}</description>
  </item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeXml(name)}</title><link>${origin}/</link><language>ar</language>${entries}
</channel></rss>`;
}

function page(name: string, a: FixtureArticle): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeXml(a.title)} - ${escapeXml(name)}</title>
<meta property="og:title" content="${escapeXml(a.title)}"><meta property="article:published_time" content="${a.published.toISOString()}"></head>
<body><header><nav><a href="/">الرئيسية</a> <a href="/economy">اقتصاد</a> <a href="/sports">رياضة</a></nav></header>
<main><article><h1>${escapeXml(a.title)}</h1><time datetime="${a.published.toISOString()}">${a.published.toISOString()}</time>
${a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}
</article></main><footer>جميع الحقوق محفوظة © ${escapeXml(name)}</footer></body></html>`;
}

export interface FixtureOutlets {
  /** Feed URL and name of each outlet. */
  outlets: Array<{ name: string; feed: string; origin: string }>;
  /** The URL of each article, by the article. */
  urlOf(a: FixtureArticle): string;
  /** Pages served so far (feeds and articles). */
  requests(): number;
  close(): Promise<void>;
}

export async function startFixtureOutlets(articles: FixtureArticle[]): Promise<FixtureOutlets> {
  const servers: Server[] = [];
  const outlets: FixtureOutlets['outlets'] = [];
  let served = 0;
  for (let o = 0; o < OUTLETS; o++) {
    const name = `صحيفة ${coined(o * 3 + 2, 2)} ${o + 1}`;
    const mine = articles.filter((a) => a.outlet === o);
    const bySlug = new Map(mine.map((a) => [a.slug, a]));
    let origin = '';
    const server = createServer((req, res) => {
      served++;
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed(origin, name, mine));
      const a = bySlug.get(path.slice(1));
      if (a) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(name, a));
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    outlets.push({ name, feed: `${origin}/feed.xml`, origin });
  }
  return {
    outlets,
    urlOf: (a) => `${outlets[a.outlet]!.origin}/${a.slug}`,
    requests: () => served,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
