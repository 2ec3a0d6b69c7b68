/**
 * Named-entity quality of the tagger (findEntities) on two hand-annotated newswire sets from
 * ../shared: CLEANANERCorp's training split (ANERcorp with corrected labels) and the dev part of
 * NewsFANE Gold. Precision, recall and F1 per type (PER, LOC, ORG) and micro over the three, two ways:
 * - strict: CoNLL's exact match, the same tokens and the same type;
 * - lenient: the same type on overlapping tokens. Gazetteer spans and annotation conventions differ
 *   at the edges (الرئيس inside a PER span or not, وزارة الخارجية الروسية as one ORG or ORG + LOC),
 *   and a tag page only needs the entity, not its exact edges.
 * For reference, published systems (trained models) reach about 0.83 F1 on ANERcorp; ours is a
 * gazetteer plus rules, with no model, so it is measured to guide its growth, not to compete.
 *
 * Method: a sentence's tokens are joined with single spaces, remembering each token's span, and our
 * tagger runs on the running text; a mention covers every token it overlaps, so a name inside a
 * token with clitics (والقاهرة) covers that whole token, which is how both sets annotate it.
 * person → PER, place → LOC, organization → ORG.
 *
 * Not scored (ANERcorp's convention, which we apply to both sets):
 * - Gold: ANERcorp's MISC; NewsFANE's FAC, VEH, WEA, PRO, and its PER "Group" class (العرب،
 *   المسلمين), which ANERcorp tags MISC. A prediction that overlaps only such spans is neither right
 *   nor wrong (`ignored_on_misc`); one that also overlaps a scored entity is scored.
 * - Predictions of our 'other' type, and mentions spelled by a nisba adjective (الروسية → Russia,
 *   `ignored_adjectives`): the tagger tags those on purpose (an article on "the Russian position" is
 *   about Russia), but neither set calls an adjective a name (ANERcorp: MISC, NewsFANE: O). A gold
 *   entity that only an adjective covers (الفرنسية for AFP) stays a miss.
 *
 * The sets overlap: NewsFANE re-annotates largely the same newswire as ANERcorp (two thirds of its
 * dev sentences are in this ANERcorp split), so they are two annotation schemes more than two samples.
 *
 * Context: the tagger resolves ambiguous and common-word spellings with the whole article as
 * context, and in Marsad it always sees a whole article. Neither set marks article boundaries
 * (ANERcorp's 316 articles average 12–13 sentences), so the headline figures run on windows of
 * CONTEXT_WINDOW consecutive sentences joined by line breaks, which no name spans. The same scoring
 * one sentence at a time is reported beside them as `sentence_level`.
 *
 * `npx tsx eval/ner.ts` prints the summary; `--errors` prints, per set, the most frequent missed
 * entities, false positives and boundary disagreements.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/arabic/index.ts';
import { GAZETTEER } from '../src/tags/gazetteer/index.ts';
import { findEntities, type EntityType } from '../src/tags/index.ts';

/** Sentences per tagging call: about one ANERcorp article. */
const CONTEXT_WINDOW = 10;
const TOP_ERRORS = 40;
const TOP_BOUNDARY = 20;

export const NER_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type NerType = (typeof NER_TYPES)[number];
/** A gold label we leave out of the scores (see the header). */
const IGNORED = 'IGNORED';
type GoldLabel = NerType | typeof IGNORED;

const TAGGER_TYPE: Record<EntityType, NerType | null> = { person: 'PER', place: 'LOC', organization: 'ORG', other: null };

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  /** Strict: exact matches. Lenient: gold entities found (the recall numerator); precision counts predictions. */
  correct: number;
}

export type TypeScores = Record<NerType | 'overall', Prf>;

export interface CorpusNer {
  sentences: number;
  tokens: number;
  context_window: number;
  strict: TypeScores;
  lenient: TypeScores;
  /** The same scoring, the tagger run one sentence at a time. */
  sentence_level: { strict_f1: number; lenient_f1: number };
  /** Tagger mentions not scored: nisba adjectives, and predictions on MISC-like gold spans. */
  ignored_adjectives: number;
  ignored_on_misc: number;
}

export interface NerEval {
  anercorp: CorpusNer;
  newsfane: CorpusNer;
}

interface Sentence {
  tokens: string[];
  /** One label per token in IOB: B-TYPE, I-TYPE, O; TYPE already mapped to GoldLabel. */
  labels: string[];
}

/** Tokens [start, end) of sentence number `sentence`, with their label. */
interface Span {
  sentence: number;
  start: number;
  end: number;
  type: GoldLabel;
}

