// Adds the names discovery finds to an article's gazetteer mentions: candidates from every zone
// (title, lead, body) are merged into entities together, so a name in the title and the body is one
// entity seen twice, then later mentions by surname alone are linked to the full name.
import { isStopWord, tokenize, type Token } from '../arabic/index.ts';
import { discover, type Candidate, type KnownSpan } from './discover.ts';
import { entryById } from './gazetteer/index.ts';
import type { EntityMention } from './index.ts';
import { _internal } from './matcher.ts';
import { MIN_FUZZY_LENGTH, mergeVariants, sameWord, type KnownEntity, type MergedEntity, type NameGroup } from './merge-variants.ts';
import { getLexicon } from './names/lexicon.ts';

const { wordKey, strippedKey } = _internal;

/** One zone of an article: its text, its tokens and the gazetteer mentions already resolved in it. */
export interface ZoneMentions {
  text: string;
  tokens: readonly Token[];
  mentions: readonly EntityMention[];
}

/** A surname or short name must have this many letters to be linked alone (كوك، خان are three). */
const MIN_SHORT_NAME = 3;

/** Each zone's mentions with discovered names added: in order, non-overlapping. */
export function addDiscovered(zones: readonly ZoneMentions[]): EntityMention[][] {
  const known = zones.map((z) => knownSpans(z.tokens, z.mentions));
  const candidates = zones.map((z, i) => discover(z.text, z.tokens, known[i]!));

  const groups: NameGroup[] = [];
  const groupOf = new Map<string, number>();
  const candidateGroup: number[][] = candidates.map((cs, zi) =>
    cs.map((c) => {
      const { norms, surface } = nameOf(zones[zi]!, c);
      const key = `${c.type}|${norms.join(' ')}`;
      let g = groupOf.get(key);
      if (g === undefined) {
        groupOf.set(key, (g = groups.length));
        groups.push({ type: c.type, norms, words: norms.map(wordKey), surface, count: 0, strong: false, order: groups.length });
      }
      groups[g]!.count++;
      groups[g]!.strong ||= c.strong;
      return g;
    }),
  );
  if (groups.length === 0) return zones.map((z) => [...z.mentions]);

  const types = new Set(groups.map((g) => g.type));
  const entities = mergeVariants(groups, knownEntities(zones).filter((k) => types.has(k.type as NameGroup['type'])));
  // A word a head names as a place (محافظة رابغ) is that place where a title seems to name it as a
  // person (مدير شرطة محافظة رابغ): the head is the better evidence.
  const places = new Set(groups.filter((g) => g.type === 'place').map((g) => g.words.join(' ')));
  if (places.size > 0) groups.forEach((g, gi) => {
    if (g.type === 'person' && entities[gi]?.discovered && places.has(g.words.join(' '))) entities[gi] = null;
  });
  const shortNames = shortNameIndex(zones, candidates, candidateGroup, groups, entities);

  return zones.map((z, zi) => {
    const added: EntityMention[] = [];
    const covered = new Uint8Array(z.tokens.length);
    for (const k of known[zi]!) if (k) covered.fill(1, k.first, k.last + 1);
    candidates[zi]!.forEach((c, ci) => {
      covered.fill(1, c.first, c.last + 1);
      const e = entities[candidateGroup[zi]![ci]!];
      if (e) added.push(mention(z, c.first, c.last, e));
    });
    if (shortNames.exact.size > 0) {
      z.tokens.forEach((t, ti) => {
        if (covered[ti]) return;
        const e = lookupShortName(shortNames, t);
        if (e) added.push(mention(z, ti, ti, e));
      });
    }
    if (added.length === 0) return [...z.mentions];
    added.sort((a, b) => a.start - b.start);
    // A discovered name wins over the gazetteer places inside it (بنك الرياض is not Riyadh). Both
    // lists are in order and neither overlaps itself, so one sweep finds the covered ones.
    const kept: EntityMention[] = [];
    let a = 0;
    for (const m of z.mentions) {
      while (a < added.length && added[a]!.end <= m.start) a++;
      const cover = added[a];
      if (!cover || !(cover.start <= m.start && m.end <= cover.end)) kept.push(m);
    }
    return [...kept, ...added].sort((x, y) => x.start - y.start);
  });
}

