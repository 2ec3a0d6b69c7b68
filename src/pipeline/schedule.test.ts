import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, MAX_POLL_INTERVAL, MIN_POLL_INTERVAL, nextPollInterval } from './schedule.ts';

const minutesApart = (n: number, minutes: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 10, 24, 12) - i * minutes * 60_000));

test('a wire agency publishing every 4 minutes is polled at the 5-minute floor', () => {
  assert.equal(nextPollInterval(900, minutesApart(10, 4), 3), MIN_POLL_INTERVAL);
});

test('a weekly Maghrebi magazine is polled no less than once a day', () => {
  assert.equal(nextPollInterval(900, minutesApart(5, 7 * 24 * 60), 1), MAX_POLL_INTERVAL);
});

test('an Egyptian daily publishing hourly is polled every half hour', () => {
  assert.equal(nextPollInterval(900, minutesApart(10, 60), 2), 30 * 60);
});

test('a poll with nothing new stretches the interval', () => {
  assert.equal(nextPollInterval(1200, minutesApart(10, 20), 0), 1800);
});

test('a feed without dates keeps its interval while it brings news', () => {
  assert.equal(nextPollInterval(1200, [], 4), 1200);
});

test('a failing source backs off exponentially, honours Retry-After, and caps at a day', () => {
  assert.equal(backoffDelay(600, 1), 600);
  assert.equal(backoffDelay(600, 3), 2400);
  assert.equal(backoffDelay(600, 30), MAX_POLL_INTERVAL);
  assert.equal(backoffDelay(600, 1, 3_600_000), 3600);
});
