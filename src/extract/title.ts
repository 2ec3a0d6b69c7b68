/**
 * The headline. Candidates come from og:title, JSON-LD `headline`, dc:title or twitter:title, the article's
 * `<h1>` and `<title>`; each loses the outlet's name ("… - اليوم السابع", "المدينة نيوز - …") before
 * the first usable one wins.
 */
import { comparisonKey, wordCount } from './text.ts';

/**
 * Separators outlets put between headline, section and site name. Spaces around them are required:
 * headlines use bare hyphens in names and numbers ("2020-2022") and colons as part of the sentence.
 */
const SEPARATOR = /\s+(?:\||-|–|—|::|«|»|·|•|\/\/)\s+|\s*\|\s*/;

/** A segment this short may be a site name ("البيان", "Beirut Observer", "اليوم السابع"). */
const SITE_NAME_MAX_WORDS = 4;
/** A segment may add this many words to a known site name ("… الإلكترونية", "… Online") and still be it. */
const SITE_NAME_EXTRA_WORDS = 2;
/** …when the rest of the title is at least this many times longer in words. */
const HEADLINE_TO_SITE_RATIO = 2;

/** Share of a candidate's words that must occur in `<title>` for it to be trusted over `<title>`. */
const TITLE_AGREEMENT = 0.5;

/**
 * Candidate precedence. og:title first: outlets curate it for sharing; JSON-LD headlines are often cut
 * at Google's old 110-character limit or carry extra quotes; `<title>` is SEO-padded with sections.
 */
export interface TitleCandidates {
  og: string | null;
  jsonLd: string | null;
  /** dc:title or twitter:title. */
  otherMeta: string | null;
  h1: string | null;
  titleTag: string | null;
  /** Texts of the page's top headings (`<h1>`, `<h2>`), which tell the headline part of `<title>`. */
  headings?: string[];
}

export interface TitleResult {
  title: string | null;
  /** A site name learned from the titles themselves (an edge segment two candidates share, the rest of `<title>`). */
  inferredSiteName: string | null;
}

