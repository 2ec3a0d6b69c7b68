import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryOffsetMinutes, offsetMinutesAt } from './zones.ts';

test('a Moroccan outlet prints dates at +01:00 in November', () => {
  assert.equal(countryOffsetMinutes('MA', new Date('2026-11-26T12:00:00Z')), 60);
});

test('Cairo keeps summer time (+03:00) in July and standard time (+02:00) in November', () => {
  assert.equal(countryOffsetMinutes('eg', new Date('2026-07-15T12:00:00Z')), 180);
  assert.equal(countryOffsetMinutes('EG', new Date('2026-11-24T12:00:00Z')), 120);
});

test('Gulf and Levant offsets; an unknown country gives none', () => {
  assert.equal(countryOffsetMinutes('AE', new Date('2026-11-24T12:00:00Z')), 240);
  assert.equal(countryOffsetMinutes('IQ', new Date('2026-11-24T12:00:00Z')), 180);
  assert.equal(countryOffsetMinutes('LB', new Date('2026-11-24T12:00:00Z')), 120);
  assert.equal(countryOffsetMinutes('XX', new Date()), undefined);
  assert.equal(countryOffsetMinutes(null, new Date()), undefined);
});

test('a zone west of Greenwich has a negative offset', () => {
  assert.equal(offsetMinutesAt('America/New_York', new Date('2026-11-24T12:00:00Z')), -300);
});
