/**
 * How deeply a page's elements nest, measured with one linear scan before the page is parsed. The
 * HTML parser under the extractor looks back through its open-element stack at every tag, so its
 * time grows with the square of the depth: a page of 100,000 nested <div>s holds a worker for
 * minutes. Real article pages nest a few dozen deep; sloppy ones with unclosed <font> or <span>
 * tags reach a few hundred.
 */

/** Deeper than this, a page is refused before parsing (the parser's stack stays cheap below it). */
export const MAX_HTML_DEPTH = 3_000;

/** Elements that never hold others, and those the parser closes by itself when a sibling opens. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'html', 'head', 'body',
]);

/** Raw-text elements: what is inside is not markup. */
const RAW_TEXT = /<(script|style|textarea|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;

/** The deepest element nesting in `html`, counted up to `stopAt` (then that is returned at once). */
export function htmlNestingDepth(html: string, stopAt = MAX_HTML_DEPTH + 1): number {
  let depth = 0;
  let max = 0;
  for (const m of html.replace(RAW_TEXT, '').matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (NOT_NESTING.has(name) || m[3]) continue;
    if (m[1]) {
      if (depth > 0) depth--;
    } else if (++depth > max) {
      max = depth;
      if (max >= stopAt) return max;
    }
  }
  return max;
}
