import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanArticle, cleanPage } from './boilerplate.ts';
import { parseHtml, textOf } from './dom.ts';

const TITLE = 'الحكومة تعرض خطة الإصلاح الاقتصادي على البرلمان';
const P1 = 'قال رئيس الوزراء في مؤتمر صحفي عقده اليوم إن الحكومة ستعرض خطة الإصلاح الاقتصادي على البرلمان الأسبوع المقبل.';
const P2 = 'وأضاف أن الخطة تتضمن خفض الدعم تدريجيا على مدى ثلاث سنوات مع توسيع برامج الحماية الاجتماعية للأسر الأكثر احتياجا.';
const P3 = 'وأشار إلى أن المفاوضات مع صندوق النقد الدولي بلغت مراحلها الأخيرة، متوقعا التوصل إلى اتفاق قبل نهاية العام الجاري.';

function cleaned(bodyHtml: string, stage: 'page' | 'article' = 'page'): { text: string; paragraphs: string[] } {
  const doc = parseHtml(`<html><body>${bodyHtml}</body></html>`)!;
  if (stage === 'page') cleanPage(doc.body, TITLE);
  else cleanArticle(doc.body, TITLE);
  return { text: textOf(doc.body), paragraphs: Array.from(doc.body.querySelectorAll('p')).map(textOf) };
}

test('a "read also" box in the middle of the body goes, the paragraphs around it stay in order', () => {
  const variants = [
    // Heading and list in a box without a telling class.
    `<div><h3>اقرأ أيضاً</h3><ul><li><a href="/a">الحكومة تقر موازنة العام المقبل</a></li><li><a href="/b">البنك المركزي يثبت أسعار الفائدة</a></li></ul></div>`,
    // Label and headline in one paragraph.
    `<p><strong>إقرأ أيضا:</strong> <a href="/c">البرلمان يناقش قانون الاستثمار الجديد</a></p>`,
    // A bare label followed by linked headlines as paragraphs.
    `<p>اقرأ ايضا</p><p><a href="/d">الحكومة تقر موازنة العام المقبل</a></p><p><a href="/e">وزير المالية: لا ضرائب جديدة</a></p>`,
    // Teaser cards: image, headline and excerpt, all inside the link.
    `<section><h4>طالع أيضا</h4><a href="/f"><img src="/f.jpg"><h5>الدولار يتراجع أمام الجنيه</h5><span>تراجع سعر الدولار في البنوك</span></a></section>`,
    // A related-articles label that is not a "read also" formula.
    `<div><span>مواضيع ذات صلة:</span> <a href="/g">الحكومة تقر موازنة العام المقبل</a> <a href="/h">البنك المركزي يثبت أسعار الفائدة</a></div>`,
  ];
  for (const box of variants) {
    const { text, paragraphs } = cleaned(`<article><p>${P1}</p><p>${P2}</p>${box}<p>${P3}</p></article>`);
    assert.deepEqual(paragraphs, [P1, P2, P3], box);
    for (const junk of ['أيضا', 'أيضاً', 'ايضا', 'موازنة', 'البرلمان يناقش', 'الدولار', 'ذات صلة']) {
      assert.ok(!text.includes(junk), `"${junk}" left by ${box}`);
    }
  }
});

test('share and follow widgets, tags, newsletter, app and copyright lines go', () => {
  const { text, paragraphs } = cleaned(`
    <article>
      <div><span>شارك</span> <a href="https://facebook.com/sharer"><i class="fa fa-facebook"></i> فيسبوك</a> <a href="https://twitter.com/intent">تويتر</a> <a href="https://wa.me/">واتساب</a></div>
      <p>${P1}</p>
      <div class="social-follow">تابعونا على <a href="https://t.me/x">تلغرام</a></div>
      <p>${P2}</p>
      <p>تابعوا آخر الأخبار عبر تطبيق الجريدة على هواتفكم</p>
      <p>تابعوا أخبار الإمارات من الجريدة عبر <a href="https://news.google.com">غوغل نيوز</a></p>
      <p>${P3}</p>
      <div><b>كلمات دلالية:</b> <a href="/tag/1">الحكومة</a> <a href="/tag/2">صندوق النقد</a></div>
      <div class="box"><h4>للاشتراك في النشرة البريدية</h4><p>سجل بريدك الإلكتروني ليصلك أهم الأخبار</p></div>
      <p>© 2024 جميع الحقوق محفوظة لجريدة الصباح</p>
    </article>`);
  assert.deepEqual(paragraphs, [P1, P2, P3]);
  for (const junk of ['شارك', 'فيسبوك', 'تابعونا', 'تطبيق', 'غوغل', 'كلمات دلالية', 'النشرة', 'الحقوق']) {
    assert.ok(!text.includes(junk), junk);
  }
});

