// Tags for an article: the gazetteer's entities it names, one tag per entity however it is spelled
// (قره باغ / قرة باغ / ناغورني قره باغ → قره باغ), ranked by how much the article is about them.
import { entryById, type EntityType } from './gazetteer/index.ts';
import { scan, type RawMatch } from './matcher.ts';
import { rankBySalience, type PlacedMention, type Zone } from './salience.ts';

export type { EntityType } from './gazetteer/index.ts';

/** One mention of an entity; `text === source.slice(start, end)` for the text it was found in. */
export interface EntityMention {
  id: string;
  name: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
}

/** An entity's type, or 'keyword' for a keyphrase that names a topic rather than an entity. */
export type TagType = EntityType | 'keyword';

/**
 * Bumped whenever the tagger's output can change for the same article (new gazetteer entries, new
 * rules). Stored with each article's tags so the pipeline can re-tag what an older tagger tagged.
 */
export const TAGGER_VERSION = 1;

export interface Tag {
  /** Stable key of the tag page: a gazetteer id ('country:AZ') or a derived one for names and keyphrases. */
  id: string;
  name: string;
  type: TagType;
  /** Salience relative to the article's top tag: 1 for the first, less for the rest. */
  weight: number;
}

export const DEFAULT_MAX_TAGS = 8;

/** Every entity mention in `text`, in order, non-overlapping, with ambiguity resolved within `text`. */
export function findEntities(text: string): EntityMention[] {
  return resolve([{ text, zone: 'body', matches: scan(text) }])[0]!;
}

/** The entities `article` is about, most salient first, one tag per entity, at most `max` (8). */
export function tagArticle(article: { title: string; lead?: string | null; text: string }, opts: { max?: number } = {}): Tag[] {
  const parts: { text: string; zone: Zone }[] = [
    { text: article.title, zone: 'title' },
    { text: article.lead ?? '', zone: 'lead' },
    { text: article.text, zone: 'body' },
  ];
  const zones = parts.map((p) => ({ ...p, matches: scan(p.text) }));
  const resolved = resolve(zones);
  // Positions run over title, lead and body as one sequence, so "early" means early for the reader.
  const total = Math.max(1, parts.reduce((n, p) => n + p.text.length, 0));
  const placed: PlacedMention[] = [];
  let offset = 0;
  resolved.forEach((mentions, i) => {
    for (const m of mentions) placed.push({ id: m.id, zone: parts[i]!.zone, position: (offset + m.start) / total });
    offset += parts[i]!.text.length;
  });
  const ranked = rankBySalience(placed).slice(0, Math.max(0, opts.max ?? DEFAULT_MAX_TAGS));
  const top = ranked[0]?.score ?? 1;
  return ranked.map((r) => {
    const entry = entryById(r.id)!;
    return { id: r.id, name: entry.name, type: entry.type, weight: Math.round((r.score / top) * 1000) / 1000 };
  });
}

interface ZoneMatches {
  text: string;
  zone: Zone;
  matches: RawMatch[];
}

/**
 * Picks one entry per match, or drops it, using the whole article as context:
 * - The context is every match that is neither ambiguous nor a common word: those we trust.
 * - An entry is supported by a context entity it shares an ancestor with, itself included: a city
 *   and its country, two cities of one country, a minister and his state, two UN agencies.
 * - An AMBIGUOUS spelling takes its best-supported sense (عمان with الأردن → Amman, with مسقط →
 *   Oman); with no support, the sense listed first, which AMBIGUOUS orders as the most common.
 * - A COMMON_WORD_VARIANTS spelling (مالي، جدة، الأهلي) is an entity only when supported, or when
 *   it is in the title, where a bare word is almost always the name the story is about.
 * - أوبك directly followed by "+" is أوبك+ (the tokenizer drops the "+").
 */
function resolve(zones: readonly ZoneMatches[]): EntityMention[][] {
  const context = new Set<string>();
  for (const z of zones) for (const m of z.matches) if (m.ids.length === 1 && !m.common) context.add(m.ids[0]!);
  const contextChains = [...context].map(ancestry);
  const support = (id: string) => {
    const mine = ancestry(id);
    return contextChains.filter((chain) => chain.some((a) => mine.includes(a))).length;
  };

  return zones.map((z) => {
    const out: EntityMention[] = [];
    for (const m of z.matches) {
      const ids = m.ids.length > 1 ? plusSense(m.ids, z.text[m.end] === '+') : m.ids;
      let id = ids[0]!;
      let best = ids.length > 1 || m.common ? support(id) : 1;
      for (const other of ids.slice(1)) {
        const s = support(other);
        if (s > best) [id, best] = [other, s];
      }
      if (m.common && best === 0 && z.zone !== 'title') continue;
      const entry = entryById(id)!;
      out.push({ id, name: entry.name, type: entry.type, text: z.text.slice(m.start, m.end), start: m.start, end: m.end });
    }
    return out;
  });
}

/** أوبك+ and أوبك share a token; the "+" the tokenizer dropped decides, not the context. */
function plusSense(ids: readonly string[], plusFollows: boolean): readonly string[] {
  if (!ids.includes('org:opec-plus')) return ids;
  return plusFollows ? ['org:opec-plus'] : ids.filter((id) => id !== 'org:opec-plus');
}

const ANCESTRY = new Map<string, string[]>();

/** The id and its parents up the chain (ستيباناكرت → قره باغ → أذربيجان). */
function ancestry(id: string): string[] {
  let chain = ANCESTRY.get(id);
  if (chain) return chain;
  chain = [];
  for (let cur: string | undefined = id; cur && !chain.includes(cur); cur = entryById(cur)?.parent) chain.push(cur);
  ANCESTRY.set(id, chain);
  return chain;
}
