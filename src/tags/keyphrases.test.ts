import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeArabic } from '../arabic/index.ts';
import { backgroundFrom } from './background/index.ts';
import { extractKeyphrases, loadBackground, type Keyphrase } from './keyphrases.ts';

// Realistic news paragraphs, written for these tests.
const ECONOMY = {
  title: 'أسعار النفط ترتفع بعد قرار أوبك خفض الإنتاج',
  text:
    'الرياض - واس: ارتفعت أسعار النفط يوم الأحد بنسبة 3 في المئة، بعد أن قررت منظمة أوبك خفض الإنتاج بمقدار مليون برميل يوميا. ' +
    'وقال محللون إن أسعار النفط قد تواصل الصعود خلال الأسابيع المقبلة إذا استمر خفض الإنتاج. وأضاف أحد المحللين أن الطلب على ' +
    'النفط الخام يتعافى في آسيا، مشيرا إلى أن أسعار النفط بلغت أعلى مستوى لها منذ عام 2019. وأكد وزير الطاقة أن قرار خفض الإنتاج ' +
    'جاء لحماية استقرار السوق، وقال إن المنظمة ستراقب أسعار النفط عن كثب.',
};

const SPORT = {
  title: 'المنتخب يتأهل إلى نهائيات كأس العالم',
  text:
    'تأهل المنتخب الوطني لكرة القدم إلى نهائيات كأس العالم بعد فوزه على ضيفه بهدفين مقابل هدف يوم الثلاثاء. وسجل المهاجم الهدف ' +
    'الأول في الدقيقة 20، قبل أن يضيف زميله الهدف الثاني في الشوط الثاني. وقال مدرب المنتخب إن التأهل إلى كأس العالم إنجاز ' +
    'تاريخي للكرة الوطنية، وأضاف أن اللاعبين قدموا مباراة كبيرة. ويشارك المنتخب في كأس العالم للمرة الثالثة في تاريخه، وسط ' +
    'فرحة جماهيرية عارمة.',
};

const CONFLICT = {
  title: 'مجلس الأمن يدعو إلى وقف إطلاق النار في غزة',
  lead: 'دعا مجلس الأمن الدولي إلى وقف إطلاق النار فوراً.',
  text:
    'دعا مجلس الأمن الدولي يوم الجمعة إلى وقف إطلاق النار في قطاع غزة، وقال الأمين العام للأمم المتحدة إن وقف إطلاق النار ضرورة ' +
    'إنسانية عاجلة. وأكد مسؤولون أن المفاوضات حول وقف إطلاق النار مستمرة في القاهرة، مشيرين إلى أن الوسطاء يسعون لاتفاق على هدنة ' +
    'إنسانية. وقال المتحدث باسم الخارجية إن الهدنة الإنسانية تسمح بإدخال المساعدات الإنسانية إلى القطاع. وأضاف أن إطلاق النار ' +
    'استمر ليلة أمس في عدة مناطق.',
};

const HEALTH = {
  title: 'وزارة الصحة: تسجيل إصابات جديدة بفيروس كورونا',
  text:
    'أعلنت وزارة الصحة يوم الاثنين تسجيل 250 إصابة جديدة بفيروس كورونا المستجد، وقالت إن عدد الحالات الحرجة بلغ 40 حالة. ' +
    'وأوضحت الوزارة أن حملة التطعيم ضد فيروس كورونا مستمرة في جميع المناطق، داعية المواطنين إلى أخذ اللقاح. وأكد المتحدث باسم ' +
    'وزارة الصحة أن اللقاح آمن وفعال، وأن الإصابات بفيروس كورونا تراجعت بفضل حملة التطعيم. وأشار إلى أن المستشفيات مستعدة ' +
    'لاستقبال الحالات.',
};

const phrases = (ks: Keyphrase[]) => ks.map((k) => k.phrase);

