// One entity per person, however one article spells them: فينيك / فينك, ميركل / ميركيل, and the
// full name then the surname alone (جيحون بيراموف … بيراموف). Discovered names are grouped with
// each other and with the gazetteer entities the article names; a gazetteer entity keeps its id.
import type { EntityType } from './gazetteer/index.ts';
import type { DiscoveredType } from './discover.ts';

/** Every sighting of one spelling of a discovered name in the article. */
export interface NameGroup {
  type: DiscoveredType;
  /** Matching form of each word, as printed (article kept): the id is made from these. */
  norms: string[];
  /** Each word's key without the article: what spellings are compared on. */
  words: string[];
  /** The name as first printed. */
  surface: string;
  count: number;
  strong: boolean;
  /** Order of the first sighting in the article. */
  order: number;
}

/** A gazetteer entity the article names, with the word keys of each of its spellings. */
export interface KnownEntity {
  id: string;
  name: string;
  type: EntityType;
  forms: readonly string[][];
}

/** Where a group went: its entity's id, name and type. */
export interface MergedEntity {
  id: string;
  name: string;
  type: EntityType;
  /** True for an entity found by discovery, not in the gazetteer. */
  discovered: boolean;
}

/** Shortest word two spellings may differ in by one letter: below it, one letter makes another word. */
export const MIN_FUZZY_LENGTH = 4;

/** True when a and b are equal or one insertion, deletion or substitution apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Long vowels transliterations add or drop inside a foreign name (فينيك / فينك، ميركل / ميركيل). */
const LONG_VOWELS = 'اوي';
/**
 * Letters transliterations swap for one sound: g as ج غ ك ق (غوارديولا / جوارديولا), t as ت ط,
 * s as س ص, d/z as د ض ذ ز ظ. Any other substitution makes another word (رايس / رئيس).
 */
const SAME_SOUND = ['جغكق', 'تط', 'سصث', 'دضذزظ'];

/**
 * One word printed two ways: equal, or, when both have MIN_FUZZY_LENGTH letters, one long vowel
 * more inside the word (not at its end, where ي makes a nisba: ناصر / ناصري) or one letter
 * swapped for another spelling of the same sound.
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < MIN_FUZZY_LENGTH || !withinOneEdit(a, b)) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a.length === b.length) return SAME_SOUND.some((group) => group.includes(a[i]!) && group.includes(b[i]!));
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  // withinOneEdit found the extra letter at i or, in a run of one letter, later; either way it is long[i].
  return i > 0 && i < short.length && LONG_VOWELS.includes(long[i]!);
}

/** Two spellings of one name: the same words but at most one, which is `sameWord`. */
export function sameName(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  let differing = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++differing > 1 || !sameWord(a[i]!, b[i]!)) return false;
  }
  return true;
}