function mention(z: ZoneMentions, first: number, last: number, e: MergedEntity): EntityMention {
  const start = z.tokens[first]!.start;
  const end = z.tokens[last]!.end;
  return { id: e.id, name: e.name, type: e.type, text: z.text.slice(start, end), start, end };
}

/** The words of a candidate's name (head included for organizations), without a leading clitic. */
function nameOf(z: ZoneMentions, c: Candidate): { norms: string[]; surface: string } {
  const norms = z.tokens.slice(c.first, c.last + 1).map((t) => t.norm);
  let start = z.tokens[c.first]!.start;
  if (c.clitic) {
    norms[0] = norms[0]!.slice(c.clitic);
    start += c.clitic;
  }
  return { norms, surface: z.text.slice(start, z.tokens[c.last]!.end) };
}

/** For each token, the gazetteer mention covering it, if any. */
function knownSpans(tokens: readonly Token[], mentions: readonly EntityMention[]): (KnownSpan | undefined)[] {
  const out: (KnownSpan | undefined)[] = new Array(tokens.length);
  let t = 0;
  for (const m of mentions) {
    while (t < tokens.length && tokens[t]!.end <= m.start) t++;
    const first = t;
    while (t < tokens.length && tokens[t]!.start < m.end) t++;
    if (t === first) continue;
    const span: KnownSpan = { first, last: t - 1, type: m.type, adjective: m.type === 'place' && isAdjective(m) };
    out.fill(span, first, t);
  }
  return out;
}

const ADJECTIVES = new Map<string, Set<string>>();

/** The mention spells its entity by a nisba adjective (الروسية → Russia), not by its name. */
function isAdjective(m: EntityMention): boolean {
  const key = `${m.id}|${m.text}`;
  let known = ADJECTIVE_MENTIONS.get(key);
  if (known === undefined) {
    known = spellsAdjective(m);
    if (ADJECTIVE_MENTIONS.size > MAX_CACHED_MENTIONS) ADJECTIVE_MENTIONS.clear();
    ADJECTIVE_MENTIONS.set(key, known);
  }
  return known;
}

/** Answers of isAdjective by id and printed text: the same few hundred spellings recur in every article. */
const ADJECTIVE_MENTIONS = new Map<string, boolean>();
const MAX_CACHED_MENTIONS = 50_000;

function spellsAdjective(m: EntityMention): boolean {
  let set = ADJECTIVES.get(m.id);
  if (!set) {
    set = new Set((entryById(m.id)?.adjectives ?? []).map((f) => tokenize(f).map((t) => wordKey(t.norm)).join(' ')));
    ADJECTIVES.set(m.id, set);
  }
  if (set.size === 0) return false;
  const words = tokenize(m.text).map((t) => t.norm);
  const plain = words.map(wordKey).join(' ');
  if (set.has(plain)) return true;
  // والروسية، بالصينية: the same adjective after a clitic; ألماني → الالمانية keeps its ال.
  const stripped = strippedKey(words[0]!);
  return (stripped !== null && set.has([stripped, ...words.slice(1).map(wordKey)].join(' '))) || set.has(words.map(wordKey).join(' ').replace(/^ال/, ''));
}

const FORMS = new Map<string, string[][]>();

/** The gazetteer entities the article names, with their spellings as word keys. */
function knownEntities(zones: readonly ZoneMentions[]): KnownEntity[] {
  const out = new Map<string, KnownEntity>();
  for (const z of zones) {
    for (const m of z.mentions) {
      if (out.has(m.id)) continue;
      let forms = FORMS.get(m.id);
      if (!forms) {
        const e = entryById(m.id);
        forms = e ? [e.name, ...e.variants].map((f) => tokenize(f).map((t) => wordKey(t.norm))) : [];
        FORMS.set(m.id, forms);
      }
      out.set(m.id, { id: m.id, name: m.name, type: m.type, forms });
    }
  }
  return [...out.values()];
}

/**
 * Short names of the discovered entities: a person's surname (the last word of a name of two or
 * more words, بيراموف of جيحون بيراموف) and an organization's own word (تسلا of شركة تسلا). A short
 * name two entities share, or that is an everyday word or a given name, is not used.
 */
