// A parsed query written back in the query language, one canonical way: what the search page puts
// back in the box and in links ("did you mean"), and what tests compare. Parsing the output again
// gives the same query.
import type { FilterName, QueryTerm, SearchQuery } from './query-types.ts';

function term(t: QueryTerm): string {
  return t.kind === 'phrase' ? `"${t.text}"` : t.text;
}

function filterValue(name: FilterName): string {
  return /\s/.test(name.text) ? `"${name.text}"` : name.text;
}

/** The canonical text of `q`: groups, then exclusions, then filters. */
export function formatQuery(q: SearchQuery): string {
  const parts: string[] = [];
  for (const group of q.must) parts.push(group.map(term).join(' OR '));
  for (const t of q.not) parts.push(`-${term(t)}`);
  const f = q.filters;
  for (const s of f.sources) parts.push(`source:${filterValue(s)}`);
  for (const s of f.notSources) parts.push(`-source:${filterValue(s)}`);
  for (const t of f.tags) parts.push(`tag:${filterValue(t)}`);
  for (const t of f.notTags) parts.push(`-tag:${filterValue(t)}`);
  if (f.from) parts.push(`from:${f.from}`);
  if (f.to) parts.push(`to:${f.to}`);
  return parts.join(' ');
}