interface Prediction extends Span {
  adjective: boolean;
}

function sharedDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const ANERCORP_TYPES: Record<string, GoldLabel> = { PERS: 'PER', LOC: 'LOC', ORG: 'ORG', MISC: IGNORED };
const NEWSFANE_TYPES: Record<string, GoldLabel> = { PER: 'PER', GPE: 'LOC', LOC: 'LOC', ORG: 'ORG', FAC: IGNORED, VEH: IGNORED, WEA: IGNORED, PRO: IGNORED };
/** NewsFANE's fine PER class for peoples and communities: ANERcorp tags these MISC. */
const NEWSFANE_GROUP = 'Group';

function relabel(tag: string, type: GoldLabel | undefined): string {
  if (tag === 'O' || type === undefined) return 'O';
  return `${tag.slice(0, 2)}${type}`;
}

function loadAnercorp(path: string): Sentence[] {
  return readJsonl<{ tokens: string[]; tags: string[] }>(path).map((r) => ({
    tokens: r.tokens,
    labels: r.tags.map((tag) => relabel(tag, ANERCORP_TYPES[tag.slice(2)])),
  }));
}

function loadNewsfane(path: string): Sentence[] {
  return readJsonl<{ tokens: string[]; tags: string[]; coarse_tags: string[] }>(path).map((r) => ({
    tokens: r.tokens,
    labels: r.coarse_tags.map((tag, i) => relabel(tag, r.tags[i]!.slice(2) === NEWSFANE_GROUP ? IGNORED : NEWSFANE_TYPES[tag.slice(2)])),
  }));
}

/** Entities of an IOB sequence, as conlleval reads it: an I- that does not continue its type opens one. */
function goldSpans(labels: readonly string[], sentence: number): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  labels.forEach((label, i) => {
    const type = label.slice(2) as GoldLabel;
    if (label === 'O' || label.startsWith('B-') || (open && open.type !== type)) {
      if (open) spans.push(open);
      open = null;
    }
    if (label !== 'O') {
      open ??= { sentence, start: i, end: i, type };
      open.end = i + 1;
    }
  });
  if (open) spans.push(open);
  return spans;
}

/** Per entry with nisba adjectives: the normalized spellings of its names and of its adjectives. */
type AdjectiveForms = Map<string, { names: Set<string>; adjectives: Set<string> }>;

const ARTICLE = 'ال';

const normalized = (form: string) => tokenize(form).map((t) => t.norm).join(' ');
/** Adjectives are listed bare and printed either way, on every word (كوري جنوبي، الكوري الجنوبي). */
const bare = (words: string) => words.split(' ').map((w) => (w.startsWith(ARTICLE) && w.length > ARTICLE.length + 2 ? w.slice(ARTICLE.length) : w)).join(' ');

function adjectiveForms(): AdjectiveForms {
  const out: AdjectiveForms = new Map();
  for (const entry of GAZETTEER) {
    if (!entry.adjectives?.length) continue;
    const names = new Set([entry.name, ...entry.variants].map(normalized));
    out.set(entry.id, { names, adjectives: new Set(entry.adjectives.map((a) => bare(normalized(a)))) });
  }
  return out;
}

/**
 * Whether a mention of entry `id` is spelled by one of its adjectives, as printed or after a leading
 * clitic (والروسية، للسورية = ل + السورية). A spelling that is exactly one of the entry's names, article
 * included, is a name: سورية is Syria, السورية the adjective, although the matcher keys both alike.
 */
function isAdjective(id: string, text: string, forms: AdjectiveForms): boolean {
  const entry = forms.get(id);
  if (!entry) return false;
  const words = normalized(text);
  const candidates = [words, words.slice(1)];
  if (words.startsWith('لل')) candidates.push(ARTICLE + words.slice(2));
  if (/^[وف]لل/.test(words)) candidates.push(ARTICLE + words.slice(3));
  if (candidates.some((c) => entry.names.has(c))) return false;
  return candidates.some((c) => entry.adjectives.has(bare(c)));
}

