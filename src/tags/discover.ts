// Names the gazetteer does not have, found from their context: a title before a person (الرئيس
// الأذربيجاني إلهام علييف), a given name (محمد بن سلمان), a head before an organization or a place
// (شركة تسلا، مخيم جباليا), a verb of reported speech (وقال X إن). One pass over the tokens; every
// test is a set lookup, so the cost is linear in the text.
//
// Precision comes first: a wrong tag is worse than a missing one. So a name ends at the first word
// that is not plainly part of it, and a candidate found only by a weak cue is marked weak; the
// caller keeps weak candidates only when the article names them again (merge-variants.ts).
import { isStopWord, type Token } from '../arabic/index.ts';
import type { EntityType } from './gazetteer/index.ts';
import { _internal } from './matcher.ts';
import { getLexicon, type Lexicon } from './names/lexicon.ts';

const { wordKey, strippedKey } = _internal;

export type DiscoveredType = 'person' | 'organization' | 'place';

/** A name found from context: tokens first..last (inclusive) of the zone's tokens. */
export interface Candidate {
  first: number;
  last: number;
  type: DiscoveredType;
  /** Found by a strong cue; a weak candidate needs a second sighting in the article. */
  strong: boolean;
  /** For an organization named by head + one unknown word (شركة تسلا): that word's index, a short name later mentions use. */
  shortName?: number;
  /** Letters of a conjunction or preposition before the name on its first word (ومحمد): not part of the name. */
  clitic?: number;
}

/** A gazetteer mention as discovery sees it: the tokens it covers and its type. */
export interface KnownSpan {
  first: number;
  last: number;
  type: EntityType;
  /** Spelled by a nisba adjective (الروسي، صينية), not by the entity's name. */
  adjective: boolean;
}

/** The longest name a rule takes, in tokens: محمد بن عبد الرحمن آل ثاني is six. */
const MAX_NAME_TOKENS = 6;
/** Unknown words taken as one name after a title or a head: first and last name, or three words. */
const MAX_UNKNOWN_TOKENS = 3;
/** Words a title may be separated from its name by: adjectives, portfolio, the country. */
const MAX_TITLE_COMPLEMENTS = 6;

const ARABIC_WORD = /^[\u0621-\u064a]+$/;
/** Words within one name: spaces only (a hyphen in compound foreign names). */
const NAME_GAP = /^[ \t\u00a0\u200c-\u200f-]+$/;
/** A title and its name: spaces, the dot of د. or a comma (الرئيس الفرنسي، إيمانويل ماكرون). */
const TITLE_GAP = /^[ \t\u00a0\u200c-\u200f]*[.،,]?[ \t\u00a0\u200c-\u200f]*$/;
const ARTICLE = 'ال';
/** عبد + the article, written as one word (عبدالله، عبدالرحمن): always a given name. */
const ABD_JOINED = 'عبدال';
const IN_THE_NAME_OF = 'باسم';
const MIN_ABD_JOINED = 7;
/** One-letter conjunctions and prepositions that may stand before a given name (ومحمد، لأحمد). */
const CLITIC_LETTERS = 'وفبلك';
/** Imperfect and future verb prefixes: a word starting so after a title is a verb (يزور، ستعقد, تلتقي). */
const VERB_PREFIX_FIRST = /^(?:ي|ت|ن|سي|ست|سن)/;
/** After a name's first word only ي and the future prefixes are clear enough (خالد يزور). */
const VERB_PREFIX_LATER = /^(?:ي|سي|ست|سن|ت(?=.{3,4}$))/;

/**
 * Shapes of everyday words no list can hold: verbal nouns (إجراء، استخدام، اجتماع، انسحاب، تطوير),
 * plural verbs (استنكروا) and, after a name's first word, comparatives (أصعب) and short accusatives
 * (قادما، بديلا). A listed given name is checked before this.
 */
