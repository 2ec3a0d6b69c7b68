import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLDR_FORMS_NOT_PRINTED, COUNTRIES, ISO_3166_ALPHA2, USER_ASSIGNED_CODES } from './countries.ts';
import { AMBIGUOUS, COMMON_WORD_VARIANTS, entryById, GAZETTEER, type GazetteerEntry } from './index.ts';
import { ORGANIZATIONS } from './organizations.ts';
import { PEOPLE } from './people.ts';
import { PLACES } from './places.ts';

// The matching form the tagger will compare, mirroring the analyzer's rules: harakat and tatweel
// gone, أإآ→ا، ى→ي، ة→ه، ؤ→و، ئ→ي, punctuation such as "+" and "." split off as the tokenizer
// does, and the article ال taken off each word. (Clitics و ف ب ك ل are left on: stripping them
// here would invent clashes such as وارسو/ارسو that a tagger trying the token as printed first
// never sees.) Kept local so these tests do not move with src/arabic's internals.
function matchKey(form: string): string {
  return form
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[+.]/g, ' ')
    .trim()
    .split(/ +/)
    .map((word) => (word.startsWith('ال') && word.length > 3 ? word.slice(2) : word))
    .join(' ');
}

const formsOf = (e: GazetteerEntry) => [e.name, ...e.variants, ...(e.adjectives ?? [])];

/** The one entry a printed form leads to, failing if there is none or several. */
function resolve(form: string): GazetteerEntry {
  const hits = GAZETTEER.filter((e) => formsOf(e).some((f) => matchKey(f) === matchKey(form)));
  assert.equal(hits.length, 1, `${form} → ${hits.map((e) => e.id).join(', ') || 'nothing'}`);
  return hits[0]!;
}

test('ids are unique, ASCII and typed by prefix', () => {
  const seen = new Set<string>();
  for (const e of GAZETTEER) {
    assert.match(e.id, /^(country|city|region|water|landmark|crossing|org|person):[A-Za-z0-9-]+$/, e.id);
    assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
    seen.add(e.id);
  }
});

test('every ISO 3166-1 code has exactly one entry, and no other code appears', () => {
  assert.equal(new Set(ISO_3166_ALPHA2).size, 249);
  const codes = GAZETTEER.filter((e) => e.code).map((e) => e.code!);
  for (const code of ISO_3166_ALPHA2) assert.equal(codes.filter((c) => c === code).length, 1, code);
  for (const code of codes) assert.ok(ISO_3166_ALPHA2.includes(code) || USER_ASSIGNED_CODES.includes(code), code);
  for (const e of COUNTRIES.filter((e) => e.code)) assert.equal(e.id, `country:${e.code}`);
});

// The names were read from CLDR 48; another CLDR may have renamed a few, which is not our bug.
const cldr = process.versions.cldr;
test('each CLDR Arabic name is kept as the name or a variant', { skip: cldr !== '48.0' && `CLDR ${cldr}, data read from 48.0` }, () => {
  const long = new Intl.DisplayNames(['ar'], { type: 'region' });
  const short = new Intl.DisplayNames(['ar'], { type: 'region', style: 'short' });
  for (const e of COUNTRIES.filter((e) => e.code)) {
    for (const form of new Set([long.of(e.code!), short.of(e.code!)])) {
      if (!form || CLDR_FORMS_NOT_PRINTED.includes(form)) continue;
      assert.ok([e.name, ...e.variants].includes(form), `${e.code}: CLDR's ${form} is missing`);
    }
  }
});

test('names, variants and adjectives are tidy Arabic', () => {
  // Arabic letters and harakat, spaces, and the digits, "+" and "." of names like فرانس 24, أوبك+, أ.ف.ب.
  const arabic = /^[\u0621-\u063A\u0641-\u0652\u0670 0-9+.]+$/;
  for (const e of GAZETTEER) {
    const forms = formsOf(e);
    for (const form of forms) {
      assert.match(form, arabic, `${e.id}: ${form}`);
      assert.match(form, /[\u0621-\u064A]/, `${e.id}: ${form}`);
      assert.equal(form, form.trim().replace(/ {2,}/g, ' '), `${e.id}: stray spaces in "${form}"`);
    }
    // A form may be both a variant and an adjective (سورية is Syria and "Syrian"), not listed twice in either.
    const names = [e.name, ...e.variants];
    assert.equal(new Set(names).size, names.length, `${e.id} lists a name twice`);
    assert.equal(new Set(e.adjectives).size, e.adjectives?.length ?? 0, `${e.id} lists an adjective twice`);
  }
});

test('every parent exists and parent chains end', () => {
  for (const e of GAZETTEER) {
    const path = [e.id];
    for (let p = e.parent; p; p = entryById(p)?.parent) {
      assert.ok(entryById(p), `${e.id}: parent ${p} does not exist`);
      assert.ok(!path.includes(p), `${e.id}: parent cycle ${path.join(' → ')}`);
      path.push(p);
    }
  }
});

