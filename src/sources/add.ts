import type { Source } from '../model/index.ts';
import { parseOpml } from '../opml/index.ts';
import { canonicalizeUrl } from '../sanitize/url.ts';
import type { Store } from '../store/store.ts';
import { checkSourceInput, type SourceInput, SourceInputError } from './check.ts';

/** What became of one source an operator asked for. */
export type AddOutcome =
  | { status: 'added'; input: SourceInput; source: Source }
  | { status: 'existing'; input: SourceInput; source: Source }
  | { status: 'invalid'; input: SourceInput; error: SourceInputError };

/** Counts of a batch, as the CLI prints them. */
export interface AddSummary {
  feeds: number;
  created: number;
  existing: number;
  invalid: number;
}

/**
 * Add sources one by one, reporting each: added, already present (the same URL up to
 * canonicalization: case of the host, default port, tracking parameters, order of the query), or
 * invalid with the reason. One bad entry never stops the rest.
 */
export async function addSources(store: Store, inputs: readonly SourceInput[]): Promise<AddOutcome[]> {
  const known = new Map<string, Source>();
  for (const s of await store.listSources()) known.set(canonicalizeUrl(s.url) ?? s.url, s);
  const out: AddOutcome[] = [];
  for (const input of inputs) {
    let fresh;
    try {
      fresh = checkSourceInput(input);
    } catch (err) {
      if (!(err instanceof SourceInputError)) throw err;
      out.push({ status: 'invalid', input, error: err });
      continue;
    }
    const key = canonicalizeUrl(fresh.url) ?? fresh.url;
    const already = known.get(key);
    if (already) {
      out.push({ status: 'existing', input, source: already });
      continue;
    }
    const { source, created } = await store.addSource(fresh);
    known.set(key, source);
    out.push({ status: created ? 'added' : 'existing', input, source });
  }
  return out;
}

/** Add the feeds of an OPML document (throws OpmlError when it is not one). */
export async function importOpml(store: Store, xml: string): Promise<AddOutcome[]> {
  const feeds = parseOpml(xml);
  return addSources(store, feeds.map((f) => ({ url: f.url, name: f.name, kind: f.kind, home_url: f.home_url, country: f.country, lang: f.lang })));
}

export function summarize(outcomes: readonly AddOutcome[]): AddSummary {
  const count = (status: AddOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { feeds: outcomes.length, created: count('added'), existing: count('existing'), invalid: count('invalid') };
}
