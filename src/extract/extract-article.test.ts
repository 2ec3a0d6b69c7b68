import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractArticle } from './index.ts';

const FETCHED_AT = new Date('2023-09-21T08:00:00Z');

// A Gulf outlet's template: JSON-LD in @graph, site name in <title>, share bar above the text, a
// "اقرأ أيضاً" box in the middle of the body, tags, newsletter box and comments after it.
const GRAPH_PAGE = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>روسيا تدعو طرفي النزاع في قره باغ إلى وقف القتال فورا | صحيفة الخليج اليوم</title>
<meta property="og:site_name" content="صحيفة الخليج اليوم">
<meta property="og:image" content="/uploads/2023/09/karabakh.jpg">
<link rel="canonical" href="https://khaleej-today.example/world/2023/09/20/karabakh-ceasefire">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"Organization","name":"صحيفة الخليج اليوم","url":"https://khaleej-today.example"},
  {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"العالم"}]},
  {"@type":["NewsArticle"],"headline":"روسيا تدعو طرفي النزاع في قره باغ إلى وقف القتال فورا",
   "datePublished":"2023-09-20T15:15:00+04:00","dateModified":"2023-09-20T16:40:00+04:00",
   "author":[{"@type":"Person","name":"سارة المنصوري"}],
   "publisher":{"@type":"Organization","name":"صحيفة الخليج اليوم"}}
]}
</script>
</head>
<body>
<header class="site-header"><a href="/">الرئيسية</a> <a href="/world">العالم</a> <a href="/economy">اقتصاد</a></header>
<main>
<article class="post">
  <h1 class="post-title">روسيا تدعو طرفي النزاع في قره باغ إلى وقف القتال فورا</h1>
  <div class="post-meta"><span class="byline">بقلم: سارة المنصوري</span> <time datetime="2023-09-20T15:15:00+04:00">الأربعاء 20 سبتمبر 2023</time></div>
  <div class="share-bar"><a href="https://facebook.com/sharer">فيسبوك</a> <a href="https://twitter.com/share">تويتر</a> <a href="https://wa.me/">واتساب</a></div>
  <div class="post-body">
    <p>دعت الخارجية الروسية طرفي النزاع في منطقة قره باغ إلى وقف العمليات القتالية فورا والعودة إلى تنفيذ الاتفاقات حول تسوية النزاع التي تم التوصل إليها في فترة 2020 – 2022.</p>
    <p>وجاء في بيان للخارجية الروسية بهذا الصدد، يوم الثلاثاء: "نظرا للتصعيد الحاد للمواجهة المسلحة في قره باغ، ندعو الطرفين المتنازعين بإصرار إلى وقف إراقة الدماء فورا".</p>
    <div class="inline-box">
      <h3>اقرأ أيضاً</h3>
      <ul>
        <li><a href="/world/2025/02/syria-relations">الخارجية الروسية: نعتزم تطوير العلاقات مع سوريا</a></li>
        <li><a href="/world/2025/02/drones">الدفاع الروسية: تدمير 50 طائرة مسيرة أوكرانية</a></li>
        <li><a href="/world/2025/02/prisoner">وصول ألكسندر فينيك إلى موسكو في إطار تبادل للسجناء</a></li>
      </ul>
    </div>
    <p>وأشارت إلى أن اعتراف يريفان الرسمية بأن قره باغ جزء من أراضي أذربيجان خلال قمتي أكتوبر 2022 ومايو 2023 غيّر الظروف الأساسية التي تم في ظلها التوقيع على بيان زعماء روسيا وأذربيجان وأرمينيا.</p>
    <p><strong>اقرأ أيضا:</strong> <a href="/world/2023/09/19/baku">باكو تعلن بدء عملية عسكرية في الإقليم</a></p>
    <p>وأكدت الخارجية أن قوات حفظ السلام الروسية تقدم المساعدة للسكان المدنيين في هذه الساعات أيضا، بما في ذلك المساعدات الطبية، وتقوم بإجلاء السكان من ستيباناكرت.</p>
    <p>تابعوا آخر الأخبار عبر تطبيق الخليج اليوم على هواتفكم الذكية</p>
  </div>
  <div class="post-tags"><span>كلمات دلالية:</span> <a href="/tag/russia">روسيا</a> <a href="/tag/karabakh">قره باغ</a></div>
  <div class="newsletter-box"><h4>للاشتراك في النشرة البريدية</h4><form><input type="email"><button>اشترك</button></form></div>
