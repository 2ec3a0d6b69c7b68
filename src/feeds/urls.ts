/**
 * Resolving relative links against the document URL and `xml:base`. An absolute link is returned
 * exactly as the feed wrote it (only trimmed): normalizing is the sanitize stage's job, and ids such
 * as `http://www.EXAMPLE.org/thing` must survive byte for byte. When a relative link carried raw
 * Arabic, the resolved one keeps it raw too instead of percent-encoding it, so links from the same
 * feed read the same way whether or not they were relative.
 */
import { decodeHTMLAttribute } from 'entities';
import { escapeAttribute } from './text.ts';
import { tokenize } from './xml/tokens.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function keepUnicode(resolved: string): string {
  return resolved.replace(/(?:%[89a-f][0-9a-f])+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Resolve `ref` against `base`; undefined for a blank ref; the ref itself when it can't be resolved. */
export function resolveUrl(ref: string | undefined, base: string | undefined): string | undefined {
  const trimmed = ref?.trim();
  if (!trimmed) return undefined;
  if (SCHEME.test(trimmed) || !base) return trimmed;
  try {
    const resolved = new URL(trimmed, base).href;
    return /[^\x00-\x7f]/.test(trimmed) ? keepUnicode(resolved) : resolved;
  } catch {
    return trimmed;
  }
}

/** Attributes that hold a URL in HTML (the HTML 4 list feed readers have always rewritten, plus poster). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'background', 'longdesc', 'usemap', 'codebase', 'poster', 'formaction', 'profile']);

/**
 * Rewrite relative URLs inside an HTML fragment. This belongs to the feed stage because only here is
 * `xml:base` known; later stages see the fragment without the XML around it. Tags without a
 * relative URL are copied untouched, so the fragment is otherwise byte for byte what the feed sent.
 */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (!base || !/\s(href|src|cite|action|background|longdesc|usemap|codebase|poster|formaction|profile)\s*=/i.test(html)) {
    return html;
  }
  const pieces: string[] = [];
  const resolved = new Map<string, string>();
  const resolve = (value: string) => {
    let r = resolved.get(value);
    if (r === undefined) resolved.set(value, (r = resolveUrl(value, base) ?? value));
    return r;
  };
  let copied = 0;
  tokenize(html, false, {
    openTag(name, attrs, start, end, selfClosing) {
      let changed = false;
      const rewritten: Array<[string, string]> = [];
      for (const [key, raw] of Object.entries(attrs)) {
        const value = decodeHTMLAttribute(raw);
        const url = URL_ATTRIBUTES.has(key) && value.trim() ? resolve(value) : value;
        if (url !== value) changed = true;
        rewritten.push([key, url]);
      }
      if (!changed) return;
      pieces.push(html.slice(copied, start));
      pieces.push(`<${name}${rewritten.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}${selfClosing ? ' /' : ''}>`);
      copied = end + 1;
    },
  });
  pieces.push(html.slice(copied));
  return pieces.join('');
}
