/**
 * Language and direction. The `<html>` attributes win unless the text contradicts them: templates
 * ship `lang="en-US"` on Arabic pages (WordPress defaults), and then the script of the text decides.
 */
import { attr } from './dom.ts';
import { arabicShare } from './text.ts';

/** Over this share of Arabic letters a text is Arabic whatever the markup says. */
const ARABIC_TEXT_SHARE = 0.5;
/** Under this share a page marked Arabic is not (an English edition on an Arabic template). */
const NOT_ARABIC_SHARE = 0.1;
/** Too little text to judge the script: trust the markup. */
const MIN_LETTERS_TO_JUDGE = 40;

/** Right-to-left languages we may meet on Arabic-script pages. */
const RTL_LANGS = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ku', 'ckb', 'sd', 'ug', 'yi', 'dv']);

export interface LanguageResult {
  lang: string | null;
  dir: 'rtl' | 'ltr' | null;
}

function primaryTag(value: string | null): string | null {
  if (!value) return null;
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(value.trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

export function detectLanguage(doc: Document | null, text: string): LanguageResult {
  const html = doc?.documentElement ?? null;
  const body = doc?.body ?? null;
  let lang = primaryTag(attr(html, 'lang') ?? attr(html, 'xml:lang') ?? attr(body, 'lang'));
  const declaredDir = (attr(html, 'dir') ?? attr(body, 'dir'))?.toLowerCase();
  let dir: 'rtl' | 'ltr' | null = declaredDir === 'rtl' || declaredDir === 'ltr' ? declaredDir : null;

  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters >= MIN_LETTERS_TO_JUDGE) {
    const share = arabicShare(text);
    if (share >= ARABIC_TEXT_SHARE && !(lang && RTL_LANGS.has(lang))) lang = 'ar';
    else if (lang === 'ar' && share < NOT_ARABIC_SHARE) lang = null;
    if (!dir || (dir === 'ltr' && share >= ARABIC_TEXT_SHARE)) dir = share >= ARABIC_TEXT_SHARE ? 'rtl' : 'ltr';
  }
  if (!dir && lang) dir = RTL_LANGS.has(lang) ? 'rtl' : 'ltr';
  return { lang, dir };
}
