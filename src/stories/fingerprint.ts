// Text fingerprints for syndicated-copy detection: the set of word shingles of an article and a
// MinHash signature of that set. Signatures are stored beside the article, so every hash here is
// fixed arithmetic over UTF-16 code units (no crypto, no platform hash, no random seeds): the same
// text gives the same bytes in every process, on every backend, forever. Changing any constant
// below changes every stored signature; bump FORMAT_VERSION when you do.
import { isStopWord, tokenize } from '../arabic/index.ts';

/**
 * Words per shingle, stop words kept. Measured on SaudiNewsNet's dev scope (eval/dedup.ts, same
 * thresholds): five words with stop words P 0.99 R 0.99; four words P 0.89 R 0.99, the extra pairs
 * being articles that share a template (court sentences, weather bulletins); five words without stop
 * words P 0.96 R 0.93, since dropping them makes unrelated phrases collide. The silver labels use
 * five-word shingles too, which favours five; the four-word extras read as templates, not copies.
 */
export const SHINGLE_WIDTH = 5;
/** MinHash permutations: the estimate's standard error is about √(J(1−J)/128) ≤ 0.045. */
export const SIGNATURE_LENGTH = 128;
/** First byte of a serialized fingerprint; a reader refuses other versions rather than misjudge. */
const FORMAT_VERSION = 1;
const HEADER_BYTES = 12;

/** What copy detection keeps of one text. */
export interface Fingerprint {
  /** MinHash of the shingle set: SIGNATURE_LENGTH unsigned 32-bit minima. */
  signature: Uint32Array;
  /** Distinct shingles in the text; with two sizes and a Jaccard estimate, containment follows. */
  size: number;
  /** Words in the text (normalized tokens, stop words included). */
  tokens: number;
  /** Sorted distinct shingle hashes, for exact verification of candidates; absent once deserialized. */
  shingles?: Uint32Array;
}

/** Per-permutation seeds, drawn once from a fixed splitmix32 stream. */
const SEEDS = buildSeeds(SIGNATURE_LENGTH, 0x6d617273); // "mars"

function buildSeeds(n: number, seed: number): Uint32Array {
  const out = new Uint32Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = fmix32(state);
  }
  return out;
}

/** MurmurHash3's finalizer: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a word, finalized: words are short, so this is the fast path. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Options for `shingleText`; the defaults are what stored fingerprints use. */
export interface ShingleOptions {
  width?: number;
  /** Drop stop words before shingling (default false: measured worse, see SHINGLE_WIDTH). */
  dropStopWords?: boolean;
}

/** The normalized words of `text` that shingles are made of. */
export function shingleWords(text: string, options: ShingleOptions = {}): string[] {
  const words: string[] = [];
  for (const t of tokenize(text)) if (!options.dropStopWords || !isStopWord(t.norm)) words.push(t.norm);
  return words;
}

/**
 * Sorted distinct 32-bit hashes of the `width`-word shingles of `words`. A text shorter than the
 * width is one shingle of all its words, so a three-word headline still has a fingerprint.
 */
export function shingleHashes(words: readonly string[], width = SHINGLE_WIDTH): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map(hashWord);
  const w = Math.min(width, wordHashes.length);
  const out = new Uint32Array(wordHashes.length - w + 1);
  for (let i = 0; i < out.length; i++) {
    let h = w;
    // Order matters (a shingle is a phrase), so each word is folded in after a multiply.
    for (let j = 0; j < w; j++) h = Math.imul(h ^ wordHashes[i + j]!, 0x9e3779b1) + j;
    out[i] = fmix32(h);
  }
  out.sort();
  return dedupeSorted(out);
}

function dedupeSorted(a: Uint32Array): Uint32Array {
  if (a.length < 2) return a;
  let n = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[n - 1]) a[n++] = a[i]!;
  return n === a.length ? a : a.slice(0, n);
}

/** MinHash of a set of shingle hashes: per permutation i, the least fmix32(x ⊕ seed_i). */
export function minHash(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  if (shingles.length === 0) return sig;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let k = 0; k < shingles.length; k++) {
      const v = fmix32(shingles[k]! ^ seed);
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** The fingerprint of `text` (title and body as the caller chooses; see copies.ts). */
export function fingerprint(text: string, options: ShingleOptions = {}): Fingerprint {
  return fingerprintWords(shingleWords(text, options), options.width);
}

/** The fingerprint of already tokenized text (normalized words, in order). */
export function fingerprintWords(words: readonly string[], width = SHINGLE_WIDTH): Fingerprint {
  const shingles = shingleHashes(words, width);
  return { signature: minHash(shingles), size: shingles.length, tokens: words.length, shingles };
}

/** Share of equal positions in two signatures: an unbiased estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/**
 * |A∩B| / min(|A|,|B|) from a Jaccard value and the two set sizes: |A∩B| = J(|A|+|B|)/(1+J).
 * With an estimated J the error grows with the size ratio, so candidates are verified exactly
 * when the shingle sets are at hand.
 */
export function containmentFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * small));
}

/** Exact intersection size of two sorted distinct hash arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/**
 * Fingerprint to bytes: version, shingle width, length, set size, word count, then the signature,
 * little-endian. Only default-option fingerprints are meant to be stored.
 */
export function serializeFingerprint(fp: Fingerprint): Buffer {
  const k = fp.signature.length;
  const buf = Buffer.alloc(HEADER_BYTES + 4 * k);
  buf.writeUInt8(FORMAT_VERSION, 0);
  buf.writeUInt8(SHINGLE_WIDTH, 1);
  buf.writeUInt16LE(k, 2);
  buf.writeUInt32LE(fp.size, 4);
  buf.writeUInt32LE(fp.tokens, 8);
  for (let i = 0; i < k; i++) buf.writeUInt32LE(fp.signature[i]!, HEADER_BYTES + 4 * i);
  return buf;
}

/** Bytes from `serializeFingerprint` back to a fingerprint (without its shingle set). */
export function deserializeFingerprint(bytes: Uint8Array): Fingerprint {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES || buf.readUInt8(0) !== FORMAT_VERSION) {
    throw new FingerprintFormatError(`fingerprint format ${buf.length ? buf.readUInt8(0) : 'empty'} is not version ${FORMAT_VERSION}; recompute it from the article text`);
  }
  const k = buf.readUInt16LE(2);
  if (buf.readUInt8(1) !== SHINGLE_WIDTH || buf.length !== HEADER_BYTES + 4 * k) {
    throw new FingerprintFormatError('fingerprint was made with other settings; recompute it from the article text');
  }
  const signature = new Uint32Array(k);
  for (let i = 0; i < k; i++) signature[i] = buf.readUInt32LE(HEADER_BYTES + 4 * i);
  return { signature, size: buf.readUInt32LE(4), tokens: buf.readUInt32LE(8) };
}

/** Base64 form of `serializeFingerprint`, for JSON and text columns. */
export function fingerprintToBase64(fp: Fingerprint): string {
  return serializeFingerprint(fp).toString('base64');
}

export function fingerprintFromBase64(text: string): Fingerprint {
  return deserializeFingerprint(Buffer.from(text, 'base64'));
}

/** A stored fingerprint that this version cannot read. */
export class FingerprintFormatError extends Error {
  readonly code = 'fingerprint_format';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FingerprintFormatError';
  }
}
