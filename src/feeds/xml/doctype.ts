/**
 * Removing the DOCTYPE before parsing. This is the whole of our defence against XML entity attacks:
 * a DTD is never read, fetched or expanded, so "billion laughs" costs one linear scan and a
 * `SYSTEM "file:///etc/passwd"` entity stays an unexpanded name. We cut it out ourselves because an
 * internal subset (`[ <!ENTITY a "<b>"> ]`) holds `>` and `<` that a tag tokenizer would misread.
 */

export interface Doctype {
  /** The root name the DOCTYPE declares ("rss", "rdf:RDF"). */
  name: string;
  /** The public identifier, which tells Netscape RSS 0.91 from UserLand 0.91. */
  publicId?: string;
  /** General entities declared in the internal subset; we report their use, never expand them. */
  entities: string[];
}

export interface StrippedDoctype {
  text: string;
  doctype?: Doctype;
}

/** Skip a construct that ends with `close`, returning the index after it (or the end of text). */
function skipPast(text: string, from: number, close: string): number {
  const end = text.indexOf(close, from);
  return end < 0 ? text.length : end + close.length;
}

/** Index just after the `>` that closes a DOCTYPE starting at `start`, honouring quotes and `[ ]`. */
function doctypeEnd(text: string, start: number): { end: number; subset: string } {
  let i = start;
  let quote = '';
  let subsetStart = -1;
  let subsetEnd = -1;
  let inSubset = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (inSubset && text.startsWith('<!--', i)) {
      i = skipPast(text, i + 4, '-->');
      continue;
    } else if (c === '[' && !inSubset && subsetStart < 0) {
      inSubset = true;
      subsetStart = i + 1;
    } else if (c === ']' && inSubset) {
      inSubset = false;
      subsetEnd = i;
    } else if (c === '>' && !inSubset) {
      const subset = subsetStart >= 0 ? text.slice(subsetStart, subsetEnd < 0 ? i : subsetEnd) : '';
      return { end: i + 1, subset };
    }
    i++;
  }
  return { end: text.length, subset: subsetStart >= 0 ? text.slice(subsetStart) : '' };
}

/**
 * Find a DOCTYPE in the prolog (after the XML declaration, comments and processing instructions,
 * before the root element) and return the text without it.
 */
export function stripDoctype(text: string): StrippedDoctype {
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s\uFEFF]/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) i = skipPast(text, i + 2, '?>');
    else if (text.startsWith('<!--', i)) i = skipPast(text, i + 4, '-->');
    else break;
  }
  if (!/^<!DOCTYPE/i.test(text.slice(i, i + 9))) return { text };
  const { end, subset } = doctypeEnd(text, i + 9);
  const header = text.slice(i + 9, end).replace(/\[[\s\S]*$/, '');
  const m = /^\s*([^\s[>]+)(?:\s+PUBLIC\s+(["'])([^"']*)\2)?/i.exec(header);
  const entities = [...subset.matchAll(/<!ENTITY\s+([^\s%]+)/g)].map((e) => e[1]!);
  const doctype: Doctype = { name: m?.[1] ?? '', entities };
  if (m?.[3]) doctype.publicId = m[3];
  return { text: text.slice(0, i) + text.slice(end), doctype };
}
