/**
 * Authors: JSON-LD `author`, meta author tags, `rel=author` links, byline elements, and the Arabic
 * byline formulas ("بقلم: …", "كتب: …", "حوار: …") at the top of the text.
 */
import { attr, classAndId, textOf } from './dom.ts';
import type { MetaIndex } from './meta.ts';
import { cleanText, comparisonKey, wordCount } from './text.ts';

/**
 * Words that introduce an author in Arabic bylines: by (بقلم), wrote (كتب/كتبت), interview (حوار),
 * prepared by (إعداد), report (تقرير), translated (ترجمة), edited (تحرير). Longer forms come first so
 * that "كتبت" is not read as "كتب" + "ت".
 */
const BYLINE_LEADS = ['بقلم', 'كتبت', 'كتبه', 'كتب', 'حوار', 'إعداد', 'اعداد', 'تقرير', 'ترجمة', 'تحرير', 'By'];
const BYLINE_FORMULA = new RegExp(`^\\s*(?:${BYLINE_LEADS.join('|')})\\s*[:：\\-–]?\\s*(.+)$`, 'iu');

/** A name is at most this many words; longer text is a sentence, not a byline. */
const MAX_NAME_WORDS = 6;
/** Byline containers and the text inside them are short. */
const MAX_BYLINE_CHARS = 120;
/** class/id of byline elements. */
const BYLINE_CLASS = /(?:^|[\s_-])(author|byline|writer|auteur|reporter|kateb|katib)(?:$|[\s_-]|name)/;
/** Values that are not people: agencies stand in for authors, but "admin" and URLs are noise. */
const NOT_A_NAME = /^(?:https?:|www\.|admin|administrator|editor|staff|null|undefined)|@/i;
/**
 * Separators between several authors in one string. A joined "و" ("علي وأحمد") is not split: too many
 * names start with و (وليد، وائل، وفاء).
 */
const NAME_LIST = /\s*(?:,|،|;|\s+و\s+|\s+and\s+|&)\s*/;

function cleanName(raw: string): string | null {
  let name = cleanText(raw);
  // "(أبوظبي - البيان)" is a dateline: place and outlet, no person.
  if (!name || /^[(\[]/.test(name)) return null;
  const formula = BYLINE_FORMULA.exec(name);
  if (formula?.[1]) name = formula[1].trim();
  // A trailing date or place after a dash or pipe is not part of the name.
  name = name.split(/\s[|\-–—]\s|\s*\/\s+/)[0]!.trim();
  name = name.replace(/^[\s:：\-–]+|[\s:：\-–.]+$/g, '');
  if (name === '' || NOT_A_NAME.test(name) || wordCount(name) > MAX_NAME_WORDS || /\d{3,}/.test(name)) return null;
  return name;
}

function splitNames(raw: string): string[] {
  // Only split when every part still looks like a name, not when a comma sits inside a title.
  const parts = raw.split(NAME_LIST).filter((p) => p.trim() !== '');
  return parts.length > 1 && parts.every((p) => wordCount(p) <= 4) ? parts : [raw];
}

/** The name a byline formula introduces in a short text, or null. */
export function bylineName(text: string): string | null {
  if (text.length > MAX_BYLINE_CHARS) return null;
  const m = BYLINE_FORMULA.exec(text);
  return m?.[1] ? cleanName(m[1]) : null;
}

function fromElements(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('a[rel~="author"], [itemprop~="author"]'))) {
    const nameEl = el.querySelector('[itemprop~="name"]');
    const text = nameEl ? attr(nameEl, 'content') ?? textOf(nameEl) : attr(el, 'content') ?? textOf(el);
    if (text.length <= MAX_BYLINE_CHARS) out.push(text);
  }
  if (out.length > 0) return out;
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    if (!BYLINE_CLASS.test(classAndId(el))) continue;
    const text = textOf(el);
    if (text !== '' && text.length <= MAX_BYLINE_CHARS) {
      out.push(text);
      break;
    }
  }
  return out;
}

/**
 * Authors in order, without duplicates, from the page's markup. Read before the main-text pass, which
 * removes bylines. `siteNames` are dropped: the outlet is the source, not an author.
 */
export function findAuthors(input: { doc: Document; meta: MetaIndex; jsonLdAuthors: string[]; siteNames: string[] }): string[] {
  const raw: string[] = [...input.jsonLdAuthors];
  if (raw.length === 0) {
    for (const key of ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author']) {
      raw.push(...input.meta.all(key));
      if (raw.length > 0) break;
    }
  }
  if (raw.length === 0) raw.push(...fromElements(input.doc));
  return uniqueNames(raw, input.siteNames);
}

/** The author a byline formula names in the opening blocks of the text ("كتب: فلان"), if any. */
export function authorsFromParagraphs(paragraphs: string[], siteNames: string[]): string[] {
  for (const p of paragraphs.slice(0, 3)) {
    const name = bylineName(p);
    if (name) return uniqueNames([name], siteNames);
  }
  return [];
}

/** The outlet named as author ("LBCI" on "LBCI Lebanon", "akhbarelyom" on akhbarelyom.com). */
function isOutlet(key: string, outletKeys: string[]): boolean {
  return outletKeys.some((site) => site === key || (key.length >= 3 && ` ${site} `.includes(` ${key} `)));
}

function uniqueNames(raw: string[], outletNames: string[]): string[] {
  const outletKeys = outletNames.map(comparisonKey).filter((k) => k !== '');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of raw) {
    for (const part of splitNames(entry)) {
      const name = cleanName(part);
      if (!name) continue;
      const key = comparisonKey(name);
      if (key === '' || seen.has(key) || isOutlet(key, outletKeys)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