const VERBAL_NOUN = /^(?:است..|ا..ا.|ا.ت.ا.|ان..ا.|ت..ي.)$/;
const PLURAL_VERB = /وا$/;
const LATER_NOT_NAME = /^(?:ا...|..?.?ا)$/;
/**
 * The accusative of a common noun after a name (أصدر الشيخ خليفة قانونا، لم يكن ابن ملجم كافرا،
 * عين X قائدا): فاعل، فاعول، فعال، فعيل، مفعل shapes + ا. Foreign surnames in ا (غوارديولا، سيلفا)
 * have other shapes.
 */
const LATER_ACCUSATIVE = /^(?:.ا..|.ا.و.|..ا.|..ي.|م...|ت...)ا$/;
/**
 * Attached pronouns and plurals, printed: باسمه، سربها، بفوزه، منزلهم، اشتراطات، شخصيات. A name
 * keeps its ة (عطية) and its ه only after a long vowel or a doubled letter, which these skip.
 */
const PRONOUN_SUFFIX = /(?:ها|هم|هما|هن|كم|كما)$|[^ةتيا]ه$/;
const FEMININE_PLURAL = /ات$/;
/** Perfect verbs of the derived forms VII and VIII: انتقل، ارتكب، امتنع، اعتبر. */
const DERIVED_PERFECT = /^ا[^اوي][^اوي].[^اوي]$/;

function looksLikeCommonWord(norm: string, surface: string, first: boolean): boolean {
  if (VERBAL_NOUN.test(norm) || norm.startsWith('است') || PLURAL_VERB.test(norm)) return true;
  if (surface.length >= 4 && PRONOUN_SUFFIX.test(surface)) return true;
  // A plural in ات is a name only after a given name (ياسر عرفات، نبيل فرحات), never first (اشتراطات).
  if (first && FEMININE_PLURAL.test(surface)) return true;
  // و before a consonant is the conjunction (ومعالي، وحاكم، وسيعاد); ويليام، والتر are names.
  if (first && norm[0] === 'و' && norm.length >= 4 && norm[1] !== 'ا' && norm[1] !== 'ي' && norm[1] !== 'و') return true;
  return !first && (LATER_NOT_NAME.test(norm) || LATER_ACCUSATIVE.test(norm));
}

/**
 * A definite word after a given name that is an adjective or a verbal noun, not a family name:
 * فهد الأمنية، ناصر الرياضية (nisba feminines; العطية is short enough to be a family name),
 * التهنئة (تفعلة), and plurals in ات/ين/ون (العائدين).
 */
const DEFINITE_NOT_FAMILY = /(?:ات|ين|ون)$|^.{5,}(?:ية|يه)$|^ال?ت...[ةه]$/;

/** Every candidate in the zone, left to right, none overlapping each other or a known span. */
export function discover(text: string, tokens: readonly Token[], known: readonly (KnownSpan | undefined)[]): Candidate[] {
  return new Discoverer(text, tokens, known, getLexicon()).run();
}

