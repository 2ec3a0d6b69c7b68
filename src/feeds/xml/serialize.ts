/**
 * Turning inline markup back into an HTML string: Atom `type="xhtml"` content and RSS descriptions
 * whose HTML was not escaped. HTML knows XHTML, SVG and MathML elements by their local names, so
 * those lose their prefixes (`xhtml:p` → `p`, `svg:circle` → `circle`) and an SVG or MathML root
 * gets its `xmlns`. Other prefixes are kept, and declared on the fragment when the declaration was
 * outside it, so the fragment stands alone.
 */
import type { XmlElement } from './tree.ts';
import { escapeAttribute, escapeHtml } from '../text.ts';

const VOID = new Set(['area', 'base', 'br', 'col', 'command', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const HTML_FAMILY: Record<string, string> = {
  xhtml: 'http://www.w3.org/1999/xhtml',
  svg: 'http://www.w3.org/2000/svg',
  mathml: 'http://www.w3.org/1998/Math/MathML',
};
const FAMILY_URIS = new Set(Object.values(HTML_FAMILY).map((u) => u.toLowerCase()));

interface Context {
  /** The HTML-family namespace the output is in ('xhtml' at the top). */
  family: string;
  /** Prefixes declared inside the fragment so far. */
  declared: ReadonlySet<string>;
}

function serialize(el: XmlElement, out: string[], ctx: Context): void {
  const inFamily = HTML_FAMILY[el.ns] !== undefined;
  const name = inFamily ? el.name.slice(el.prefix ? el.prefix.length + 1 : 0) : el.name;
  const declared = new Set(ctx.declared);
  const attrs: Array<[string, string]> = [];
  if (inFamily && el.ns !== ctx.family && el.ns !== 'xhtml') attrs.push(['xmlns', HTML_FAMILY[el.ns]!]);
  for (const [k, v] of Object.entries(el.attrs)) {
    const isDecl = k === 'xmlns' || k.startsWith('xmlns:');
    if (isDecl && FAMILY_URIS.has(v.trim().toLowerCase())) continue;
    if (isDecl && k !== 'xmlns') declared.add(k.slice(6));
    attrs.push([k, v]);
  }
  // Prefixes this element uses (its own, outside the HTML family, and its attributes').
  const used = new Set<string>(!inFamily && el.prefix ? [el.prefix] : []);
  for (const k of Object.keys(el.attrs)) {
    const prefix = k.includes(':') ? k.slice(0, k.indexOf(':')) : '';
    if (prefix && prefix !== 'xml' && prefix !== 'xmlns') used.add(prefix);
  }
  for (const prefix of used) {
    const uri = el.scope.get(prefix);
    if (uri && !declared.has(prefix)) {
      attrs.push([`xmlns:${prefix}`, uri]);
      declared.add(prefix);
    }
  }
  out.push(`<${name}${attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}`);
  if (el.children.length === 0 && VOID.has(name.toLowerCase())) {
    out.push(' />');
    return;
  }
  out.push('>');
  children(el, out, { family: inFamily ? el.ns : ctx.family, declared });
  out.push(`</${name}>`);
}

function children(el: XmlElement, out: string[], ctx: Context): void {
  for (const c of el.children) {
    if (typeof c === 'string') out.push(escapeHtml(c));
    else serialize(c, out, ctx);
  }
}

/** The element's children as HTML. */
export function innerHtml(el: XmlElement): string {
  const out: string[] = [];
  children(el, out, { family: 'xhtml', declared: new Set() });
  return out.join('');
}

/** True when the element holds markup rather than only text. */
export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string');
}

/**
 * An element's content as HTML, however the feed carried it: escaped (`&lt;p&gt;`), in CDATA, or
 * as naked markup that the XML parser turned into child elements.
 */
export function markupOf(el: XmlElement): string {
  if (!hasElementChildren(el)) {
    let out = '';
    for (const c of el.children) if (typeof c === 'string') out += c;
    return out;
  }
  return innerHtml(el);
}