/** Runs the tagger on `window` consecutive sentences at a time and maps each mention to the tokens it overlaps. */
function predict(sentences: readonly Sentence[], window: number, adjectives: AdjectiveForms): Prediction[] {
  const out: Prediction[] = [];
  for (let first = 0; first < sentences.length; first += window) {
    // Character span of every token of the window, in order; sentences are joined by a line break.
    const starts: number[] = [];
    const owners: Array<{ sentence: number; token: number }> = [];
    let text = '';
    for (let s = first; s < Math.min(first + window, sentences.length); s++) {
      if (s > first) text += '\n';
      sentences[s]!.tokens.forEach((token, t) => {
        if (t > 0) text += ' ';
        starts.push(text.length);
        owners.push({ sentence: s, token: t });
        text += token;
      });
    }
    let k = 0;
    for (const m of findEntities(text)) {
      const type = TAGGER_TYPE[m.type];
      if (!type) continue;
      while (k + 1 < starts.length && starts[k + 1]! <= m.start) k++;
      let last = k;
      while (last + 1 < starts.length && starts[last + 1]! < m.end) last++;
      const from = owners[k]!;
      // A mention never crosses a line break; should one, its first sentence keeps it.
      const to = owners[last]!.sentence === from.sentence ? owners[last]! : { token: sentences[from.sentence]!.tokens.length - 1 };
      const prev = out.at(-1);
      if (prev && prev.sentence === from.sentence && prev.start === from.token && prev.end === to.token + 1) continue;
      out.push({ sentence: from.sentence, start: from.token, end: to.token + 1, type, adjective: isAdjective(m.id, m.text, adjectives) });
    }
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.sentence === b.sentence && a.start < b.end && b.start < a.end;
const round = (x: number) => Math.round(x * 10_000) / 10_000;

function prf(gold: number, predicted: number, goldFound: number, predictedRight: number): Prf {
  const precision = predicted === 0 ? 0 : predictedRight / predicted;
  const recall = gold === 0 ? 0 : goldFound / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1), gold, predicted, correct: goldFound };
}

interface Scored {
  strict: TypeScores;
  lenient: TypeScores;
  scoredGold: Span[];
  scoredPredictions: Prediction[];
  /** Scored gold entities, and scored predictions, that overlap a span. */
  goldOver: (s: Span) => Span[];
  predictionOver: (s: Span) => Prediction[];
  ignoredAdjectives: number;
  ignoredOnMisc: number;
}

function bySentence<T extends Span>(spans: readonly T[]): (s: Span) => T[] {
  const map = new Map<number, T[]>();
  for (const x of spans) {
    const list = map.get(x.sentence);
    if (list) list.push(x);
    else map.set(x.sentence, [x]);
  }
  return (s) => (map.get(s.sentence) ?? []).filter((x) => overlaps(x, s));
}

function score(gold: readonly Span[], predictions: readonly Prediction[]): Scored {
  const scoredGold = gold.filter((g) => g.type !== IGNORED);
  const goldOver = bySentence(scoredGold);
  const miscOver = bySentence(gold.filter((g) => g.type === IGNORED));

  const scoredPredictions: Prediction[] = [];
  let ignoredAdjectives = 0;
  let ignoredOnMisc = 0;
  for (const p of predictions) {
    if (p.adjective) ignoredAdjectives++;
    else if (goldOver(p).length === 0 && miscOver(p).length > 0) ignoredOnMisc++;
    else scoredPredictions.push(p);
  }
  const predictionOver = bySentence(scoredPredictions);

  const totals = { strict: [0, 0, 0, 0], lenient: [0, 0, 0, 0] };
  const strict = {} as TypeScores;
  const lenient = {} as TypeScores;
  for (const type of NER_TYPES) {
    const g = scoredGold.filter((x) => x.type === type);
    const p = scoredPredictions.filter((x) => x.type === type);
    const hits = p.filter((x) => goldOver(x).some((y) => y.type === type && y.start === x.start && y.end === x.end)).length;
    const found = g.filter((x) => predictionOver(x).some((y) => y.type === type)).length;
    const right = p.filter((x) => goldOver(x).some((y) => y.type === type)).length;
    strict[type] = prf(g.length, p.length, hits, hits);
    lenient[type] = prf(g.length, p.length, found, right);
    [g.length, p.length, hits, hits].forEach((n, i) => (totals.strict[i]! += n));
    [g.length, p.length, found, right].forEach((n, i) => (totals.lenient[i]! += n));
  }
  const [sg, sp, sf, sr] = totals.strict as [number, number, number, number];
  const [lg, lp, lf, lr] = totals.lenient as [number, number, number, number];
  strict.overall = prf(sg, sp, sf, sr);
  lenient.overall = prf(lg, lp, lf, lr);
  return { strict, lenient, goldOver, predictionOver, scoredGold, scoredPredictions, ignoredAdjectives, ignoredOnMisc };
}

interface CorpusRun {
  sentences: Sentence[];
  result: CorpusNer;
  scored: Scored;
}