/** Words that must never be, start or end a keyphrase: saying, function words, dates, the dateline. */
const JUNK = ['قال', 'وقال', 'أن', 'إن', 'يوم', 'الأحد', 'الاثنين', 'الثلاثاء', 'الجمعة', 'واس', 'أمس', 'المئة', 'يوميا'];

function assertNoJunk(ks: Keyphrase[]): void {
  for (const k of ks) {
    const words = k.phrase.split(' ');
    for (const edge of [words[0]!, words[words.length - 1]!]) assert.ok(!JUNK.includes(edge), `"${k.phrase}" starts or ends with junk`);
    assert.ok(!/[0-9٠-٩]/.test(k.phrase), `"${k.phrase}" holds a number`);
  }
}

describe('extractKeyphrases', () => {
  it('names the topics of an economy story: أسعار النفط and خفض الإنتاج first', () => {
    const ks = extractKeyphrases(ECONOMY);
    assert.deepEqual(phrases(ks).slice(0, 2).sort(), ['أسعار النفط', 'خفض الإنتاج'].sort());
    assertNoJunk(ks);
  });

  it('finds كأس العالم in a sport story', () => {
    const ks = extractKeyphrases(SPORT);
    assert.ok(ks.some((k) => k.phrase.endsWith('كأس العالم')), phrases(ks).join('، '));
    assert.ok(phrases(ks).includes('المنتخب'));
    assertNoJunk(ks);
  });

  it('prefers the collocation وقف إطلاق النار over its parts', () => {
    const ks = extractKeyphrases(CONFLICT);
    assert.equal(ks[0]?.phrase, 'وقف إطلاق النار');
    for (const part of ['إطلاق النار', 'النار', 'وقف إطلاق', 'إطلاق']) assert.ok(!phrases(ks).includes(part), `${part} listed beside the whole`);
    assert.ok(ks.some((k) => k.phrase.startsWith('مجلس الأمن')), phrases(ks).join('، '));
    assertNoJunk(ks);
  });

  it('finds فيروس كورونا and وزارة الصحة in a health story, bare of the ب in بفيروس', () => {
    const ks = extractKeyphrases(HEALTH);
    assert.ok(phrases(ks).includes('فيروس كورونا'), phrases(ks).join('، '));
    assert.ok(phrases(ks).includes('وزارة الصحة'));
    assertNoJunk(ks);
  });

  it('never returns verbs of saying, dates, numbers or the dateline, even when repeated', () => {
    const text =
      'الرياض (واس) - قال الوزير يوم الأحد 12 مارس إن الموازنة العامة تحقق فائضا. وقال الوزير إن الموازنة العامة لعام 2024 ' +
      'تختلف عن سابقاتها. وأضاف (واس) أن الإيرادات ارتفعت 12 في المئة يوم الأحد. وقال إن الموازنة العامة متوازنة. (واس)';
    const ks = extractKeyphrases({ title: 'الموازنة العامة تحقق فائضا', text });
    assert.ok(phrases(ks).includes('الموازنة العامة'), phrases(ks).join('، '));
    assertNoJunk(ks);
    assert.ok(!ks.some((k) => /مارس|الوزير قال/.test(k.phrase)));
  });

  it('gives الانتخابات، والانتخابات، للانتخابات and بالانتخابات one key, shown without the clitic', () => {
    const ks = extractKeyphrases({
      title: 'والانتخابات البرلمانية',
      text:
        'انطلقت الانتخابات البرلمانية صباح اليوم. وقالت الهيئة إن للانتخابات البرلمانية أهمية كبرى، ودعت المواطنين إلى المشاركة ' +
        'في الانتخابات البرلمانية. وبالانتخابات البرلمانية تبدأ مرحلة جديدة.',
    });
    assert.equal(ks.length, 1, phrases(ks).join('، '));
    assert.equal(ks[0]!.phrase, 'الانتخابات البرلمانية');
    assert.deepEqual(ks[0]!.tokens, ['الانتخابات', 'البرلمانيه']);

    const single = extractKeyphrases({
      title: 'موعد الانتخابات',
      text: 'تستعد البلاد للانتخابات. وتجري والانتخابات في موعدها. ويراقب المراقبون الانتخابات عن كثب، وتنتهي بالانتخابات مرحلة.',
    });
    const election = single.filter((k) => k.stems.includes('انتخاب'));
    assert.equal(election.length, 1, phrases(single).join('، '));
    assert.equal(election[0]!.phrase, 'الانتخابات');
  });

  it('merges hamza and taa marbuta spellings and shows the most frequent one', () => {
    const ks = extractKeyphrases({
      title: 'الهيئة الوطنية للانتخابات تعلن النتائج',
      text:
        'أعلنت الهيئة الوطنية للانتخابات النتائج الأولية. وقال رئيس الهيئه الوطنيه إن النتائج نهائية. وتابعت الهيئة الوطنية ' +
        'عمليات الفرز. وقد دعت الهيئة الوطنية إلى الهدوء بعد إعلان النتائج، فيما طعن مرشحون في قرارات الهيئه الوطنيه.',
    });
    const body = ks.filter((k) => k.key === 'هييه وطن' || k.stems.join(' ').startsWith(normalizeArabic('هيئ')));
    assert.equal(body.length, 1, phrases(ks).join('، '));
    assert.match(body[0]!.phrase, /^الهيئة الوطنية/);

    const fire = extractKeyphrases({
      title: 'اطلاق النار',
      text: 'تواصل إطلاق النار في المدينة. وتبادل الطرفان اطلاق النار ليلا. وأدى إطلاق النار إلى إصابات.',
    });
    assert.equal(fire.filter((k) => k.key.endsWith('اطلاق نار')).length, 1, phrases(fire).join('، '));
    assert.equal(fire.find((k) => k.key.endsWith('اطلاق نار'))!.phrase, 'إطلاق النار');
  });

  it('returns nothing for empty or tiny articles, and for max 0', () => {
    assert.deepEqual(extractKeyphrases({ title: '', text: '' }), []);
    assert.deepEqual(extractKeyphrases({ title: '', lead: null, text: '   ' }), []);
    assert.deepEqual(extractKeyphrases({ title: 'النفط', text: 'النفط' }), []);
    assert.deepEqual(extractKeyphrases({ title: 'عاجل', text: 'قال إن' }), []);
    assert.deepEqual(extractKeyphrases(ECONOMY, { max: 0 }), []);
  });

  it('respects max and returns best first', () => {
    const ks = extractKeyphrases(CONFLICT, { max: 2 });
    assert.equal(ks.length, 2);
    assert.ok(ks[0]!.score >= ks[1]!.score);
  });

  it('exposes normalized tokens and stems, so callers can drop keyphrases that repeat an entity', () => {
    const k = extractKeyphrases(ECONOMY).find((x) => x.key === 'اسعار نفط')!;
    assert.deepEqual(k.tokens, ['اسعار', 'النفط']);
    assert.deepEqual(k.stems, k.key.split(' '));
  });

  it('ranks a word every background article uses below one they rarely use', () => {
    const text =
      'ناقشت الحكومة الموازنة. وقدمت الحكومة الموازنة إلى البرلمان. وتراجع الحكومة أرقام الموازنة. ثم أعلنت الحكومة خطتها. ' +
      'وتبقى الموازنة موضع جدل.';
    const background = backgroundFrom({ format: 1, source: 'test', docs: 100, min_df: 2, by_df: { '100': 'حكوم', '2': 'موازن' } });
    const ks = extractKeyphrases({ title: 'اجتماع', text }, { background });
    assert.deepEqual(phrases(ks), ['الموازنة']);
  });
});

describe('loadBackground', () => {
  it('loads the shipped ANT Corpus frequencies once', () => {
    const bg = loadBackground();
    assert.equal(loadBackground(), bg);
    assert.ok(bg.docs > 8000);
    assert.ok(bg.df('نفط') > 10);
    assert.ok(bg.df('اسعار نفط') >= 2);
    assert.equal(bg.df('no such key'), 0);
  });
});
