/** The crawler's HTTP client: conditional GETs, size and time limits, robots.txt, politeness, charsets. */
export { Fetcher } from './fetcher.ts';
export { DEFAULT_FETCHER_OPTIONS, DEFAULT_USER_AGENT } from './types.ts';
export type { FetcherOptions, FetchRequest, FetchResponse, HostSlots } from './types.ts';
export type { LookupFunction } from './address-guard.ts';
export { FetchError } from './errors.ts';
export type { FetchErrorCode } from './errors.ts';
export { decodeBody } from './charset.ts';
