// The name lists as lookup tables keyed the way the tagger keys words: matching form, article off
// (matcher.ts's wordKey), so a list entry matches with and without ال. Built on first use.
import { isStopWord, normalizeArabic } from '../../arabic/index.ts';
import { _internal } from '../matcher.ts';
import { COMMON_NOUNS, COMMON_VERBS } from './common-words.ts';
import {
  ABD, DIN_FIRST_HALVES, DIN_SECOND_HALVES, FEMALE_NAMES, FOREIGN_NAMES, MALE_NAMES, NASAB_MARKERS, WEAK_NAMES,
} from './given-names.ts';
import {
  ABBREVIATED_TITLES, GENERIC_COMPLEMENTS, ORG_HEADS, ORG_NAME_ADJECTIVES, PERSON_TITLES, PLACE_HEADS, SPEECH_FOLLOWERS,
  SPEECH_VERBS, TITLE_COMPLEMENTS, WEAK_TITLES,
} from './titles.ts';

const { wordKey } = _internal;

/** The key of a listed word or of a token's matching form. */
export const keyOf = (word: string): string => wordKey(normalizeArabic(word));

export type Strength = 'strong' | 'weak';

export interface Lexicon {
  /**
   * Given names by matching form as printed, article included: إلهام must not become هام
   * ("important"), nor ألان الان ("now"), as the article-less key would make them.
   */
  given: Map<string, Strength>;
  /** Women's given names: never inside a man's chain of fathers (عمر غادة is "Ghada's age"). */
  female: Set<string>;
  /** Given names listed with a final ي (علي): a printed final ى (على) is then another word. */
  givenFinalYa: Set<string>;
  nasab: Set<string>;
  abd: Set<string>;
  dinFirst: Set<string>;
  dinSecond: Set<string>;
  titles: Set<string>;
  weakTitles: Set<string>;
  abbreviatedTitles: Set<string>;
  titleComplements: Set<string>;
  orgHeads: Map<string, boolean>;
  placeHeads: Map<string, boolean>;
  orgAdjectives: Set<string>;
  generic: Set<string>;
  common: Set<string>;
  speechVerbs: Set<string>;
  speechFollowers: Set<string>;
  /** Every listed word that is not a name: common words, titles, heads, complements, speech verbs, nasab. */
  notNames: Set<string>;
  /** Keys of every word a rule can start at (title, head, given name, speech verb): the rest are skipped fast. */
  triggers: Set<string>;
}

let lexicon: Lexicon | null = null;

const keys = (words: readonly string[]) => new Set(words.map(keyOf));
/** A masculine title or verb and its feminine: وزير → وزيرة, قال → قالت. */
const withFeminine = (words: readonly string[], suffix: string) =>
  words.flatMap((w) => (w.endsWith('ة') || w.endsWith(suffix) ? [w] : [w, w + suffix]));

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const given = new Map<string, Strength>();
  const givenFinalYa = new Set<string>();
  for (const name of [...MALE_NAMES, ...FEMALE_NAMES, ...FOREIGN_NAMES]) {
    given.set(normalizeArabic(name), 'strong');
    if (name.endsWith('ي')) givenFinalYa.add(normalizeArabic(name));
  }
  // A name spelled like a stop word (علي / على, صباح "morning") is weak whatever its list says.
  for (const name of [...WEAK_NAMES, ...MALE_NAMES, ...FEMALE_NAMES, ...FOREIGN_NAMES]) {
    if (WEAK_NAMES.includes(name) || isStopWord(normalizeArabic(name))) given.set(normalizeArabic(name), 'weak');
  }
  const built = {
    given,
    female: new Set(FEMALE_NAMES.map((n) => normalizeArabic(n))),
    givenFinalYa,
    nasab: keys(NASAB_MARKERS),
    abd: keys(ABD),
    dinFirst: new Set(DIN_FIRST_HALVES.map((w) => normalizeArabic(w))),
    dinSecond: keys(DIN_SECOND_HALVES),
    titles: keys(withFeminine(PERSON_TITLES, 'ة')),
    weakTitles: keys(withFeminine(WEAK_TITLES, 'ة')),
    abbreviatedTitles: new Set(ABBREVIATED_TITLES.map((w) => normalizeArabic(w))),
    titleComplements: keys(TITLE_COMPLEMENTS),
    orgHeads: new Map(ORG_HEADS.map((h) => [keyOf(h.word), h.definite])),
    placeHeads: new Map(PLACE_HEADS.map((h) => [keyOf(h.word), h.definite])),
    orgAdjectives: keys(ORG_NAME_ADJECTIVES),
    generic: keys(GENERIC_COMPLEMENTS),
    common: keys([...withFeminine(COMMON_VERBS, 'ت'), ...COMMON_NOUNS]),
    speechVerbs: keys(SPEECH_VERBS),
    speechFollowers: new Set(SPEECH_FOLLOWERS.map((w) => normalizeArabic(w))),
  };
  const notNames = new Set<string>();
  for (const set of [built.common, built.titles, built.titleComplements, built.generic, built.speechVerbs, built.nasab]) for (const w of set) notNames.add(w);
  for (const w of [...built.orgHeads.keys(), ...built.placeHeads.keys()]) notNames.add(w);
  const triggers = new Set<string>([...built.titles, ...built.orgHeads.keys(), ...built.placeHeads.keys(), ...built.speechVerbs, ...built.abd]);
  for (const w of [...built.given.keys(), ...built.dinFirst, 'ابو', ...built.abbreviatedTitles]) triggers.add(w).add(_internal.wordKey(w));
  return (lexicon = { ...built, notNames, triggers });
}
