import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHtml } from './dom.ts';
import { detectLanguage } from './language.ts';

const ARABIC = 'قال المتحدث باسم الحكومة إن الوزارات المعنية أنهت استعداداتها لتنفيذ الخطة الجديدة خلال الشهر المقبل.';
const ENGLISH = 'The government spokesman said the ministries concerned had completed their preparations for the new plan.';

function detect(htmlTag: string, text: string) {
  return detectLanguage(parseHtml(`${htmlTag}<head></head><body><p>${text}</p></body></html>`), text);
}

test('markup decides when the text agrees with it', () => {
  assert.deepEqual(detect('<html lang="ar-EG" dir="rtl">', ARABIC), { lang: 'ar', dir: 'rtl' });
  assert.deepEqual(detect('<html lang="en">', ENGLISH), { lang: 'en', dir: 'ltr' });
});

test('Arabic text overrules a template that says English', () => {
  // WordPress themes ship lang="en-US" on Arabic sites (Beirut Observer does).
  assert.deepEqual(detect('<html dir="rtl" lang="en-US">', ARABIC), { lang: 'ar', dir: 'rtl' });
  assert.deepEqual(detect('<html>', ARABIC), { lang: 'ar', dir: 'rtl' });
  assert.deepEqual(detect('<html lang="en" dir="ltr">', ARABIC), { lang: 'ar', dir: 'rtl' });
});

test('no markup and no text give nulls', () => {
  assert.deepEqual(detect('<html>', ''), { lang: null, dir: null });
  assert.deepEqual(detectLanguage(null, ''), { lang: null, dir: null });
});
