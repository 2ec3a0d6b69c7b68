// Finds the gazetteer's spellings in running text: a trie keyed by whole normalized words, walked
// once per token, so the cost is linear in the text whatever the gazetteer's size. This file only
// finds spans and the entries they could be; choosing between entries is index.ts's job.
import { tokenize, type Token } from '../arabic/index.ts';
import { AMBIGUOUS, BARE_ONLY_IDS, COMMON_WORD_VARIANTS, GAZETTEER, ORDINARY_PHRASES } from './gazetteer/index.ts';

/** A span of text that spells one or more entries. */
export interface RawMatch {
  start: number;
  end: number;
  /** Entry ids this spelling belongs to, most common sense first (AMBIGUOUS order, else gazetteer order). */
  ids: readonly string[];
  /** The spelling is also an everyday word (COMMON_WORD_VARIANTS): tag it only with support. */
  common: boolean;
}

interface Terminal {
  ids: string[];
  common: boolean;
  /** Ids that a spelling printed with the article cannot be (مودي for المؤدي، فتح for الفتح). */
  bareOnly?: Set<string>;
  /** Next words that make the spelling the ordinary word (مسقط رأسه). */
  ordinaryNext?: Set<string>;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminal?: Terminal;
}

const ARTICLE = 'ال';
/** The article is only taken off words that keep at least two letters (ال + 2), as gazetteer.test's matchKey does. */
const MIN_WITH_ARTICLE = 4;
/** One-letter clitics: the conjunctions و ف and the prepositions ب ك ل. */
const CLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);
/**
 * Letters the key must keep once a clitic (and the article) come off: with fewer, a stripped و/ب/ل
 * leaves a fragment that spells a short name by accident more often than it is one (بقم → قم).
 */
const MIN_AFTER_CLITIC = 3;

/**
 * The key of one word in the trie: its normalized form without the article. The article is dropped
 * on both sides because the press writes names with and without it (البحرين / بحرين, الروسية as
 * the adjective of روسيا), and the gazetteer's tests guarantee that keys made this way are unique
 * apart from the listed AMBIGUOUS forms.
 */
function wordKey(norm: string): string {
  return norm.length >= MIN_WITH_ARTICLE && norm.startsWith(ARTICLE) ? norm.slice(ARTICLE.length) : norm;
}

/**
 * The key of a first word read as clitic + word, or null when it cannot be one: one of و ف ب ك ل,
 * then the article (بالقاهرة، والروسية); or لل, which is لِ + ال with the alef dropped (للأمم),
 * alone or after و ف (وللأمم). Never a second clitic otherwise: ببيروت is rare, wrong splits common.
 */
function strippedKey(norm: string): string | null {
  let rest: string;
  if (norm.startsWith('لل')) rest = norm.slice(2);
  else if ((norm[0] === 'و' || norm[0] === 'ف') && norm.startsWith('لل', 1)) rest = norm.slice(3);
  else if (CLITICS.has(norm[0]!)) rest = wordKey(norm.slice(1));
  else return null;
  return rest.length >= MIN_AFTER_CLITIC ? rest : null;
}

/** Word keys of a gazetteer spelling, tokenized exactly as article text is (أوبك+ → أوبك). */
function formKeys(form: string): string[] {
  return tokenize(form).map((t) => wordKey(t.norm));
}

let trie: TrieNode | null = null;

/** Built on first use: loading the module must not cost anything for callers that never tag. */
function getTrie(): TrieNode {
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  const commonKeys = new Set(COMMON_WORD_VARIANTS.map((c) => formKeys(c.form).join(' ')));
  // Listed ambiguous forms put their senses in the order the maintainers ranked them.
  const ambiguousOrder = new Map(AMBIGUOUS.map((a) => [formKeys(a.form).join(' '), a.ids]));
  const ordinary = new Map(ORDINARY_PHRASES.map((o) => [formKeys(o.form).join(' '), new Set(o.next.map((w) => tokenize(w)[0]!.norm))]));
  // Per terminal, the ids some spelling of which starts with the article (السيسي، إلهام folded).
  const definiteOk = new Map<Terminal, Set<string>>();
  const bareOnlyTerminals: Terminal[] = [];
  for (const entry of GAZETTEER) {
    const bareOnly = entry.type === 'person' || BARE_ONLY_IDS.includes(entry.id);
    for (const form of [entry.name, ...entry.variants, ...(entry.adjectives ?? [])]) {
      const keys = formKeys(form);
      if (keys.length === 0) continue;
      const printedDefinite = tokenize(form)[0]!.norm.startsWith(ARTICLE);
      for (const path of withHamzaLamPaths(form, keys)) {
        let node = root;
        for (const key of path) {
          let child = node.next.get(key);
          if (!child) node.next.set(key, (child = { next: new Map() }));
          node = child;
        }
        const joined = keys.join(' ');
        node.terminal ??= { ids: [], common: commonKeys.has(joined) };
        const next = ordinary.get(joined);
        if (next) node.terminal.ordinaryNext = next;
        if (!node.terminal.ids.includes(entry.id)) node.terminal.ids.push(entry.id);
        if (bareOnly) {
          let ok = definiteOk.get(node.terminal);
          if (!ok) definiteOk.set(node.terminal, (ok = new Set()));
          if (printedDefinite) ok.add(entry.id);
          else (node.terminal.bareOnly ??= new Set()).add(entry.id);
          bareOnlyTerminals.push(node.terminal);
        }
        const order = ambiguousOrder.get(joined);
        if (order) node.terminal.ids.sort((a, b) => rank(order, a) - rank(order, b));
      }
    }
  }
  // An id with one spelling in the article and another without it, at one terminal, is not bare-only there.
  for (const t of bareOnlyTerminals) {
    const ok = definiteOk.get(t)!;
    for (const id of ok) t.bareOnly?.delete(id);
    if (t.bareOnly?.size === 0) delete t.bareOnly;
  }
  return (trie = root);
}

