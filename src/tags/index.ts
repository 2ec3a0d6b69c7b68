// Tags for an article: the entities it names, one tag per entity however it is spelled (قره باغ /
// قرة باغ / ناغورني قره باغ → قره باغ; فينيك / فينك), ranked by how much the article is about them.
// The gazetteer's entities first; then names discovered from their context (discover.ts), which
// never take a span the gazetteer matched.
import { stem, tokenize, type Token } from '../arabic/index.ts';
import { addDiscovered } from './discovered-mentions.ts';
import { AMBIGUOUS, entryById, type EntityType } from './gazetteer/index.ts';
import { extractKeyphrases } from './keyphrases.ts';
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
export const TAGGER_VERSION = 7;

export interface Tag {
  /**
   * Stable key of the tag page: a gazetteer id ('country:AZ'), or for a discovered name one derived
   * from its matching form ('person:~جيحون-بيراموف'), the same in every article that spells it so.
   */
  id: string;
  name: string;
  type: TagType;
  /** Salience relative to the article's top tag: 1 for the first, less for the rest. */
  weight: number;
}

export const DEFAULT_MAX_TAGS = 8;
/**
 * Entities come first, but an article about oil prices should say so even when it names eight
 * places: entities take at most this many of the slots while keyphrases can fill the rest.
 */
const MAX_ENTITY_SLOTS = 6;
/** Keyphrases rank below every entity: their weight is their score relative to the best, at most this. */
const KEYPHRASE_WEIGHT_SCALE = 0.5;
/**
 * A keyphrase is dropped when at least this share of its words are words of an entity mention in
 * the article: بريطانيا, دول الاتحاد الأوروبي and الخطوط الجوية القطرية are already tags as entities.
 */
const ENTITY_OVERLAP_SHARE = 0.5;
/**
 * Salience an entity needs to be a tag: one title or lead mention (3 or 2, plus the early bonus),
 * or two body mentions. A single late body mention scores just over 1.
 */
const MIN_ENTITY_SCORE = 2;
/** …and at least this share of the top entity's salience. */
const MIN_SHARE_OF_TOP = 0.2;
/** Keyphrases asked for beyond the tags' share, so the ones filtered out can be replaced. */
const SPARE_KEYPHRASES = 3;
/** At most this many keyphrase tags: beyond the first few, keyphrases are mostly generic words. */
const MAX_KEYPHRASE_TAGS = 2;
/** Gazetteer subtypes that the body names as sources of the text rather than as its subject. */
const CREDIT_SUBTYPES = new Set(['news-agency', 'media']);

function isCredit(id: string): boolean {
  const subtype = entryById(id)?.subtype;
  return subtype !== undefined && CREDIT_SUBTYPES.has(subtype);
}

/** Every entity mention in `text`, in order, non-overlapping, with ambiguity resolved within `text`. */
export function findEntities(text: string): EntityMention[] {
  return mentionsOf([{ text, zone: 'body' }]).mentions[0]!;
}

/**
 * The mentions in each part of one article: gazetteer matches resolved together, then discovered
 * names. The parts' tokens come back too, for the keyphrases: an article is tokenized once.
 */
function mentionsOf(parts: readonly { text: string; zone: Zone }[]): { mentions: EntityMention[][]; tokens: Token[][] } {
  const zones = parts.map((p) => {
    const tokens: Token[] = tokenize(p.text);
    return { ...p, tokens, matches: scan(p.text, tokens) };
  });
  const resolved = resolve(zones);
  const mentions = addDiscovered(zones.map((z, i) => ({ text: z.text, tokens: z.tokens, mentions: resolved[i]! })));
  return { mentions, tokens: zones.map((z) => z.tokens) };
}

type ArticleParts = { title: string; lead?: string | null; text: string };

/**
 * Every entity the article names, ranked by salience with weights relative to the top one, before
 * the gates that decide which become tags. Clustering compares articles on these: an entity named
 * once in passing is no tag, but it still says something about which event a text reports.
 */
export function entityWeights(article: ArticleParts): { id: string; weight: number }[] {
  const { ranked } = rankEntities(article);
  const top = ranked[0]?.score ?? 1;
  return ranked.map((r) => ({ id: r.id, weight: round3(r.score / top) }));
}

