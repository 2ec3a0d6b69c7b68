/**
 * Dates written for machines: ISO 8601 and its sloppy cousins in meta tags and JSON-LD
 * ("2020-06-03T03:01+0400", "2020-03-15 20:18:45 GST", "2020-11-09", "20230920T1432+0300"), and RFC 2822 ("Mon, 24 Aug
 * 2020 09:23:13 GMT"). Anything else goes to the Arabic date parser.
 */
import type { ParsedDate } from '../arabic/dates.ts';

/**
 * Offset assumed for a time printed without a zone: UTC+3 (Mecca, also Cairo in summer, Amman,
 * Baghdad, Riyadh, Doha), the zone most Arabic bylines are in. The Arabic date parser assumes the same,
 * so a page's wall-clock day survives whichever parser read it. Not reported as `published_offset`.
 */
export const DEFAULT_PAGE_OFFSET_MINUTES = 180;

/** Zone abbreviations seen on Arabic and international news pages, in minutes east of UTC. */
const NAMED_ZONES: Record<string, number> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  // Arabia Standard Time (Riyadh, Baghdad); the Atlantic AST is rare on Arabic pages.
  AST: 180,
  MSK: 180,
  GST: 240,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  PST: -480,
  PDT: -420,
};

/** Years outside this range are not the publication date of a page we can fetch. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const ISO_LIKE =
  /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?\s*$/;

/** ISO 8601 basic format, as Sputnik and RIA print it in meta tags: "20230920T1432+0300". */
const ISO_BASIC = /^\s*(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;

const ENGLISH_MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

function zoneMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  const named = NAMED_ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? null : m[1] === '-' ? -minutes : minutes;
}

function validDay(y: number, mo: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}

function parseIsoLike(text: string, defaultOffset: number): ParsedDate | null {
  const m = ISO_LIKE.exec(text) ?? ISO_BASIC.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDay(y, mo, d)) return null;
  const hasTime = m[4] !== undefined;
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const stated = hasTime ? zoneMinutes(m[7]) : null;
  const offset = stated ?? defaultOffset;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  return { iso: new Date(ms).toISOString(), offsetMinutes: stated, hasTime };
}

function parseRfc2822(text: string): ParsedDate | null {
  if (!ENGLISH_MONTH.test(text) || !/\d{1,2}:\d{2}/.test(text)) return null;
  const zone = /(?:\s|^)(Z|GMT|UTC|[A-Z]{3,4}|[+-]\d{2}:?\d{2})\s*$/.exec(text.trim());
  const stated = zoneMinutes(zone?.[1]);
  if (stated === null) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { iso: new Date(ms).toISOString(), offsetMinutes: stated, hasTime: true };
}

/** Parse a machine-written date; null when the text is not one. */
export function parseMachineDate(text: string, defaultOffset = DEFAULT_PAGE_OFFSET_MINUTES): ParsedDate | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  return parseIsoLike(text, defaultOffset) ?? parseRfc2822(text);
}
