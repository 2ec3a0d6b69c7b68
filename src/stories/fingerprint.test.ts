import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FingerprintFormatError,
  SIGNATURE_LENGTH,
  deserializeFingerprint,
  estimateJaccard,
  fingerprint,
  fingerprintFromBase64,
  fingerprintToBase64,
  intersectionSize,
  serializeFingerprint,
} from './fingerprint.ts';
import { SPA_STORY, SPA_STORY_SABQ } from './fixtures.test-data.ts';

test('a fingerprint is a compact 128-value signature, the same in every process', () => {
  const fp = fingerprint(SPA_STORY);
  assert.equal(fp.signature.length, SIGNATURE_LENGTH);
  assert.ok(fp.signature instanceof Uint32Array);
  assert.equal(fp.tokens, 122);
  // Pinned: a change here changes every stored signature (bump FORMAT_VERSION in fingerprint.ts).
  assert.deepEqual([...fp.signature.slice(0, 3)], PINNED_HEAD);
});

test('vocalized, hamza-variant and tatweel spellings fingerprint like the bare text', () => {
  const bare = fingerprint('اعلنت وزاره الصحه اليوم تسجيل اصابات جديده بفيروس كورونا في مدينه الرياض');
  const styled = fingerprint('أعلنتْ وزارةُ الصـحة اليومَ تسجيلَ إصاباتٍ جديدة بفيروس كورونا في مدينة الرياض');
  assert.deepEqual(styled.signature, bare.signature);
});

test('the signature estimates the Jaccard similarity of the shingle sets', () => {
  const a = fingerprint(SPA_STORY);
  const b = fingerprint(SPA_STORY_SABQ);
  const shared = intersectionSize(a.shingles!, b.shingles!);
  const exact = shared / (a.size + b.size - shared);
  assert.ok(Math.abs(estimateJaccard(a.signature, b.signature) - exact) < 0.1, `estimate vs exact ${exact}`);
  assert.equal(estimateJaccard(a.signature, fingerprint(SPA_STORY).signature), 1);
});

test('fingerprints survive a trip through bytes and base64, and other versions are refused', () => {
  const fp = fingerprint(SPA_STORY);
  const bytes = serializeFingerprint(fp);
  assert.equal(bytes.length, 12 + 4 * SIGNATURE_LENGTH);
  const back = deserializeFingerprint(new Uint8Array(bytes));
  assert.deepEqual(back.signature, fp.signature);
  assert.equal(back.size, fp.size);
  assert.equal(back.tokens, fp.tokens);
  assert.deepEqual(fingerprintFromBase64(fingerprintToBase64(fp)).signature, fp.signature);
  const wrong = Buffer.from(bytes);
  wrong[0] = 99;
  assert.throws(() => deserializeFingerprint(wrong), FingerprintFormatError);
});

const PINNED_HEAD = [1554603, 83843393, 67691679];
