/** 'import' sources hold articles brought in by `marsad import` and are never polled. */
export type SourceKind = 'feed' | 'sitemap' | 'import';

/** An outlet that Marsad polls. */
export interface Source {
  id: number;
  name: string;
  /** The feed or sitemap URL polled. */
  url: string;
  home_url: string | null;
  kind: SourceKind;
  country: string | null;
  lang: string | null;
  paused: boolean;
  /** Seconds between polls, adapted to how often the source publishes. */
  poll_interval: number;
  next_poll_at: string;
  last_polled_at: string | null;
  last_status: string | null;
  last_error: string | null;
  consecutive_failures: number;
  etag: string | null;
  last_modified: string | null;
  created_at: string;
}

export interface NewSource {
  name: string;
  url: string;
  home_url?: string | null;
  kind?: SourceKind;
  country?: string | null;
  lang?: string | null;
}