function shortNameIndex(
  zones: readonly ZoneMentions[],
  candidates: readonly Candidate[][],
  candidateGroup: readonly number[][],
  groups: readonly NameGroup[],
  entities: readonly (MergedEntity | null)[],
): ShortNames {
  const lex = getLexicon();
  const index = new Map<string, MergedEntity | null>();
  const add = (word: string, norm: string, e: MergedEntity) => {
    if (word.length < MIN_SHORT_NAME || lex.given.has(norm) || lex.given.has(word) || lex.notNames.has(word) || isStopWord(word)) return;
    const prev = index.get(word);
    index.set(word, prev === undefined || prev?.id === e.id ? e : null);
  };
  groups.forEach((g, gi) => {
    const e = entities[gi];
    if (e?.discovered && g.type === 'person' && g.words.length >= 2) add(g.words[g.words.length - 1]!, g.norms[g.norms.length - 1]!, e);
  });
  candidates.forEach((cs, zi) =>
    cs.forEach((c, ci) => {
      const e = entities[candidateGroup[zi]![ci]!];
      if (e?.discovered && c.shortName !== undefined) {
        const norm = zones[zi]!.tokens[c.shortName]!.norm;
        add(wordKey(norm), norm, e);
      }
    }),
  );
  const exact = new Map<string, MergedEntity>();
  const fuzzy = new Map<string, string[]>();
  for (const [word, e] of index) {
    if (!e) continue;
    exact.set(word, e);
    for (const d of deletions(word)) fuzzy.set(d, [...(fuzzy.get(d) ?? []), word]);
  }
  const firstLetters = new Set<string>();
  let minLength = Infinity;
  let maxLength = 0;
  for (const word of exact.keys()) {
    for (const group of [word[0]!, ...SAME_SOUND_GROUPS.filter((g) => g.includes(word[0]!))]) for (const c of group) firstLetters.add(c);
    minLength = Math.min(minLength, word.length);
    maxLength = Math.max(maxLength, word.length);
  }
  return { exact, fuzzy, firstLetters, minLength: minLength - 1, maxLength: maxLength + 1, seen: new Map() };
}

/** merge-variants.ts's letters for one sound: a short name's first letter may be printed as any of its group. */
const SAME_SOUND_GROUPS = ['جغكق', 'تط', 'سصث', 'دضذزظ'];

interface ShortNames {
  exact: Map<string, MergedEntity>;
  /** Cheap tests that rule out most tokens before any spelling is compared. */
  firstLetters: Set<string>;
  minLength: number;
  maxLength: number;
  /** Answers so far in this article, by matching form: a word recurs. */
  seen: Map<string, MergedEntity | null>;
  /** Each short name under itself and each form with one letter deleted: spellings one edit apart share one. */
  fuzzy: Map<string, string[]>;
}

/** The word and the word with each letter deleted in turn. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The entity a lone token names by its short name, as printed, after a clitic, or in another spelling. */
function lookupShortName(names: ShortNames, t: Token): MergedEntity | null {
  let found = names.seen.get(t.norm);
  if (found === undefined) names.seen.set(t.norm, (found = lookupUncached(names, t)));
  return found;
}

function lookupUncached(names: ShortNames, t: Token): MergedEntity | null {
  if (t.norm.length < names.minLength || t.norm.length > names.maxLength + 3) return null; // +3: a clitic and ال
  const key = wordKey(t.norm);
  const stripped = strippedKey(t.norm);
  const exact = names.exact.get(key) ?? (stripped ? names.exact.get(stripped) : undefined);
  if (exact) return exact;
  const lex = getLexicon();
  if (isStopWord(t.norm) || lex.notNames.has(key) || lex.given.has(t.norm) || (stripped !== null && lex.notNames.has(stripped))) return null;
  for (const form of stripped ? [key, stripped] : [key]) {
    if (form.length < MIN_FUZZY_LENGTH || form.length < names.minLength || form.length > names.maxLength) continue;
    if (!names.firstLetters.has(form[0]!)) continue;
    for (const d of deletions(form)) {
      for (const word of names.fuzzy.get(d) ?? []) if (sameWord(word, form)) return names.exact.get(word)!;
    }
  }
  return null;
}