/** The word and, when it is long enough to vary, the word with each letter deleted in turn. */
function wordKeys(word: string): string[] {
  const out = [word];
  if (word.length >= MIN_FUZZY_LENGTH) for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Keys two spellings of one name (`sameName`) always share: the name with one word replaced by one
 * of its `wordKeys`, for each word. A substitution or an extra letter leaves a deletion in common.
 */
function spellingKeys(words: readonly string[]): string[] {
  let out = SPELLING_KEYS.get(words);
  if (!out) SPELLING_KEYS.set(words, (out = computeSpellingKeys(words)));
  return out;
}

/** Gazetteer spellings are the same arrays from article to article: their keys are kept. */
const SPELLING_KEYS = new WeakMap<readonly string[], string[]>();

function computeSpellingKeys(words: readonly string[]): string[] {
  const out: string[] = [];
  words.forEach((word, p) => {
    for (const d of wordKeys(word)) out.push(`${words.length}|${p}|${[...words.slice(0, p), d, ...words.slice(p + 1)].join(' ')}`);
  });
  return out;
}

/** `short` is the end of `full` (بوتين of فلاديمير بوتين, بن سلمان of محمد بن سلمان). */
function isSuffix(short: readonly string[], full: readonly string[]): boolean {
  if (short.length >= full.length) return false;
  return sameName(short, full.slice(full.length - short.length));
}

/**
 * Groups the article's discovered names into entities. A group whose entity is dropped (found
 * only by a weak cue, once) maps to null. Names are merged when they are spellings of one name
 * (`sameName`) or, for people, when one is the end of exactly one longer name.
 */
export function mergeVariants(groups: readonly NameGroup[], known: readonly KnownEntity[]): (MergedEntity | null)[] {
  const g = groups.length;
  // Nodes 0..g-1 are groups, g.. are gazetteer entities; a cluster holds at most one of the latter.
  const parent = Array.from({ length: g + known.length }, (_, i) => i);
  const knownIn = parent.map((i) => (i >= g ? i : -1));
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb || (knownIn[ra]! >= 0 && knownIn[rb]! >= 0)) return;
    parent[ra] = rb;
    knownIn[rb] = Math.max(knownIn[ra]!, knownIn[rb]!);
  };
  const typeOf = (node: number) => (node < g ? groups[node]!.type : known[node - g]!.type);
  const namesOf = (node: number): readonly (readonly string[])[] => (node < g ? [groups[node]!.words] : known[node - g]!.forms);

  // Spellings of one name share a key (spellingKeys), so only names that do are compared. Only the
  // article's few discovered names are indexed; the gazetteer's spellings are looked up in it.
  const byKey = { person: new Map<string, number[]>(), organization: new Map<string, number[]>(), place: new Map<string, number[]>(), other: new Map<string, number[]>() };
  const byLastWord = new Map<string, number[]>(); // people's discovered names by their last word
  const push = (map: Map<string, number[]>, key: string, a: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [a]);
    else if (list[list.length - 1] !== a) list.push(a);
  };
  for (let a = 0; a < g; a++) {
    const { words, type } = groups[a]!;
    for (const key of spellingKeys(words)) push(byKey[type], key, a);
    if (type === 'person') for (const d of wordKeys(words[words.length - 1]!)) push(byLastWord, d, a);
  }
  // Each name that a discovered name may be a spelling of or the end of: a group, then each known form.
  const suffixOf = new Map<number, Set<number>>();
  for (let node = 0; node < parent.length; node++) {
    const type = typeOf(node);
    const index = byKey[type];
    if (index.size === 0) continue;
    for (const words of namesOf(node)) {
      for (const key of spellingKeys(words)) {
        for (const a of index.get(key) ?? []) if (a !== node && sameName(groups[a]!.words, words)) union(a, node);
      }
      if (type !== 'person' || words.length < 2) continue;
      for (const d of wordKeys(words[words.length - 1]!)) {
        for (const a of byLastWord.get(d) ?? []) {
          if (a === node || !isSuffix(groups[a]!.words, words)) continue;
          let full = suffixOf.get(a);
          if (!full) suffixOf.set(a, (full = new Set()));
          full.add(node);
        }
      }
    }
  }
  // A surname alone joins the one full name it ends; with two candidates it is left alone.
  for (const [a, full] of suffixOf) {
    const roots = new Set([...full].map(find));
    if (roots.size === 1) union(a, [...roots][0]!);
  }
  const knownOf = (root: number) => knownIn[root]!;

  const clusters = new Map<number, number[]>();
  for (let a = 0; a < g; a++) {
    const root = find(a);
    clusters.set(root, [...(clusters.get(root) ?? []), a]);
  }
  const out: (MergedEntity | null)[] = new Array(g).fill(null);
  for (const [root, members] of clusters) {
    const k = knownOf(root);
    let entity: MergedEntity | null;
    if (k >= 0) {
      const e = known[k - g]!;
      entity = { id: e.id, name: e.name, type: e.type, discovered: false };
    } else {
      const count = members.reduce((n, a) => n + groups[a]!.count, 0);
      // Found only by weak cues and only once: more likely a misreading than a name.
      if (count < 2 && !members.some((a) => groups[a]!.strong)) continue;
      entity = canonical(members.map((a) => groups[a]!));
    }
    for (const a of members) out[a] = entity;
  }
  return out;
}

/** The longest spelling, then the most frequent, then the first printed; its id is made from its words. */
function canonical(members: readonly NameGroup[]): MergedEntity {
  const best = [...members].sort((x, y) => y.words.length - x.words.length || y.count - x.count || x.order - y.order)[0]!;
  return { id: `${best.type}:~${best.norms.join('-')}`, name: best.surface, type: best.type, discovered: true };
}
