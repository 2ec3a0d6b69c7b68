/**
 * Allow-list sanitizing of article HTML before it is stored and served. Everything not listed goes:
 * scripts, styles, frames, forms, event handlers, classes and inline styles; links and images keep
 * only absolute http(s) URLs, resolved against the page, so `javascript:` and `data:` cannot survive.
 */
import sanitizeHtml from 'sanitize-html';

/** Tags a reader's article view needs: text blocks, lists, quotes, figures, simple tables. */
const ALLOWED_TAGS = [
  'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'figure', 'figcaption', 'img', 'a',
  'strong', 'em', 'b', 'i', 'br', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

/**
 * Tags dropped together with their text. The others not allowed (div, span, font…) are unwrapped and
 * their text kept.
 */
const DROPPED_WITH_TEXT = [
  'script', 'style', 'noscript', 'template', 'textarea', 'option', 'select', 'button', 'iframe',
  'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'title', 'nav',
];

/** Attributes where lazy-loading scripts park the real image URL. */
const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-srcset', 'srcset'];

/** Blocks that mean nothing without content: `<p> </p>`, `<li><br></li>`, `<a href></a>`. */
const EMPTY_ELEMENT =
  /<(p|li|h2|h3|h4|blockquote|figure|figcaption|strong|em|b|i|a|ul|ol|caption|tr|thead|tbody|tfoot|table)(?:\s[^>]*)?>(?:\s|&nbsp;|&#160;|<br\s*\/?>)*<\/\1>/gi;
/** Removing an empty child can empty its parent; nesting deeper than this is not worth a pass. */
const EMPTY_PASSES = 6;

function httpUrl(value: string | undefined, baseUrl: string): string | null {
  if (!value) return null;
  // srcset: "a.jpg 1x, b.jpg 2x" — the first candidate is enough for a reading view.
  const candidate = value.trim().split(/\s+/)[0]?.replace(/,$/, '');
  if (!candidate || candidate.startsWith('#')) return null;
  try {
    const url = new URL(candidate, baseUrl || undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function dropEmpty(html: string): string {
  let out = html;
  for (let i = 0; i < EMPTY_PASSES; i++) {
    const next = out.replace(EMPTY_ELEMENT, '');
    if (next === out) break;
    out = next;
  }
  return out.trim();
}

/**
 * Sanitize article HTML. `baseUrl` is the page URL (or its `<base href>`), used to make link and
 * image URLs absolute. Never throws: unreadable input gives ''.
 */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  if (typeof html !== 'string' || html === '') return '';
  try {
    const clean = sanitizeHtml(html, {
      allowedTags: ALLOWED_TAGS,
      allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
      allowedSchemes: ['http', 'https'],
      allowedSchemesAppliedToAttributes: ['href', 'src'],
      allowProtocolRelative: false,
      nonTextTags: DROPPED_WITH_TEXT,
      disallowedTagsMode: 'discard',
      transformTags: {
        h1: 'h2',
        h5: 'h4',
        h6: 'h4',
        // Links and images are rewritten in place, never renamed to a disallowed tag: sanitize-html
        // 2.17 then leaks the renaming to the next sibling's closing tag. The filter below unwraps or
        // drops what is left without a usable URL.
        a: (_tag, attribs) => {
          const href = httpUrl(attribs['href'], baseUrl);
          const kept: Record<string, string> = href ? { href, rel: 'nofollow noopener' } : {};
          return { tagName: 'a', attribs: kept };
        },
        img: (_tag, attribs) => {
          const src = [attribs['src'], ...LAZY_SRC_ATTRIBUTES.map((a) => attribs[a])]
            .map((v) => httpUrl(v, baseUrl))
            .find((v): v is string => v !== null);
          const kept: Record<string, string> = src ? { src } : {};
          if (src && attribs['alt']) kept['alt'] = attribs['alt'];
          return { tagName: 'img', attribs: kept };
        },
      },
      exclusiveFilter: (frame) => {
        // A link we cannot keep is unwrapped: its words stay, the target goes.
        if (frame.tag === 'a' && !frame.attribs['href']) return 'excludeTag';
        return frame.tag === 'img' && !frame.attribs['src'];
      },
    });
    return dropEmpty(clean);
  } catch {
    return '';
  }
}
