import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpDate, isoWithOffset, rfc822, toIndicDigits, wallTime, wallTimeAt, weekday } from './dates.ts';

test('RFC 822 dates keep the outlet offset and the local weekday', () => {
  assert.equal(rfc822('2026-11-24T09:30:00+02:00'), 'Tue, 24 Nov 2026 09:30:00 +0200');
  // Just after midnight in Amman is still the previous day in UTC; the weekday follows the wall date.
  assert.equal(rfc822('2026-11-26T00:30:00+03:00'), 'Thu, 26 Nov 2026 00:30:00 +0300');
});

test('an instant converts to Baghdad time across midnight', () => {
  const t = wallTimeAt('2026-11-25T22:30:00+01:00', 180);
  assert.equal(isoWithOffset(t), '2026-11-26T00:30:00+03:00');
  assert.equal(weekday(t), 4);
});

test('HTTP dates are GMT and wall times parse seconds when present', () => {
  assert.equal(httpDate('2026-11-24T09:30:00+02:00'), 'Tue, 24 Nov 2026 07:30:00 GMT');
  assert.equal(wallTime('2026-11-27T08:40:30+01:00').second, 30);
  assert.equal(toIndicDigits('24 - 10:30'), '٢٤ - ١٠:٣٠');
});
