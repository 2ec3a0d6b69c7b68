/**
 * Author strings in one shape, "Name (email)", whatever the feed wrote: RSS's
 * `me@example.com (Name)`, `Name <me@example.com>`, Atom's <name> and <email>, JSON Feed's name.
 * Bylines of Arabic outlets are usually just a name or a desk ("سبق- الرياض:"), which pass through.
 */
import { collapseWhitespace } from './text.ts';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** One author from a name and an email, either of which may be missing. */
export function formatAuthor(name?: string, email?: string): string | undefined {
  const n = name ? collapseWhitespace(name) : '';
  const e = email ? email.trim().replace(/^mailto:/i, '') : '';
  if (n && e) return `${n} (${e})`;
  return n || e || undefined;
}

/** Normalize a free-form author string from RSS (`author`, `dc:creator`, `managingEditor`). */
export function normalizeAuthor(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = collapseWhitespace(raw);
  if (!s) return undefined;
  const email = s.includes('@') ? EMAIL.exec(s)?.[0] : undefined;
  if (!email) return s;
  // What is left once the address and its brackets go is the name, if anything.
  const name = s
    .replace(email, '')
    .replace(/mailto:/i, '')
    .replace(/[()<>[\]]/g, ' ')
    .replace(/^[\s,;:-]+|[\s,;:-]+$/g, '');
  return formatAuthor(name, email);
}

/** Add authors to a list, skipping blanks and repeats. */
export function addAuthors(list: string[], ...authors: Array<string | undefined>): void {
  for (const a of authors) if (a && !list.includes(a)) list.push(a);
}
