import type { Logger } from '../../log/index.ts';
import type { Store } from '../../store/store.ts';

/** What the API's routes are given by createApp. */
export interface ApiDeps {
  store: Store;
  log: Logger;
  /** Items per page when the client names no limit (the site's page size). */
  pageSize: number;
  now: () => Date;
}
