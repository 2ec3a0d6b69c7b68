// Query and path parameters of the JSON API, validated once so every endpoint answers a bad one the
// same way: a 400 with a stable code.
import type { Article } from '../../model/index.ts';
import { BadRequest, parseCursor, parseId } from '../cursor.ts';
import { ApiError } from './errors.ts';

/** Largest page the API gives (the search endpoint has the same bound). */
export const API_MAX_LIMIT = 100;

export function readLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > API_MAX_LIMIT) {
    throw new ApiError('bad_limit', `limit must be a whole number from 1 to ${API_MAX_LIMIT}.`);
  }
  return Number(raw);
}

/** A numeric id in the path; anything else names nothing, so it is a 404 like an unknown id. */
export function readPathId(raw: string, what: string): number {
  const id = parseId(raw);
  if (id === null) throw notFound(what, raw);
  return id;
}

/** A numeric id in the query string: malformed is the client's error (400), unlike in a path. */
export function readQueryId(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const id = parseId(raw);
  if (id === null) throw new ApiError(`bad_${name}`, `${name} must be a whole number.`);
  return id;
}

export function notFound(what: string, id: string | number): ApiError {
  return new ApiError('not_found', `No ${what} with id ${JSON.stringify(String(id))}.`, 404);
}

/**
 * Keyset cursors are the site's ("<instant>~<id>", src/web/cursor.ts), so an API page and a site page
 * continue from the same place; clients treat them as opaque.
 */
export function readTimeCursor(raw: string | undefined): { at: string; id: number } | null {
  try {
    const cursor = parseCursor(raw || undefined);
    return cursor && { at: cursor.published_at, id: cursor.id };
  } catch (err) {
    if (err instanceof BadRequest) throw badCursor();
    throw err;
  }
}

export function timeCursor(at: string, id: number): string {
  return `${at}~${id}`;
}

/** An article's place in newest-first lists: undated articles sort by their fetch time (store.ts). */
export function articleCursor(a: Article): string {
  return timeCursor(a.published_at ?? a.fetched_at, a.id);
}

/** Offset cursors, for orders that have no stable key (a ranking that moves with the clock). */
export function readOffsetCursor(raw: string | undefined, max: number): number {
  if (raw === undefined || raw === '') return 0;
  const m = /^o(\d{1,6})$/.exec(raw);
  if (!m || Number(m[1]) > max) throw badCursor();
  return Number(m[1]);
}

export function offsetCursor(offset: number): string {
  return `o${offset}`;
}

function badCursor(): ApiError {
  return new ApiError('bad_cursor', 'cursor is not one this API gave; start again without it.');
}

/**
 * One page of a keyset list: the store is asked for one more row than the page holds, so the last
 * page says so (next_cursor null) instead of sending the client to an empty one.
 */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, next_cursor: rows.length > limit ? cursorOf(items[items.length - 1]!) : null };
}