test('capitals and ministries hang off their country', () => {
  for (const e of GAZETTEER.filter((e) => e.subtype === 'capital' || e.subtype === 'ministry')) {
    if (e.id === 'org:ministry-health-gaza') continue;
    assert.equal(entryById(e.parent!)?.type, 'place', e.id);
    assert.match(e.parent!, /^country:/, e.id);
  }
});

test('a spelling belongs to one entry unless AMBIGUOUS says otherwise', () => {
  const owners = new Map<string, Set<string>>();
  for (const e of GAZETTEER) {
    for (const form of formsOf(e)) {
      const key = matchKey(form);
      owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
    }
  }
  const declared = new Map(AMBIGUOUS.map((a) => [matchKey(a.form), [...a.ids].sort()]));
  assert.equal(declared.size, AMBIGUOUS.length, 'AMBIGUOUS lists a form twice');
  for (const [key, ids] of owners) {
    if (ids.size < 2) continue;
    assert.deepEqual(declared.get(key), [...ids].sort(), `"${key}" is shared by ${[...ids].join(', ')}`);
  }
  // And no stale rows: each declared form is really shared by exactly the ids given.
  for (const a of AMBIGUOUS) assert.deepEqual([...(owners.get(matchKey(a.form)) ?? [])].sort(), [...a.ids].sort(), a.form);
});

test('every common-word form is a form of some entry', () => {
  const all = new Set(GAZETTEER.flatMap(formsOf).map(matchKey));
  for (const c of COMMON_WORD_VARIANTS) assert.ok(all.has(matchKey(c.form)), c.form);
});

test('the example page’s entities are there, spelling variants merged', () => {
  assert.equal(resolve('روسيا').id, 'country:RU');
  assert.equal(resolve('أذربيجان').id, 'country:AZ');
  assert.equal(resolve('أرمينيا').id, 'country:AM');
  const karabakh = resolve('قره باغ');
  for (const form of ['قرة باغ', 'ناغورني قره باغ', 'كاراباخ']) assert.equal(resolve(form), karabakh, form);
  assert.equal(karabakh.name, 'قره باغ');
  assert.equal(resolve('يريفان').id, 'city:yerevan');
  assert.equal(resolve('باكو').id, 'city:baku');
  assert.equal(resolve('ستيباناكرت').id, 'city:stepanakert');
  assert.equal(resolve('ستيباناكرت').parent, karabakh.id);
  const mfa = resolve('الخارجية الروسية');
  assert.equal(mfa.name, 'وزارة الخارجية الروسية');
  assert.equal(mfa.parent, 'country:RU');
  // "الجانبين الأذربيجاني والأرمني", "قوات حفظ السلام الروسية"
  assert.equal(resolve('الأذربيجاني').id, 'country:AZ');
  assert.equal(resolve('الأرمني').id, 'country:AM');
  assert.equal(resolve('الروسية').id, 'country:RU');
  // The "read also" item: one person spelled two ways, and the outlets it cites.
  assert.equal(resolve('فينيك'), resolve('فينك'));
  assert.equal(resolve('وكالة الإعلام الروسية'), resolve('ريا نوفوستي'));
  assert.equal(resolve('وزارة الدفاع الروسية').id, 'org:ministry-defense-ru');
  assert.equal(resolve('البيت الأبيض').id, 'org:white-house');
});

test('the main ministries of the Arab states and the powers are all there', () => {
  const arab = ['EG', 'SA', 'AE', 'QA', 'KW', 'BH', 'OM', 'YE', 'IQ', 'SY', 'LB', 'JO', 'PS', 'SD', 'LY', 'TN', 'DZ', 'MA', 'MR', 'SO', 'DJ', 'KM'];
  for (const code of [...arab, 'RU', 'US', 'GB', 'FR', 'TR', 'IR']) {
    for (const portfolio of ['foreign', 'defense', 'interior', 'health', 'finance']) {
      const e = entryById(`org:ministry-${portfolio}-${code.toLowerCase()}`);
      assert.ok(e, `${portfolio} ministry of ${code}`);
      assert.equal(e.parent, `country:${code}`);
    }
  }
});

test('clubs sharing a name are separate entries in their own countries', () => {
  assert.equal(entryById('org:club-ahly-eg')?.parent, 'country:EG');
  assert.equal(entryById('org:club-ahli-sa')?.parent, 'country:SA');
  assert.equal(resolve('الزمالك').id, 'org:club-zamalek');
});

test('counts', () => {
  assert.ok(COUNTRIES.filter((e) => e.code).length >= 249);
  assert.ok(PLACES.length >= 150, `${PLACES.length} places`);
  assert.ok(ORGANIZATIONS.length >= 120, `${ORGANIZATIONS.length} organizations`);
  assert.ok(PEOPLE.length >= 60, `${PEOPLE.length} people`);
  assert.equal(GAZETTEER.length, new Set(GAZETTEER).size);
});