class Discoverer {
  private readonly keys: string[];
  /** strippedKey of each token, computed when first asked for (undefined: not yet). */
  private readonly stripped: (string | null | undefined)[];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly known: readonly (KnownSpan | undefined)[],
    private readonly lex: Lexicon,
  ) {
    this.keys = tokens.map((t) => wordKey(t.norm));
    this.stripped = new Array(tokens.length);
  }

  private strippedAt(i: number): string | null {
    let s = this.stripped[i];
    if (s === undefined) s = this.stripped[i] = strippedKey(this.tokens[i]!.norm);
    return s;
  }

  run(): Candidate[] {
    const out: Candidate[] = [];
    const n = this.tokens.length;
    for (let i = 0; i < n; ) {
      const k = this.known[i];
      if (k) {
        i = k.last + 1;
        continue;
      }
      if (!this.mayStartName(i)) {
        i++;
        continue;
      }
      const c = this.afterTitle(i) ?? this.afterHead(i) ?? this.fromGivenName(i, false) ?? this.afterSpeechVerb(i);
      if (c) {
        out.push(c);
        i = c.last + 1;
      } else i++;
    }
    return out;
  }

  // ---- word tests ----

  /** Whether any rule can start at token i: its word, or the word after a clitic, is a trigger. */
  private mayStartName(i: number): boolean {
    const t = this.tokens[i]!;
    const triggers = this.lex.triggers;
    if (triggers.has(this.keys[i]!) || triggers.has(t.norm) || t.norm.startsWith(ABD_JOINED)) return true;
    if (!CLITIC_LETTERS.includes(t.norm[0]!)) return false;
    const stripped = this.strippedAt(i);
    const rest = t.norm.slice(1);
    return (stripped !== null && triggers.has(stripped)) || triggers.has(rest) || rest.startsWith(ABD_JOINED);
  }

  private gap(i: number, re: RegExp): boolean {
    const next = this.tokens[i + 1];
    if (next === undefined) return false;
    const end = this.tokens[i]!.end;
    // The common case, one plain space, without slicing.
    if (next.start === end + 1 && this.text.charCodeAt(end) === 0x20) return true;
    return re.test(this.text.slice(end, next.start));
  }

  /** The token with its article: ال…, or a clitic before it (وال… بال… لل…). */
  private definite(i: number): boolean {
    const norm = this.tokens[i]!.norm;
    if (norm.startsWith(ARTICLE)) return norm.length >= 4;
    return norm.startsWith('لل') || (norm.length >= 5 && 'وفبك'.includes(norm[0]!) && norm.startsWith(ARTICLE, 1));
  }

  /** Only the article, no clitic: a family name (السيسي) or an organization's name (البعث). */
  private plainDefinite(i: number): boolean {
    const norm = this.tokens[i]!.norm;
    return norm.startsWith(ARTICLE) && norm.length >= 4;
  }

  /** Key of the token as printed, or with a leading clitic off when only that form is in `set`. */
  private keyIn(i: number, set: ReadonlySet<string> | ReadonlyMap<string, unknown>): string | null {
    const key = this.keys[i]!;
    if (set.has(key)) return key;
    const stripped = this.strippedAt(i);
    return stripped && set.has(stripped) ? stripped : null;
  }

  private readonly titleMemo: (boolean | undefined)[] = [];
  private readonly givenMemo: ({ len: number; weak: boolean; clitic: number } | null | undefined)[] = [];

  private isTitle(i: number): boolean {
    let r = this.titleMemo[i];
    if (r === undefined) r = this.titleMemo[i] = this.computeIsTitle(i);
    return r;
  }

  private computeIsTitle(i: number): boolean {
    const t = this.tokens[i]!;
    if (this.lex.abbreviatedTitles.has(t.norm)) return this.text[t.end] === '.';
    // إمام folds into أمام "in front of": a title spelled like a stop word is not one.
    return !isStopWord(t.norm) && this.keyIn(i, this.lex.titles) !== null;
  }

  /** Given name at i: how many tokens it takes (عبد الله is two) and whether it is weak. */
  private givenAt(i: number): { len: number; weak: boolean; clitic: number } | null {
    let r = this.givenMemo[i];
    if (r === undefined) r = this.givenMemo[i] = this.computeGivenAt(i);
    return r;
  }

  private computeGivenAt(i: number): { len: number; weak: boolean; clitic: number } | null {
    const t = this.tokens[i];
    if (!t || this.known[i]) return null;
    const g = this.givenKeyAt(i, t.norm, t.surface);
    if (g || !CLITIC_LETTERS.includes(t.norm[0]!) || t.norm.length < 4) return g ? { ...g, clitic: 0 } : null;
    // وأحمد، لمحمد، وعبد الله: one conjunction or preposition before a given name.
    const bare = this.givenKeyAt(i, t.norm.slice(1), t.surface);
    return bare ? { ...bare, clitic: 1 } : null;
  }

  /** `norm` is the token's matching form, or that form without a clitic. */
  private givenKeyAt(i: number, norm: string, surface: string): { len: number; weak: boolean } | null {
    const key = wordKey(norm);
    const next = i + 1 < this.tokens.length && !this.known[i + 1] && this.gap(i, NAME_GAP) ? i + 1 : -1;
    // عبد + a definite word, أبو + a word, نور + الدين: one name in two words.
    if (next > 0 && this.lex.abd.has(key) && this.plainDefinite(next)) return { len: 2, weak: false };
    if (next > 0 && key === 'ابو' && this.nameWord(next, false, true)) return { len: 2, weak: false };
    if (next > 0 && this.lex.dinFirst.has(norm) && this.lex.dinSecond.has(this.keys[next]!)) return { len: 2, weak: false };
    // عبدالله، عبدالعاطي: the compound written as one word.
    if (norm.startsWith(ABD_JOINED) && norm.length >= MIN_ABD_JOINED) return { len: 1, weak: false };
    const strength = this.lex.given.get(norm);
    if (!strength) return null;
    // باسم before a definite word is "in the name of" (المتحدث باسم الوزارة), not Basim.
    if (norm === IN_THE_NAME_OF && next > 0 && this.definite(next) && !this.tokens[next]!.surface.endsWith('ي')) return null;
    // علي is a name, على "on" is not, though both fold to علي.
    if (this.lex.givenFinalYa.has(norm) && surface.endsWith('ى')) return null;
    return { len: 1, weak: strength === 'weak' };
  }

  /**
   * A word that can be part of a name nobody listed: Arabic letters, not a stop word, not a
   * listed common word, title or head, not an inflected adjective (…ة، …ية) or a verb.
   * `first` is the first word of the name, `later` a word after a given name.
   */
  private nameWord(i: number, first: boolean, allowDefinite = false): boolean {
    const t = this.tokens[i];
    if (!t || this.known[i]) return false;
    const norm = t.norm;
    if (!ARABIC_WORD.test(norm) || norm.length < 3 || isStopWord(norm)) return false;
    if (this.definite(i) && !(allowDefinite && this.plainDefinite(i))) return false;
    const key = this.keys[i]!;
    const lex = this.lex;
    if (this.isListedWord(key)) return false;
    // The accusative of a known word (رئيسا، برنامجا، مؤتمرا) is that word.
    if (key.endsWith('ا') && key.length > 3 && this.isListedWord(key.slice(0, -1))) return false;
    if (lex.given.has(norm)) return true;
    // A conjunction before a later word starts something else (محمد ويحاول، أحمد وشقيقه).
    if (!first && norm[0] === 'و') return false;
    // A clitic before a word we know is that word (ومؤتمر، وأحمد، لرئيس).
    const stripped = this.strippedAt(i);
    if (stripped && (lex.notNames.has(stripped) || lex.given.has(norm.slice(1)) || isStopWord(stripped))) return false;
    if (looksLikeCommonWord(norm, t.surface, first)) return false;
    const s = t.surface;
    if (s.endsWith('ة') || s.endsWith('ً') || s.endsWith('اً') || s.endsWith('ته') || s.endsWith('تها') || s.endsWith('تهم')) return false;
    return !(first ? VERB_PREFIX_FIRST : VERB_PREFIX_LATER).test(norm) || norm.length > 7;
  }

  /** A word of the lists that is not a name: common word, title, head, speech verb, generic, nasab. */
  private isListedWord(key: string): boolean {
    return this.lex.notNames.has(key);
  }

  // ---- rules ----

  /** الرئيس [adjectives…] NAME, وزير الخارجية [الأذربيجاني] NAME, ولي العهد السعودي الأمير NAME. */
  private afterTitle(i: number): Candidate | null {
    if (!this.isTitle(i)) return null;
    const n = this.tokens.length;
    const abbreviated = this.lex.abbreviatedTitles.has(this.tokens[i]!.norm);
    const definite = abbreviated || this.definite(i);
    let weak = this.keyIn(i, this.lex.weakTitles) !== null;
    let complements = 0;
    let j = i + 1;
    for (let steps = 0; steps < MAX_TITLE_COMPLEMENTS && j < n; steps++) {
      if (!this.gap(j - 1, TITLE_GAP)) return null;
      const k = this.known[j];
      if (k) {
        if (k.type === 'person') return null; // the gazetteer has the name
        // A country's adjective (الروسي) or, after a construct title, its name (وزير خارجية روسيا);
        // a bare country after "الرئيس الفنزويلي" is where he went, not part of his title.
        if (definite && !k.adjective) return null;
        complements++;
        j = k.last + 1;
        continue;
      }
      if (this.givenAt(j)) break;
      if (this.isTitle(j)) {
        // A second title restarts the chain: ولي العهد السعودي الأمير …
        weak = this.keyIn(j, this.lex.weakTitles) !== null;
        j++;
        continue;
      }
      const key = this.keys[j]!;
      if (this.definite(j) || (!definite && this.lex.titleComplements.has(key))) {
        complements++;
        j++;
        continue;
      }
      // سفير مصر في واشنطن …: في only before a known place.
      if (this.tokens[j]!.norm === 'في' && this.known[j + 1]?.type === 'place') {
        complements++;
        j = this.known[j + 1]!.last + 1;
        continue;
      }
      break;
    }
    if (j >= n || !this.gap(j - 1, TITLE_GAP)) return null;
    if (!definite && complements === 0) return null; // وزير سابق، رئيس جديد
    const given = this.fromGivenName(j, true);
    if (given) return given;
    if (weak || this.givenAt(j)) return null;
    const last = this.unknownRun(j);
    if (last < 0) return null;
    // One unknown word is a surname after a title with its complement (وزير الخارجية الأمريكي بوش)
    // unless it has the shape of a verb or of a preposition + noun (أعلن رئيس الوزراء امتنع،
    // رئيس كولومبيا بذكرى): then, and after a bare title, it needs a second sighting.
    return { first: j, last, type: 'person', strong: last > j || (complements > 0 && !this.looksLikeVerbOrPhrase(j)) };
  }

  /** ل + noun (لتمثيل), ب + noun (بتشكيل، بذكرى; not بوش، بيلي، بلير), or a derived perfect verb (انتقل، ارتكب). */
  private looksLikeVerbOrPhrase(j: number): boolean {
    const norm = this.tokens[j]!.norm;
    if (norm.length >= 4 && norm[0] === 'ل') return true;
    if (norm.length >= 4 && norm[0] === 'ب' && !'ويلر'.includes(norm[1]!)) return true;
    return DERIVED_PERFECT.test(norm);
  }

  /** First..last of up to three unknown name words from j, nasab markers allowed inside; -1 if none. */
  private unknownRun(j: number): number {
    if (!this.nameWord(j, true)) return -1;
    let last = j;
    let words = 1;
    while (words < MAX_UNKNOWN_TOKENS && last + 1 < this.tokens.length && this.gap(last, NAME_GAP)) {
      const next = last + 1;
      if (this.lex.nasab.has(this.keys[next]!) && next + 1 < this.tokens.length && this.gap(next, NAME_GAP) && this.nameWord(next + 1, false, true)) {
        last = next + 1;
        words += 2;
        continue;
      }
      if (!this.nameWord(next, false)) break;
      last = next;
      words++;
    }
    return last;
  }

  /**
   * A person from a given name: محمد بن سلمان، عبد الفتاح السيسي، جون كيري. Alone, a given name
   * says nothing (محمد), so at least one more word is needed; from a title (`afterTitle`) the
   * title vouches for it, otherwise the words after it must (another given name, بن/آل, a nisba
   * surname السيسي), or it is weak.
   */
  private fromGivenName(j: number, afterTitle: boolean, minWords = 2): Candidate | null {
    const g = this.givenAt(j);
    if (!g) return null;
    const n = this.tokens.length;
    let last = j + g.len - 1;
    let words = 1;
    let support = false; // a word after the given name that only a name has
    let definiteOnly = true;
    let familyName = false; // a definite family name (السيسي) ends the name unless بن/آل follows
    while (last - j + 1 < MAX_NAME_TOKENS && last + 1 < n && this.gap(last, NAME_GAP)) {
      const k = last + 1;
      if (familyName && !this.lex.nasab.has(this.keys[k]!)) break;
      const known = this.known[k];
      if (known) {
        // After a title, a country's nisba ends the name as its family name (د. محمد المصري).
        if (afterTitle && known.type === 'place' && known.first === known.last && this.plainDefinite(k) && this.tokens[k]!.surface.endsWith('ي')) {
          last = k;
          words++;
        }
        break;
      }
      if (this.lex.nasab.has(this.keys[k]!) && k + 1 < n && this.gap(k, NAME_GAP) && !this.known[k + 1]) {
        const found = this.givenAt(k + 1);
        const after = found && !found.clitic ? found : null;
        if (after || this.nameWord(k + 1, false, true)) {
          last = k + (after ? after.len : 1);
          words += 2;
          support = true;
          definiteOnly = false;
          continue;
        }
        break;
      }
      const next = this.givenAt(k);
      if (next?.clitic) break; // محمد وأحمد: two people
      // The words after a first name are fathers' names: a woman's name there is another phrase
      // (عمر غادة "Ghada's age"، باعت يارا حصة "Yara sold a share").
      if (next && this.lex.female.has(this.tokens[k]!.norm)) break;
      if (next) {
        last = k + next.len - 1;
        words++;
        support ||= !next.weak;
        definiteOnly = false;
        continue;
      }
      if (this.plainDefinite(k)) {
        const key = this.keys[k]!;
        if (this.lex.common.has(key) || this.lex.generic.has(key) || this.lex.titles.has(key) || !ARABIC_WORD.test(this.tokens[k]!.norm)) break;
        if (isStopWord(this.tokens[k]!.norm) || this.lex.orgHeads.has(key) || this.lex.placeHeads.has(key)) break;
        // A nisba family name (السيسي، العتيبي) is surely a name; another definite word may not be,
        // and after a weak given name it is most often the phrase that name is part of (علي الأقل).
        // Plural endings are nouns (العائدين، الهجمات), not family names.
        if (DEFINITE_NOT_FAMILY.test(this.tokens[k]!.surface)) break;
        const nisba = this.tokens[k]!.surface.endsWith('ي');
        if (g.weak && !nisba && words === 1 && !afterTitle) break;
        if (nisba) support = true;
        last = k;
        words++;
        familyName = true;
        continue;
      }
      if (this.nameWord(k, false)) {
        last = k;
        words++;
        definiteOnly = false;
        continue;
      }
      break;
    }
    if (words < minWords) return null;
    // A weak given name (أمل، علي) needs more than a definite word after it (علي الأقل).
    const strong = afterTitle || (support && !(g.weak && definiteOnly));
    const c: Candidate = { first: j, last, type: 'person', strong };
    if (g.clitic) c.clitic = g.clitic;
    return c;
  }

  /** شركة تسلا، حزب البعث، جامعة الملك سعود، بنك الرياض — and مدينة الرقة، مخيم جباليا. */
  private afterHead(i: number): Candidate | null {
    const norm = this.tokens[i]!.norm;
    if (this.definite(i)) return null; // الشركة: the company already named, not a name
    const orgKey = this.keyIn(i, this.lex.orgHeads);
    const placeKey = orgKey ? null : this.keyIn(i, this.lex.placeHeads);
    if (!orgKey && !placeKey) return null;
    if (!ARABIC_WORD.test(norm)) return null;
    const j = i + 1;
    if (j >= this.tokens.length || !this.gap(i, NAME_GAP)) return null;
    const definiteIsName = orgKey ? this.lex.orgHeads.get(orgKey)! : this.lex.placeHeads.get(placeKey!)!;
    const type: DiscoveredType = orgKey ? 'organization' : 'place';
    const k = this.known[j];
    if (k) {
      // A known place names an organization (بنك الرياض، جامعة القاهرة); a known place after a
      // place head is the place itself, and a known organization is the organization.
      if (!orgKey || k.type === 'organization' || k.type === 'other' || k.adjective) return null;
      return this.withClitic(i, orgKey, { first: i, last: this.orgAdjectives(k.last), type, strong: true });
    }
    if (orgKey) {
      // جامعة الملك سعود: a title and a name inside an organization's name.
      if (this.isTitle(j) && this.definite(j) && j + 1 < this.tokens.length && this.gap(j, NAME_GAP)) {
        const person = this.fromGivenName(j + 1, true, 1);
        if (person) return this.withClitic(i, orgKey, { first: i, last: this.orgAdjectives(person.last), type, strong: true });
        return null;
      }
      const person = this.fromGivenName(j, true);
      if (person) return this.withClitic(i, orgKey, { first: i, last: this.orgAdjectives(person.last), type, strong: true });
    }
    if (this.plainDefinite(j)) {
      let last = -1;
      // A place's name after its head is one definite word (مدينة الصدر); a second is its adjective (الحدودية).
      const maxWords = type === 'place' ? 1 : MAX_UNKNOWN_TOKENS;
      for (let k2 = j; k2 < this.tokens.length && k2 < j + maxWords; k2++) {
        if (k2 > j && !this.gap(k2 - 1, NAME_GAP)) break;
        if (this.known[k2] || !this.definite(k2) || (k2 > j && !this.plainDefinite(k2) && !this.tokens[k2]!.norm.startsWith('وال'))) break;
        const key = this.keys[k2]!;
        const bare = key.startsWith('و') && this.tokens[k2]!.norm.startsWith('وال') ? key.slice(3) : key;
        if (this.lex.common.has(bare) || this.lex.generic.has(key) || this.lex.titles.has(key) || isStopWord(this.tokens[k2]!.norm)) break;
        if (this.lex.orgHeads.has(key) || this.lex.placeHeads.has(key) || this.lex.given.has(this.tokens[k2]!.norm)) break;
        last = k2;
      }
      if (last < 0) return null;
      if (type === 'place') return { first: j, last, type, strong: definiteIsName };
      return this.withClitic(i, orgKey!, { first: i, last, type, strong: definiteIsName });
    }
    const last = this.unknownRun(j);
    if (last < 0) return null;
    // An indefinite nisba after a head is an adjective (بنك مركزي، حزب سياسي), not a name.
    for (let k2 = j; k2 <= last; k2++) if (this.tokens[k2]!.surface.endsWith('ي') && !this.lex.given.has(this.tokens[k2]!.norm)) return null;
    if (type === 'place') return { first: j, last, type, strong: last > j || definiteIsName };
    const c: Candidate = { first: i, last, type, strong: last > j };
    if (last === j) c.shortName = j;
    return this.withClitic(i, orgKey!, c);
  }

  /** Marks the preposition before a head (بنادي، لشركة) as outside the organization's name. */
  private withClitic(i: number, headKey: string, c: Candidate): Candidate {
    if (this.keys[i] !== headKey) c.clitic = 1;
    return c;
  }

  /** Extends an organization's name over the adjectives that belong to it (بنك قطر الوطني). */
  private orgAdjectives(last: number): number {
    let k = last;
    const fits = (j: number) => !this.known[j] && this.plainDefinite(j) && this.lex.orgAdjectives.has(this.keys[j]!);
    while (k + 1 < this.tokens.length && k - last < 2 && this.gap(k, NAME_GAP) && fits(k + 1)) k++;
    return k;
  }

  /** وقال X إن، أكد X أن: X is a name when nothing else in it is a word we know. Always weak. */
  private afterSpeechVerb(i: number): Candidate | null {
    if (this.keyIn(i, this.lex.speechVerbs) === null) return null;
    const j = i + 1;
    if (j >= this.tokens.length || !this.gap(i, NAME_GAP) || this.givenAt(j) || this.isTitle(j)) return null;
    const last = this.unknownRun(j);
    if (last < 0) return null;
    const after = this.tokens[last + 1];
    const followedBy =
      after === undefined ||
      this.lex.speechFollowers.has(after.norm) ||
      /^\s*[،,:]/.test(this.text.slice(this.tokens[last]!.end, after.start));
    return followedBy ? { first: j, last, type: 'person', strong: false } : null;
  }
}