</article>
<section id="comments"><h3>التعليقات</h3><p>تعليق من قارئ يقول إن المقال ممتاز جدا ويستحق القراءة والمشاركة.</p></section>
</main>
<footer><p>© 2023 صحيفة الخليج اليوم. جميع الحقوق محفوظة</p></footer>
</body>
</html>`;

test('a JSON-LD @graph page yields its metadata and only the article paragraphs, in order', () => {
  const a = extractArticle(GRAPH_PAGE, { url: 'https://khaleej-today.example/world/karabakh?utm_source=x', fetchedAt: FETCHED_AT });
  assert.equal(a.title, 'روسيا تدعو طرفي النزاع في قره باغ إلى وقف القتال فورا');
  assert.equal(a.published_at, '2023-09-20T11:15:00.000Z');
  assert.equal(a.published_offset, 240);
  assert.equal(a.updated_at, '2023-09-20T12:40:00.000Z');
  assert.deepEqual(a.authors, ['سارة المنصوري']);
  assert.equal(a.source, 'صحيفة الخليج اليوم');
  assert.equal(a.canonical_url, 'https://khaleej-today.example/world/2023/09/20/karabakh-ceasefire');
  assert.equal(a.image, 'https://khaleej-today.example/uploads/2023/09/karabakh.jpg');
  assert.equal(a.lang, 'ar');
  assert.equal(a.dir, 'rtl');
  assert.equal(a.paragraphs.length, 4);
  assert.match(a.paragraphs[0]!, /^دعت الخارجية الروسية/);
  assert.match(a.paragraphs[1]!, /^وجاء في بيان/);
  assert.match(a.paragraphs[2]!, /^وأشارت إلى أن/);
  assert.match(a.paragraphs[3]!, /^وأكدت الخارجية/);
  assert.equal(a.lead, a.paragraphs[0]);
  const text = a.paragraphs.join('\n');
  for (const junk of ['سوريا', 'مسيرة', 'فينيك', 'باكو تعلن', 'تطبيق', 'كلمات دلالية', 'النشرة', 'تعليق', 'فيسبوك', 'الحقوق']) {
    assert.ok(!text.includes(junk), `body should not contain "${junk}"`);
  }
  assert.ok(!a.body.includes('اقرأ'), 'no "read also" label in the body');
});

// An Egyptian portal: no machine-readable date at all, only the Arabic line under the headline.
const TEXT_DATE_PAGE = `<html><head><title>وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية - بوابة النيل</title>
<meta name="author" content="بوابة النيل"></head>
<body><div id="wrapper"><div class="nav"><a href="/">الرئيسية</a></div>
<div class="news-details">
<h1>وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية</h1>
<div class="news-info">نشر في الأربعاء 20 سبتمبر 2023 - 03:15 م</div>
<div class="news-text">
<p>كتب: محمود عبد الرحمن</p>
<p>شهد وزير الموارد المائية والري مراسم توقيع عقد المرحلة الثانية من دراسة تحديد الإمكانات والسحب الآمن المستدام للخزانات الجوفية بين الوزارة وكلية الهندسة بجامعة القاهرة.</p>
<p>وتهدف الدراسة إلى تحديد المناطق ذات المخزون الجوفي الذي يسمح بتنمية مستدامة، وهي مناطق محدودة لأن المخزون الجوفي غير متجدد في أغلب الصحراء الغربية.</p>
<p>وأفاد رئيس قطاع المياه الجوفية بأن القطاع يقوم حاليا بتنفيذ المرحلة الأولى من آبار المراقبة العميقة التي تم تحديدها بالتنسيق مع الجامعة خلال العام الماضي.</p>
</div></div></div></body></html>`;

test('a date printed only as Arabic text is found, and the byline formula gives the author', () => {
  const a = extractArticle(TEXT_DATE_PAGE, { url: 'https://nile-portal.example/news/123', fetchedAt: FETCHED_AT });
  assert.equal(a.title, 'وزير الري يشهد توقيع عقد دراسة الخزانات الجوفية');
  assert.ok(a.published_at, 'a published date');
  // 03:15 PM on 20 September, in the page's (unstated) local time.
  assert.equal(a.published_at!.slice(0, 10), '2023-09-20');
  assert.equal(a.published_offset, null);
  assert.deepEqual(a.authors, ['محمود عبد الرحمن']);
  assert.equal(a.source, 'بوابة النيل');
  assert.match(a.lead ?? '', /^شهد وزير الموارد المائية/);
  assert.ok(!a.paragraphs.some((p) => p.includes('نشر في')), 'the date line is not a paragraph');
  assert.equal(a.dir, 'rtl');
  assert.equal(a.lang, 'ar');
});

test('empty, garbage and non-HTML input give an empty article without throwing', () => {
  const inputs: unknown[] = [
    '',
    '   ',
    'just some words, no markup at all',
    '\u0000\u0001\u0002\uFFFF binary \uD800',
    '{"json": true, "items": [1, 2, 3]}',
    '<<<>>><!--<script>alert(1)</script',
    '<html><body><div>'.repeat(3000),
    null,
    undefined,
    42,
  ];
  for (const input of inputs) {
    const a = extractArticle(input as string, { url: 'https://example.com/a' });
    assert.equal(typeof a.body, 'string');
    assert.ok(Array.isArray(a.paragraphs));
    assert.ok(Array.isArray(a.authors));
    assert.equal(a.published_at, null);
  }
  const bad = extractArticle('<p>x</p>', { url: 'not a url' });
  assert.equal(bad.canonical_url, null);
});

test('deeply nested and very large pages do not throw', () => {
  const deep = '<div>'.repeat(20000) + '<p>نص عميق جدا في الصفحة</p>' + '</div>'.repeat(20000);
  assert.doesNotThrow(() => extractArticle(deep, { url: 'https://example.com/deep' }));
  const paragraph = '<p>' + 'كلمة '.repeat(60) + '</p>';
  const huge = `<html><body><article>${paragraph.repeat(5000)}</article></body></html>`;
  const a = extractArticle(huge, { url: 'https://example.com/huge' });
  assert.equal(typeof a.body, 'string');
});

// An old portal (CNN Arabic in 2013 looked like this): one layout table, a cell of section links,
// the headline in an <h2>, paragraphs separated by double <br>, the date with a GMT offset.
const TABLE_PAGE = `<html><head><title>لافروف: موسكو مستعدة لاستئناف المفاوضات مع كييف دون شروط - سي ان ان بالعربية</title></head>
<body><table><tr><td class="side"><a href="/">الرئيسية</a><br><a href="/sport">رياضة</a><br><a href="/business">اقتصاد</a></td>
<td class="main"><h2>لافروف: موسكو مستعدة لاستئناف المفاوضات مع كييف دون شروط</h2>
<div class="date">الأحد، 20 تشرين الأول/أكتوبر 2013، آخر تحديث 12:20 (GMT+0400)</div>
<div class="text">قال وزير الخارجية الروسي سيرغي لافروف، اليوم الأحد، إن موسكو مستعدة لاستئناف المفاوضات مع كييف دون شروط مسبقة، مشيرا إلى أن الكرة الآن في ملعب الغرب.<br><br>وأضاف لافروف، خلال مؤتمر صحفي مشترك مع نظيره المصري في موسكو، أن بلاده لم ترفض أبدا الحوار، لكنها تنتظر مقترحات جدية من الطرف الآخر.<br><br>من جانبه، أكد الوزير المصري أن بلاده تدعم كل الجهود الرامية إلى التوصل إلى تسوية سياسية للأزمة، بما يحقق الأمن والاستقرار في المنطقة.</div>
</td></tr></table></body></html>`;

test('a layout-table page gives clean paragraphs, the headline a heading repeats, and the GMT offset', () => {
  const a = extractArticle(TABLE_PAGE, { url: 'http://arabic.cnn.com/2013/world/10/20/lavrov/index.html', fetchedAt: FETCHED_AT });
  assert.equal(a.title, 'لافروف: موسكو مستعدة لاستئناف المفاوضات مع كييف دون شروط');
  assert.equal(a.source, 'سي ان ان بالعربية');
  assert.equal(a.published_at, '2013-10-20T08:20:00.000Z');
  assert.equal(a.published_offset, 240);
  assert.equal(a.paragraphs.length, 3);
  assert.match(a.paragraphs[0]!, /^قال وزير الخارجية الروسي/);
  assert.match(a.paragraphs[2]!, /^من جانبه/);
  assert.ok(!/<t[dr]|<table/.test(a.body), 'the layout table is not kept');
  assert.ok(!a.body.includes('رياضة'), 'the section links are not kept');
});

test('the page\'s own sections are read most specific first: article:section, articleSection, the breadcrumb trail from its end', () => {
  const page = (head: string, body = '') => `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>الهلال يفوز على النصر في ديربي الرياض</title>${head}</head>
<body>${body}<article><h1>الهلال يفوز على النصر في ديربي الرياض</h1><p>فاز الهلال على النصر بهدفين مقابل هدف في ديربي العاصمة الرياض مساء الجمعة.</p></article></body></html>`;
  const at = { url: 'https://riyadh.example/news/1', fetchedAt: FETCHED_AT };
  assert.deepEqual(extractArticle(page('<meta property="article:section" content="الرياضة">'), at).sections, ['الرياضة']);
  const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"الهلال يفوز","articleSection":["رياضة محلية","كرة القدم"]}</script>';
  assert.deepEqual(extractArticle(page(jsonLd), at).sections, ['رياضة محلية']);
  const crumbs = '<ol class="breadcrumbs"><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/sport/saudi">الدوري السعودي</a></li></ol>';
  assert.deepEqual(extractArticle(page('', crumbs), at).sections, ['الدوري السعودي', 'رياضة'], 'the trail from its end, without the home link');
  assert.deepEqual(extractArticle(page(''), at).sections, []);
});
