import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedDate } from './dates.ts';

const CASES: Array<[string, string | undefined, string]> = [
  ['Tue, 04 Aug 2015 19:03:32 +0300', '2015-08-04T16:03:32.000Z', 'RFC 822 with a Riyadh offset (Sabq)'],
  ['Wed, 31 May 2017 22:03:00 +0100', '2017-05-31T21:03:00.000Z', 'RFC 822 with a Tunis offset (Jawhara FM)'],
  ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z', 'GMT'],
  ['01 Jan 2004 19:48:21 UT', '2004-01-01T19:48:21.000Z', 'no weekday, UT'],
  ['Thu, 01 Jan 04 19:48:21 EST', '2004-01-02T00:48:21.000Z', 'two-digit year and a US zone'],
  ['Thu, 01 Jan 99 19:48 PDT', '1999-01-02T02:48:00.000Z', 'two-digit year in the last century, no seconds'],
  ['Thu, 01 Jan 2004 19:48:21 Z', '2004-01-01T19:48:21.000Z', 'military Z'],
  ['Thu, 01 Jan 2004 19:48:21 A', '2004-01-01T20:48:21.000Z', 'military A is UTC-1 in RFC 822'],
  ['Wed, 20 Sep 2023 14:05:00 AST', '2023-09-20T11:05:00.000Z', 'AST read as Arabia Standard Time'],
  ['Wed, 20 Sep 2023 14:05:00 GMT+3', '2023-09-20T11:05:00.000Z', 'GMT+3, as some Gulf CMSs print it'],
  ['Wed, 20 Sep 2023 14:05', '2023-09-20T14:05:00.000Z', 'no zone at all: UTC, never the server zone'],
  ['Sun Jan  4 16:29:06 PST 2004', '2004-01-05T00:29:06.000Z', 'asctime'],
  ['20 September 2023 3:05 PM', '2023-09-20T15:05:00.000Z', 'full month name, 12-hour clock'],
  ['2023-09-20T09:58:00+03:00', '2023-09-20T06:58:00.000Z', 'RFC 3339'],
  ['2023-09-20T09:58:00.125Z', '2023-09-20T09:58:00.125Z', 'fractional seconds'],
  ['2023-09-20 09:58:00 +0300', '2023-09-20T06:58:00.000Z', 'ISO 8601 with a space, in a pubDate'],
  ['2002-10-17T17:00+01:00', '2002-10-17T16:00:00.000Z', 'W3C-DTF without seconds'],
  ['2023-09-20', '2023-09-20T00:00:00.000Z', 'W3C-DTF date only'],
  ['2023-09', '2023-09-01T00:00:00.000Z', 'W3C-DTF month'],
  ['2023', '2023-01-01T00:00:00.000Z', 'W3C-DTF year'],
  ['20230920T095800Z', '2023-09-20T09:58:00.000Z', 'ISO 8601 basic format'],
  ['الأربعاء، 20 سبتمبر 2023 14:05:00 +0300', '2023-09-20T11:05:00.000Z', 'an Arabic pubDate from a localized CMS'],
  ['الأربعاء، ٢٠ أيلول ٢٠٢٣ ٠٢:٠٥ م', '2023-09-20T14:05:00.000Z', 'Levantine month, Arabic-Indic digits, م for PM'],
  ['20 كانون الثاني 2024', '2024-01-20T00:00:00.000Z', 'a two-word Levantine month'],
  ['mer., 20 sept. 2023 14:05:00 +0200', '2023-09-20T12:05:00.000Z', 'French, from a Maghrebi outlet'],
  ['20/09/2023', '2023-09-20T00:00:00.000Z', 'day first, as the Arab world writes it'],
  ['Fri, 31 Feb 2023 10:00:00 GMT', undefined, 'a day that does not exist'],
  ['Wed, 20 Sep 2023 25:05:00 GMT', undefined, 'an hour that does not exist'],
  ['Wed, 20 Sep 2023 14:05:00 XYZT', undefined, 'an unknown zone: refuse rather than guess'],
  ['منذ ساعتين', undefined, 'relative Arabic dates belong to src/arabic, not to feeds'],
  ['', undefined, 'empty'],
  ['not a date', undefined, 'garbage'],
];

for (const [input, expected, why] of CASES) {
  test(`feed date: ${why}`, () => {
    assert.equal(parseFeedDate(input), expected, input);
  });
}

test('feed dates never throw, whatever they are given', () => {
  for (const odd of [null, undefined, 42 as unknown as string, 'x'.repeat(10_000), '9999-99-99', '-1-1-1', '::::', '+0300']) {
    assert.doesNotThrow(() => parseFeedDate(odd));
  }
});
