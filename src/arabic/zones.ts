/**
 * The clock an outlet prints its dates in, from its country. Pages that print "الخميس 26 نونبر 2026 -
 * 18:05" with no zone mean their own local time; reading it as Mecca time would shift a Moroccan
 * article by two hours. IANA zones, so daylight saving (Egypt, Lebanon, Palestine, Morocco's Ramadan
 * change) comes from the platform's time-zone data instead of a table of ours.
 */
const COUNTRY_ZONES: Record<string, string> = {
  EG: 'Africa/Cairo', SA: 'Asia/Riyadh', AE: 'Asia/Dubai', QA: 'Asia/Qatar', KW: 'Asia/Kuwait', BH: 'Asia/Bahrain',
  OM: 'Asia/Muscat', YE: 'Asia/Aden', IQ: 'Asia/Baghdad', SY: 'Asia/Damascus', LB: 'Asia/Beirut', JO: 'Asia/Amman',
  PS: 'Asia/Hebron', IL: 'Asia/Jerusalem', MA: 'Africa/Casablanca', DZ: 'Africa/Algiers', TN: 'Africa/Tunis',
  LY: 'Africa/Tripoli', SD: 'Africa/Khartoum', MR: 'Africa/Nouakchott', SO: 'Africa/Mogadishu', DJ: 'Africa/Djibouti',
  KM: 'Indian/Comoro', TR: 'Europe/Istanbul', IR: 'Asia/Tehran', GB: 'Europe/London', FR: 'Europe/Paris', DE: 'Europe/Berlin',
  US: 'America/New_York', RU: 'Europe/Moscow',
};

/** The IANA zone of a country (ISO 3166 alpha-2), or null when we do not know it. */
export function zoneForCountry(country: string | null | undefined): string | null {
  return country ? COUNTRY_ZONES[country.toUpperCase()] ?? null : null;
}

/** Minutes east of UTC in `zone` at the instant `at`. */
export function offsetMinutesAt(zone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The offset an outlet of `country` prints dates in around `at`; undefined when the country is unknown. */
export function countryOffsetMinutes(country: string | null | undefined, at: Date): number | undefined {
  const zone = zoneForCountry(country);
  return zone ? offsetMinutesAt(zone, at) : undefined;
}