/**
 * A word that begins with a hamza on alef then lam (ألماني، إلهام) folds to ال… and loses those
 * letters as if they were the article; printed with the article (الألمانية → الالمانيه) it keeps
 * them. Such words are put in the trie both ways, so the adjective matches with and without ال.
 */
function withHamzaLamPaths(form: string, keys: string[]): string[][] {
  const words = tokenize(form);
  let paths: string[][] = [[]];
  words.forEach((t, i) => {
    const alternatives = [keys[i]!];
    if (/^[أإآ]ل/.test(t.surface) && t.norm !== keys[i]) alternatives.push(t.norm);
    paths = paths.flatMap((p) => alternatives.map((k) => [...p, k]));
  });
  return paths;
}

const rank = (order: readonly string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};

/**
 * Two words of one name may be separated by spaces, a hyphen or the dot of an abbreviation (أ.ف.ب),
 * never by a comma, a line break or other punctuation: "روسيا، أذربيجان" is two names.
 */
const JOINING_GAP = /^(?:[ \t\u00a0\u200c-\u200f\-–]+|\.)$/;

/** The longest entry spelled from token i on, with its first word keyed as `firstKey`. */
function longestFrom(root: TrieNode, text: string, tokens: readonly Token[], i: number, firstKey: string): { last: number; terminal: Terminal } | null {
  let node = root.next.get(firstKey);
  let best: { last: number; terminal: Terminal } | null = null;
  let j = i;
  while (node) {
    if (node.terminal) best = { last: j, terminal: node.terminal };
    const next = tokens[j + 1];
    if (!next || !JOINING_GAP.test(text.slice(tokens[j]!.end, next.start))) break;
    node = node.next.get(wordKey(next.norm));
    j++;
  }
  return best;
}

/**
 * Every gazetteer spelling in `text`, left to right, non-overlapping; at each token the longest
 * entry wins (وزارة الخارجية الروسية, not روسيا inside it). A token is tried as printed first, so
 * names that begin with a clitic letter (واشنطن، بيروت، لبنان، فرنسا) stay whole; only when that
 * spells nothing is a leading clitic taken off (بموسكو، والقاهرة، للأمم المتحدة).
 */
export function scan(text: string, tokens: readonly Token[] = tokenize(text)): RawMatch[] {
  const root = getTrie();
  const out: RawMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    const key = wordKey(norm);
    let hit = longestFrom(root, text, tokens, i, key);
    let definite = key !== norm;
    if (!hit) {
      const stripped = strippedKey(norm);
      if (stripped) hit = longestFrom(root, text, tokens, i, stripped);
      definite = stripped !== null && (norm.startsWith('لل', norm[0] === 'و' || norm[0] === 'ف' ? 1 : 0) || norm.startsWith(ARTICLE, 1));
    }
    if (!hit) continue;
    const t = hit.terminal;
    let ids = t.ids;
    if (definite && t.bareOnly) ids = ids.filter((id) => !t.bareOnly!.has(id));
    const after = tokens[hit.last + 1];
    if (ids.length === 0 || (t.ordinaryNext && after && t.ordinaryNext.has(after.norm))) {
      i = hit.last;
      continue;
    }
    out.push({ start: tokens[i]!.start, end: tokens[hit.last]!.end, ids, common: t.common });
    i = hit.last;
  }
  return out;
}

/** For tests and callers that want to know how a word will be keyed. */
export const _internal = { wordKey, strippedKey };