function segmentsOf(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function matchesSite(segment: string, siteKeys: string[]): boolean {
  const key = comparisonKey(segment);
  if (key === '') return true;
  // Containment is by whole words: "مصر" is not part of "مصراوي".
  const within = (inner: string, outer: string) => ` ${outer} `.includes(` ${inner} `);
  return siteKeys.some(
    (site) =>
      site.length >= 2 &&
      (key === site ||
        (key.length >= 3 && within(key, site)) ||
        // "بوابة أخبار اليوم الإلكترونية" for "بوابة اخبار اليوم"; a headline that merely names the site is longer.
        (within(site, key) && wordCount(key) <= wordCount(site) + SITE_NAME_EXTRA_WORDS)),
  );
}

function siteLike(segment: string, rest: string[]): boolean {
  const words = wordCount(segment);
  const restWords = rest.reduce((n, s) => n + wordCount(s), 0);
  return words <= SITE_NAME_MAX_WORDS && restWords >= HEADLINE_TO_SITE_RATIO * words;
}

/** Edge segments that appear at an edge of two different candidates: a site name both repeat. */
function sharedEdgeSegments(candidates: string[]): string[] {
  const edgeSets = candidates.map((c) => {
    const segs = segmentsOf(c);
    return segs.length < 2 ? [] : [segs[0]!, segs[segs.length - 1]!];
  });
  const out: string[] = [];
  for (let i = 0; i < edgeSets.length; i++) {
    for (const seg of edgeSets[i]!) {
      const key = comparisonKey(seg);
      const elsewhere = edgeSets.some((set, j) => j !== i && set.some((s) => comparisonKey(s) === key));
      const rest = segmentsOf(candidates[i]!).filter((s) => s !== seg);
      if (elsewhere && siteLike(seg, rest) && !out.includes(seg)) out.push(seg);
    }
  }
  return out;
}

/** Drop site-name segments from the ends of one title. */
export function stripSiteName(title: string, siteNames: string[]): string {
  return splitSiteName(title, siteNames).headline;
}

/** The title without its site-name segments, and the segment dropped as site-like when no name was known. */
function splitSiteName(title: string, siteNames: string[]): { headline: string; guessedSite: string | null } {
  let segs = segmentsOf(title);
  let guessedSite: string | null = null;
  if (segs.length < 2) return { headline: title.trim(), guessedSite };
  const siteKeys = siteNames.map(comparisonKey).filter((k) => k !== '');
  // Known names go from both ends, repeatedly ("الخبر - القسم - الموقع" keeps losing only known parts).
  let changed = true;
  while (changed && segs.length > 1) {
    changed = false;
    if (matchesSite(segs[segs.length - 1]!, siteKeys)) {
      segs = segs.slice(0, -1);
      changed = true;
    } else if (matchesSite(segs[0]!, siteKeys)) {
      segs = segs.slice(1);
      changed = true;
    }
  }
  if (segs.length === segmentsOf(title).length && segs.length >= 2) {
    // No known name: the convention is "headline - site", so a short last segment goes.
    const last = segs[segs.length - 1]!;
    if (siteLike(last, segs.slice(0, -1))) {
      segs = segs.slice(0, -1);
      guessedSite = last;
    }
  }
  if (segs.length === segmentsOf(title).length) return { headline: title.trim(), guessedSite };
  return { headline: joinSegments(title, segs), guessedSite };
}

/** Consecutive segments of `title`, with the original separators between them. */
function joinSegments(title: string, segs: string[]): string {
  const first = title.indexOf(segs[0]!);
  const lastSeg = segs[segs.length - 1]!;
  const end = title.lastIndexOf(lastSeg) + lastSeg.length;
  return first >= 0 && end > first ? title.slice(first, end).trim() : segs.join(' - ');
}

/** Share of `candidate`'s words that also occur in `reference`. */
function overlap(candidate: string, reference: string): number {
  const words = comparisonKey(candidate).split(' ').filter((w) => w !== '');
  if (words.length === 0) return 0;
  const ref = new Set(comparisonKey(reference).split(' '));
  return words.filter((w) => ref.has(w)).length / words.length;
}

/**
 * The part of a title that a heading on the page repeats ("الخبر - سي ان ان بالعربية" with an `<h2>`
 * "الخبر"), with the rest of the title as the site name when it is one segment.
 */
function headlineByHeading(title: string, headings: string[]): { headline: string; site: string | null } | null {
  const segs = segmentsOf(title);
  if (segs.length < 2 || headings.length === 0) return null;
  const keys = new Set(headings.map(comparisonKey).filter((k) => k !== ''));
  // The headline is the longer part: a logo heading ("痞客邦 PIXNET") matches the site segment instead.
  const longer = (part: string[], rest: string[]) => wordCount(part.join(' ')) >= wordCount(rest.join(' '));
  for (let k = segs.length - 1; k >= 1; k--) {
    const [prefix, afterPrefix] = [segs.slice(0, k), segs.slice(k)];
    if (keys.has(comparisonKey(prefix.join(' '))) && longer(prefix, afterPrefix)) {
      return { headline: joinSegments(title, prefix), site: afterPrefix.length === 1 ? afterPrefix[0]! : null };
    }
    const [suffix, beforeSuffix] = [segs.slice(segs.length - k), segs.slice(0, segs.length - k)];
    if (keys.has(comparisonKey(suffix.join(' '))) && longer(suffix, beforeSuffix)) {
      return { headline: joinSegments(title, suffix), site: beforeSuffix.length === 1 ? beforeSuffix[0]! : null };
    }
  }
  return null;
}

/** Choose the headline from the candidates, given the site names the page declares. */
export function chooseTitle(c: TitleCandidates, declaredSiteNames: string[]): TitleResult {
  const raw = [c.og, c.jsonLd, c.otherMeta, c.h1, c.titleTag].filter((t): t is string => !!t);
  const inferred = sharedEdgeSegments(raw.filter((t) => t !== c.h1));
  const siteNames = [...declaredSiteNames, ...inferred];
  const siteKeys = siteNames.map(comparisonKey);

  // `<title>` split by a heading that repeats part of it, else by the "headline - site" convention.
  const byHeading = c.titleTag ? headlineByHeading(c.titleTag, c.headings ?? []) : null;
  if (byHeading) raw[raw.indexOf(c.titleTag!)] = byHeading.headline;
  const reference = byHeading?.headline ?? c.titleTag;
  const guessed = byHeading ? byHeading.site : reference && declaredSiteNames.length === 0 ? splitSiteName(reference, siteNames).guessedSite : null;
  if (guessed) inferred.push(guessed);

  // `<title>` is the one candidate nearly every page has; a JSON-LD "headline" or an `<h1>` that
  // shares few words with its headline part is a category name or a logo. Meta titles are written for
  // sharing and may legitimately differ from it.
  const needsAgreement = new Set([c.jsonLd, c.h1]);
  const headlineOfReference = reference ? stripSiteName(reference, [...siteNames, ...inferred]) : null;
  for (const candidate of raw) {
    const cleaned = stripSiteName(candidate, siteNames);
    const key = comparisonKey(cleaned);
    if (key === '' || siteKeys.includes(key)) continue;
    if (headlineOfReference && candidate !== reference && needsAgreement.has(candidate) && overlap(cleaned, headlineOfReference) < TITLE_AGREEMENT) continue;
    return { title: cleaned, inferredSiteName: inferred[0] ?? null };
  }
  return { title: null, inferredSiteName: inferred[0] ?? null };
}