function runCorpus(sentences: Sentence[], adjectives: AdjectiveForms): CorpusRun {
  const gold = sentences.flatMap((s, i) => goldSpans(s.labels, i));
  const scored = score(gold, predict(sentences, CONTEXT_WINDOW, adjectives));
  const single = score(gold, predict(sentences, 1, adjectives));
  return {
    sentences,
    scored,
    result: {
      sentences: sentences.length,
      tokens: sentences.reduce((n, s) => n + s.tokens.length, 0),
      context_window: CONTEXT_WINDOW,
      strict: scored.strict,
      lenient: scored.lenient,
      sentence_level: { strict_f1: single.strict.overall.f1, lenient_f1: single.lenient.overall.f1 },
      ignored_adjectives: scored.ignoredAdjectives,
      ignored_on_misc: scored.ignoredOnMisc,
    },
  };
}

function corpusPaths(): { anercorp: string; newsfane: string } {
  const corpus = join(sharedDir(), 'corpus');
  return { anercorp: join(corpus, 'anercorp-clean', 'train.jsonl'), newsfane: join(corpus, 'newsfane-gold', 'newsfane.dev.jsonl') };
}

function runBoth(): { anercorp: CorpusRun; newsfane: CorpusRun } | null {
  const paths = corpusPaths();
  if (!existsSync(paths.anercorp) || !existsSync(paths.newsfane)) {
    process.stderr.write('evalNer: ../shared/corpus/anercorp-clean or newsfane-gold is absent; skipping the entity evaluation\n');
    return null;
  }
  const adjectives = adjectiveForms();
  return { anercorp: runCorpus(loadAnercorp(paths.anercorp), adjectives), newsfane: runCorpus(loadNewsfane(paths.newsfane), adjectives) };
}

/** Strict and lenient P/R/F1 per type on both sets; null (with a note on stderr) when ../shared is absent. */
export async function evalNer(): Promise<NerEval | null> {
  const runs = runBoth();
  return runs && { anercorp: runs.anercorp.result, newsfane: runs.newsfane.result };
}

function surface(sentences: readonly Sentence[], s: Span): string {
  return sentences[s.sentence]!.tokens.slice(s.start, s.end).join(' ');
}

function top(counts: Map<string, number>, n: number): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, c]) => `${String(c).padStart(5)}  ${k}`);
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The errors worth fixing first, by frequency: gold entities no prediction of their type overlaps
 * (with what we said there instead), predictions no gold entity of their type overlaps (with what
 * the annotators said), and lenient-but-not-strict matches (gold span ⇐ our span).
 */
function errorReport(name: string, run: CorpusRun): string {
  const { sentences, scored } = run;
  const { scoredGold: gold, scoredPredictions: predictions, goldOver, predictionOver } = scored;
  const missed = new Map<string, number>();
  const falsePositives = new Map<string, number>();
  const boundary = new Map<string, number>();
  for (const g of gold) {
    const near = predictionOver(g);
    const same = near.filter((p) => p.type === g.type);
    const entity = `${g.type} ${surface(sentences, g)}`;
    if (same.length === 0) bump(missed, near.length ? `${entity}  (we said ${near.map((p) => p.type).join('+')})` : entity);
    else if (!same.some((p) => p.start === g.start && p.end === g.end)) bump(boundary, `${entity}  ⇐  ${same.map((p) => surface(sentences, p)).join(' | ')}`);
  }
  for (const p of predictions) {
    const near = goldOver(p);
    const said = near.length ? near.map((g) => g.type).join('+') : 'O';
    if (!near.some((g) => g.type === p.type)) bump(falsePositives, `${p.type} ${surface(sentences, p)}  (gold ${said})`);
  }
  return [
    `== ${name}: missed gold entities (top ${TOP_ERRORS} of ${total(missed)}) ==`,
    ...top(missed, TOP_ERRORS),
    `== ${name}: false positives (top ${TOP_ERRORS} of ${total(falsePositives)}) ==`,
    ...top(falsePositives, TOP_ERRORS),
    `== ${name}: boundary only, gold ⇐ ours (top ${TOP_BOUNDARY} of ${total(boundary)}) ==`,
    ...top(boundary, TOP_BOUNDARY),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = runBoth();
  if (runs) {
    if (process.argv.includes('--errors')) {
      console.log(errorReport('anercorp', runs.anercorp));
      console.log(errorReport('newsfane', runs.newsfane));
    } else {
      console.log(JSON.stringify({ anercorp: runs.anercorp.result, newsfane: runs.newsfane.result }, null, 2));
    }
  }
}
