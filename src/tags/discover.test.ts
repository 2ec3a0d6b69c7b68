import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities, tagArticle } from './index.ts';

/** "text→id" for each discovered mention (ids with ~), the easiest form to read in a failing assertion. */
const discovered = (text: string) => findEntities(text).filter((m) => m.id.includes(':~')).map((m) => `${m.text}→${m.id}`);
/** Every mention, gazetteer or discovered. */
const all = (text: string) => findEntities(text).map((m) => `${m.text}→${m.id}`);

// Names below are invented or common enough not to be in the gazetteer; each row is a sentence as
// a wire story prints it and the names discovery must find in it, in order.
const FOUND: readonly (readonly [why: string, text: string, expected: readonly string[]])[] = [
  ['title, nationality adjective, foreign name', 'وقال وزير الخارجية الألماني هايكو ماس إن بلاده تدعم الحوار.', ['هايكو ماس→person:~هايكو-ماس']],
  ['title with the dot of د.', 'وقال د. محمود الشناوي أستاذ الاقتصاد إن الأسعار سترتفع.', ['محمود الشناوي→person:~محمود-الشناوي']],
  ['a country nisba as the family name after a title', 'أكد الدكتور محمد المصري أن المشروع تأخر.', ['محمد المصري→person:~محمد-المصري']],
  ['given name and nisba family name, no title', 'وشارك في الاجتماع خالد العتيبي ممثلا عن الوزارة.', ['خالد العتيبي→person:~خالد-العتيبي']],
  ['nasab markers', 'وحضر الحفل الشيخ سلطان بن خليفة آل نهيان وعدد من المسؤولين.', ['سلطان بن خليفة آل نهيان→person:~سلطان-بن-خليفه-ال-نهيان']],
  ['عبد + divine name, hamza forms', 'صرح اللواء عبد الرحيم الفقي مدير الأمن بأن الحادث تحت السيطرة.', ['عبد الرحيم الفقي→person:~عبد-الرحيم-الفقي']],
  ['compound written as one word', 'وقال عبدالعاطي الشربيني إن القطار تأخر ساعة.', ['عبدالعاطي الشربيني→person:~عبدالعاطي-الشربيني']],
  ['a clitic before a given name stays out of the name', 'والتقى الوفد وأحمد الزهراني في جدة بالسعودية.', ['وأحمد الزهراني→person:~احمد-الزهراني']],
  ['a title chain: ولي العهد … الأمير', 'واستقبل ولي العهد الكويتي الشيخ مبارك العبدالله في قصر بيان.', ['مبارك العبدالله→person:~مبارك-العبدالله']],
  ['female title and name (taa marbuta)', 'وقالت الوزيرة رانيا المشاط إن الاتفاق يشمل منحا.', ['رانيا المشاط→person:~رانيا-المشاط']],
  ['Egyptian final ي for ى on a name', 'وأشار مصطفي الفقي إلى أهمية الحوار.', ['مصطفي الفقي→person:~مصطفي-الفقي']],
  ['an organization named after a place', 'حصل على قرض من بنك الرياض لتمويل المشروع.', ['بنك الرياض→organization:~بنك-الرياض']],
  ['an organization named after a title and a name', 'تخرج في جامعة الملك سعود عام 2010.', ['جامعة الملك سعود→organization:~جامعه-الملك-سعود']],
  ['a party named by a definite word', 'أعلن حزب الدستور مقاطعة الجلسة.', ['حزب الدستور→organization:~حزب-الدستور']],
  ['a preposition before the head stays out of the id', 'وقع اللاعب لنادي الفتوة لمدة عامين.', ['لنادي الفتوة→organization:~نادي-الفتوه']],
  ['a place after its head', 'قصفت الطائرات بلدة كفرنبل وسط إدلب.', ['كفرنبل→place:~كفرنبل']],
];

for (const [why, text, expected] of FOUND) {
  test(`finds: ${why}`, () => assert.deepEqual(discovered(text), expected));
}

// A title, given name or head followed by an ordinary word must not make a name of it.
const NOT_NAMES: readonly (readonly [why: string, text: string])[] = [
  ['title then a verb', 'الرئيس قال إن الحكومة ستستقيل.'],
  ['title then a preposition', 'وزير الخارجية في حكومة تصريف الأعمال.'],
  ['title then an imperfect verb', 'الرئيس الأمريكي يزور المنطقة الأسبوع المقبل.'],
  ['title then a common noun in the accusative', 'عقد وزير الخارجية الأمريكي مؤتمرا صحفيا.'],
  ['an indefinite title then an adjective', 'قال وزير سابق إن القرار خاطئ.'],
  ['title then a verbal noun', 'واقترح الرئيس الإيراني إجراء مناظرة تلفزيونية.'],
  ['a definite title after the country it visited', 'وصل الرئيس الفنزويلي سوريا قادما من ماليزيا.'],
  ['على is not علي', 'على الرغم من ذلك، اعتمدت الحكومة على الأقل خطة.'],
  ['Egyptian علي for على before a definite noun', 'علي الرغم من الأزمة، ظل علي الأقل ثلاثة.'],
  ['أمام is not إمام', 'ووقف المتظاهرون أمام الطلاب لاختيار مجالات الدراسة.'],
  ['a weak given name that is a word', 'يعيش الناس على أمل كبير في السلام.'],
  ['a head then an adjective', 'أسست شركة صينية فرعا وأعلن بنك مركزي خفض الفائدة.'],
  ['a generic body after its head', 'وافق مجلس الوزراء على الموازنة.'],
  ['reported speech by an anonymous source', 'وقال مسؤول إن المفاوضات مستمرة، وقالت مصادر إن الوفد وصل.'],
  ['reported speech, once, by an unknown word', 'وأكد بيان أن الهدنة صامدة.'],
];

