import type { Store } from '../../store/store.ts';

/** What every page route needs: the store, list size, the readers' zone, the clock, the public base URL. */
export interface PageDeps {
  store: Store;
  pageSize: number;
  timeZone: string;
  now: () => Date;
  /** The site's absolute base URL (no trailing slash) for this request. */
  base: (requestUrl: string) => string;
}