/** The entities `article` is about, most salient first, one tag per entity, at most `max` (8). */
export function tagArticle(article: ArticleParts, opts: { max?: number } = {}): Tag[] {
  const { ranked, named, resolved, tokens } = rankEntities(article);
  const max = Math.max(0, opts.max ?? DEFAULT_MAX_TAGS);
  const top = ranked[0]?.score ?? 1;
  // A name said once in passing is not what the article is about (a city in a list, a country
  // behind a player's nationality): a tag needs the title or lead, or a second mention, and a
  // fair share of the top entity's weight.
  const about = ranked.filter((r) => r.score >= MIN_ENTITY_SCORE && r.score >= MIN_SHARE_OF_TOP * top);
  const entities: Tag[] = about.slice(0, max).map((r) => {
    const m = named.get(r.id)!;
    return { id: r.id, name: m.name, type: m.type, weight: round3(r.score / top) };
  });
  const keyphrases = topicTags(article, resolved.flat(), Math.min(max, MAX_KEYPHRASE_TAGS), { title: tokens[0]!, lead: tokens[1]!, text: tokens[2]! });
  const entitySlots = Math.max(Math.min(entities.length, MAX_ENTITY_SLOTS), max - keyphrases.length);
  const tags = entities.slice(0, entitySlots);
  // Keyphrases rank below the entities kept, so weights never rise down the list.
  const ceiling = Math.min(KEYPHRASE_WEIGHT_SCALE, tags.at(-1)?.weight ?? 1);
  return tags.concat(keyphrases.slice(0, max - tags.length).map((k) => ({ ...k, weight: round3(ceiling * k.weight) })));
}


function rankEntities(article: ArticleParts) {
  const parts: { text: string; zone: Zone }[] = [
    { text: article.title, zone: 'title' },
    { text: article.lead ?? '', zone: 'lead' },
    { text: article.text, zone: 'body' },
  ];
  const { mentions: resolved, tokens } = mentionsOf(parts);
  // Positions run over title, lead and body as one sequence, so "early" means early for the reader.
  const total = Math.max(1, parts.reduce((n, p) => n + p.text.length, 0));
  const placed: PlacedMention[] = [];
  const named = new Map<string, EntityMention>();
  let offset = 0;
  resolved.forEach((mentions, i) => {
    const zone = parts[i]!.zone;
    for (const m of mentions) {
      named.set(m.id, m);
      // An agency or newspaper in the body is a credit ("(رويترز)", "وفق صحيفة …"), not a subject.
      if (zone === 'body' && isCredit(m.id)) continue;
      placed.push({ id: m.id, zone, position: (offset + m.start) / total });
    }
    offset += parts[i]!.text.length;
  });
  return { ranked: rankBySalience(placed), named, resolved, tokens };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Keyphrases that name a topic the entity tags do not already name, as 'keyword' tags. */
function topicTags(
  article: { title: string; lead?: string | null; text: string },
  mentions: readonly EntityMention[],
  max: number,
  tokens: { title: readonly Token[]; lead: readonly Token[]; text: readonly Token[] },
): Tag[] {
  if (max === 0) return [];
  const entityStems = new Set<string>();
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.text)) continue;
    seen.add(m.text);
    for (const t of tokenize(m.text)) entityStems.add(stem(t.norm));
  }
  const titleStems = new Set(tokens.title.map((t) => stem(t.norm)));
  const phrases = extractKeyphrases(article, { max: max + SPARE_KEYPHRASES, tokens }).filter((k) => {
    const shared = k.stems.filter((s) => entityStems.has(s)).length;
    if (shared >= ENTITY_OVERLAP_SHARE * k.stems.length) return false;
    // One word alone is a topic only when the editor put it in the title (القمح، آيفون); the
    // single words a body repeats are mostly its vocabulary (الفريق، الشركة، المشروع).
    return k.stems.length > 1 || titleStems.has(k.stems[0]!);
  }).slice(0, max);
  const best = phrases[0]?.score ?? 1;
  return phrases.map((k) => ({
    id: `topic:~${k.key.replaceAll(' ', '-')}`,
    name: k.phrase,
    type: 'keyword' as const,
    weight: k.score / best,
  }));
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
      const surface = z.text.slice(m.start, m.end);
      const ids = m.ids.length > 1 ? markedSense(plusSense(m.ids, z.text[m.end] === '+'), surface) : m.ids;
      let id = ids[0]!;
      let best = ids.length > 1 || m.common ? support(id) : 1;
      for (const other of ids.slice(1)) {
        const s = support(other);
        if (s > best) [id, best] = [other, s];
      }
      if (m.common && best === 0 && z.zone !== 'title') continue;
      const entry = entryById(id)!;
      out.push({ id, name: entry.name, type: entry.type, text: surface, start: m.start, end: m.end });
    }
    return out;
  });
}

/** أوبك+ and أوبك share a token; the "+" the tokenizer dropped decides, not the context. */
function plusSense(ids: readonly string[], plusFollows: boolean): readonly string[] {
  if (!ids.includes('org:opec-plus')) return ids;
  return plusFollows ? ['org:opec-plus'] : ids.filter((id) => id !== 'org:opec-plus');
}

const MARKED = new Map(AMBIGUOUS.filter((a) => a.marked).map((a) => [a.ids.join(' '), a.marked!]));

/** Harakat printed on an ambiguous spelling settle it (عمّان is Amman, عُمان is Oman), whatever the context. */
function markedSense(ids: readonly string[], surface: string): readonly string[] {
  const marked = MARKED.get(ids.join(' '));
  const hit = marked?.find((m) => surface.includes(m.marks));
  return hit ? [hit.id] : ids;
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