test('comment sections go, label and all', () => {
  const { text, paragraphs } = cleaned(`
    <article><p>${P1}</p><p>${P2}</p></article>
    <div id="comments"><h3>التعليقات (2)</h3><p>تعليق القارئ الأول على الخبر يقول إن الخطة لن تنجح أبدا في ظل الظروف.</p></div>
    <div><h3>أضف تعليق</h3><form><textarea></textarea></form></div>`);
  assert.deepEqual(paragraphs, [P1, P2]);
  assert.ok(!text.includes('تعليق'));
});

test('prose that merely uses the same words is kept', () => {
  const kept = [
    'التعليقات التي أدلى بها الوزير أثارت جدلا واسعا في الأوساط السياسية والإعلامية خلال الأيام الماضية، ودفعت المعارضة إلى المطالبة باستجوابه.',
    'شارك الوزير في الاجتماع الطارئ لمجلس الأمن، وألقى كلمة دعا فيها إلى وقف فوري لإطلاق النار.',
    'وقالت الشركة إنها تابعت أخبار السوق عن كثب قبل أن تقرر طرح أسهمها للاكتتاب العام في البورصة خلال الربع الأخير.',
    '12',
  ];
  const { paragraphs } = cleaned(`<article>${kept.map((p) => `<p>${p}</p>`).join('')}<table><tr><td>12</td></tr></table></article>`, 'page');
  // A lone counter is widget residue; everything else is prose.
  assert.deepEqual(paragraphs, kept.slice(0, 3));
});

test('a widget class on the element holding the article does not remove the article', () => {
  const { paragraphs } = cleaned(`<div class="post-share-wrapper"><h1>عنوان الخبر الرئيسي اليوم</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></div><div class="related"><a href="/x">خبر آخر</a></div>`);
  assert.deepEqual(paragraphs, [P1, P2, P3]);
});

test('a "read also" teaser after the article (headline link, then an excerpt of that story) goes', () => {
  // The shape of the aggregator page in shared/examples: the excerpt is not a link, so only what it
  // echoes tells it apart from the article.
  const { text, paragraphs } = cleaned(`
    <article>
      <p>${P1}</p><p>${P2}</p><p>${P3}</p>
      <p>إقرأ أيضاً:</p>
      <h3><a href="/2025/02/syria">الخارجية الروسية: نعتزم تطوير العلاقات مع سوريا.. والوجود العسكري قيد النقاش</a></h3>
      <p>عرضت قناة القاهرة الإخبارية خبرا عاجلا يفيد بأن الخارجية الروسية قالت إننا نعتزم تطوير العلاقات مع سوريا والوجود العسكري الروسي هناك قيد النقاش.</p>
      <h3><a href="/2025/02/drones">الدفاع الروسية تعلن تدمير 50 طائرة مسيرة أوكرانية فوق بيلجورود</a></h3>
      <p>أعلنت وزارة الدفاع الروسية أن منظومات الدفاع الجوي نجحت في تدمير 50 طائرة مسيرة أوكرانية فوق أراضي مقاطعة بيلجورود خلال الليل.</p>
    </article>`);
  assert.deepEqual(paragraphs, [P1, P2, P3]);
  assert.ok(!text.includes('سوريا') && !text.includes('مسيرة'), text);
});

test('article text after a mid-body "read also" link is kept even when it names the same actors', () => {
  const after = 'وأكد رئيس الوزراء أن خطة الإصلاح الاقتصادي ستعرض على البرلمان بعد استكمال المشاورات مع النقابات والغرف التجارية.';
  const { paragraphs } = cleaned(`
    <article><p>${P1}</p>
      <p>اقرأ أيضا: <a href="/x">البرلمان يرفض مشروع قانون الضرائب الجديد</a></p>
      <p>${after}</p><p>${P2}</p></article>`);
  assert.deepEqual(paragraphs, [P1, after, P2]);
});
