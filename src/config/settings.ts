/**
 * Every setting in one table: its default, and the environment variable that overrides it. Read once
 * at start (`loadSettings`) and passed in; nothing else reads process.env.
 */
export interface Settings {
  dbPath: string;
  databaseUrl: string | null;
  port: number;
  host: string;
  timeZone: string;
  siteUrl: string | null;
  allowPrivateAddresses: boolean;
  /** The site is reached over HTTPS (here or at a proxy): send HSTS and upgrade http images. */
  https: boolean;
  /** A reverse proxy in front appends the client's address to X-Forwarded-For; trust that entry. */
  trustProxy: boolean;
  /** Searches (pages and feeds) per minute from one client address; 0 turns the limit off. */
  searchRatePerMinute: number;
  /** /api/v1 requests per minute from one client address; 0 turns the limit off. */
  apiRatePerMinute: number;
  /** Seconds between scheduler rounds in `start`/`worker` (each round polls whatever is due). */
  tickSeconds: number;
  defaultSources: string;
  /** The operator's credential for /admin (src/web/admin-auth.ts); unset, the admin section is off. */
  adminToken: string | null;
  /** Megabytes of rendered public pages kept in memory per web process (src/web/page-cache.ts); 0 turns it off. */
  pageCacheMb: number;
  /** Seconds a kept page may still be served after the store changed: what a busy crawl needs. */
  pageCacheGraceSeconds: number;
}

const TABLE: { [K in keyof Settings]: { env: string; default: Settings[K]; parse?: (v: string) => Settings[K] } } = {
  dbPath: { env: 'MARSAD_DB', default: 'data/marsad.db' },
  databaseUrl: { env: 'MARSAD_DATABASE_URL', default: null },
  port: { env: 'MARSAD_PORT', default: 8080, parse: Number },
  host: { env: 'MARSAD_HOST', default: '127.0.0.1' },
  timeZone: { env: 'MARSAD_TIME_ZONE', default: 'Asia/Riyadh' },
  siteUrl: { env: 'MARSAD_SITE_URL', default: null },
  allowPrivateAddresses: { env: 'MARSAD_ALLOW_PRIVATE', default: false, parse: (v) => v === '1' || v === 'true' },
  https: { env: 'MARSAD_HTTPS', default: false, parse: (v) => v === '1' || v === 'true' },
  trustProxy: { env: 'MARSAD_TRUST_PROXY', default: false, parse: (v) => v === '1' || v === 'true' },
  searchRatePerMinute: { env: 'MARSAD_SEARCH_RATE', default: 30, parse: Number },
  apiRatePerMinute: { env: 'MARSAD_API_RATE', default: 120, parse: Number },
  tickSeconds: { env: 'MARSAD_TICK_SECONDS', default: 30, parse: Number },
  defaultSources: { env: 'MARSAD_SOURCES', default: 'sources/arabic-outlets.opml' },
  adminToken: { env: 'MARSAD_ADMIN_TOKEN', default: null },
  pageCacheMb: { env: 'MARSAD_PAGE_CACHE_MB', default: 64, parse: Number },
  pageCacheGraceSeconds: { env: 'MARSAD_PAGE_CACHE_GRACE', default: 2, parse: Number },
};

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(TABLE)) {
    const raw = env[spec.env];
    out[key] = raw === undefined || raw === '' ? spec.default : spec.parse ? (spec.parse as (v: string) => unknown)(raw) : raw;
  }
  return out as unknown as Settings;
}