for (const [why, text] of NOT_NAMES) {
  test(`no name: ${why}`, () => assert.deepEqual(discovered(text), []));
}

test('a gazetteer match wins over discovery on the same words', () => {
  assert.deepEqual(all('وقال الرئيس الروسي فلاديمير بوتين إن'), ['الروسي→country:RU', 'فلاديمير بوتين→person:vladimir-putin']);
  assert.deepEqual(all('وأكد وزير الخارجية الأذربيجاني جيحون بيراموف أن'), ['الأذربيجاني→country:AZ', 'جيحون بيراموف→person:jeyhun-bayramov']);
  assert.deepEqual(all('انتقد حزب الله القرار'), ['حزب الله→org:hezbollah']);
});

test('a surname alone, with clitics, points to the full name found earlier', () => {
  const text = 'قال المدرب الإسباني خوليان لوبيتيغي إن الفريق جاهز. وأضاف لوبيتيغي أن المباراة صعبة، وبحسب مقربين من لوبيتيغي فإن ولوبيتيغي يريد الفوز.';
  const ids = findEntities(text).filter((m) => m.type === 'person');
  assert.deepEqual(ids.map((m) => m.text), ['خوليان لوبيتيغي', 'لوبيتيغي', 'لوبيتيغي', 'ولوبيتيغي']);
  assert.equal(new Set(ids.map((m) => m.id)).size, 1);
  assert.equal(ids[0]!.name, 'خوليان لوبيتيغي');
});

test('spelling variants of a discovered name are one entity', () => {
  // A long vowel dropped and a g written ج or غ.
  const text =
    'وقال الكاتب الروسي ديمتري كوزلوفسكي إن الرواية ستصدر قريبا. وأضاف كوزلوفيسكي أن الترجمة جاهزة.\n' +
    'وأكد المدرب الإيطالي روبرتو جاتوزو أن الفريق سيلعب. وقال روبرتو غاتوزو إن الإصابات كثيرة.';
  const people = findEntities(text).filter((m) => m.type === 'person');
  const byText = new Map(people.map((m) => [m.text, m.id]));
  assert.equal(byText.get('ديمتري كوزلوفسكي'), byText.get('كوزلوفيسكي'));
  assert.equal(byText.get('روبرتو جاتوزو'), byText.get('روبرتو غاتوزو'));
  assert.notEqual(byText.get('ديمتري كوزلوفسكي'), byText.get('روبرتو جاتوزو'));
});

test('a discovered spelling of a gazetteer name takes the gazetteer id', () => {
  const mentions = findEntities('وقالت الخارجية إن المواطن الروسي ألكسندر فينييك وصل. وقال ألكسندر فينيك إنه بخير.');
  // فينييك is no spelling the gazetteer lists, but one long vowel more than فينيك, which it does.
  assert.ok(mentions.every((m) => m.type !== 'person' || m.id === 'person:alexander-vinnik'), JSON.stringify(mentions));
});

test('a weak sighting needs a second one', () => {
  // Once after a speech verb: dropped. Twice: kept.
  assert.deepEqual(discovered('وقال ساندرسون إن الوضع خطير.'), []);
  assert.deepEqual(discovered('وقال ساندرسون إن الوضع خطير. وأضاف ساندرسون أن الحل قريب.').length, 2);
});

test('ids are stable across articles for the same spelling', () => {
  const a = findEntities('وقال وزير الخارجية الألماني هايكو ماس إن').find((m) => m.text === 'هايكو ماس')!;
  const b = tagArticle({ title: 'هايكو ماس يزور القاهرة', text: 'وصل وزير الخارجية الألماني هايكو ماس إلى القاهرة.' });
  assert.ok(b.some((t) => t.id === a.id && t.name === 'هايكو ماس' && t.type === 'person'), JSON.stringify(b));
});

test('tags rank discovered names with gazetteer ones, one tag each', () => {
  const tags = tagArticle({
    title: 'هايكو ماس: ألمانيا تدعم الحوار في ليبيا',
    lead: 'قال وزير الخارجية الألماني هايكو ماس إن برلين تدعم الحوار الليبي.',
    text: 'وأضاف ماس في مؤتمر صحفي ببرلين أن ألمانيا ستستضيف مؤتمرا دوليا. وأكد ماس أن الحل سياسي.',
  });
  assert.equal(tags[0]!.id, 'person:~هايكو-ماس');
  assert.equal(new Set(tags.map((t) => t.id)).size, tags.length);
  assert.ok(tags.length <= 8);
});

test('mention offsets slice the text, in order, without overlap', () => {
  const text = FOUND.map(([, t]) => t).join('\n');
  let last = 0;
  for (const m of findEntities(text)) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.start >= last);
    last = m.end;
  }
});
