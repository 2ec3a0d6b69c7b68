import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CP1256_CHARACTERS, encodeCp1256 } from './cp1256.ts';

const decode = (bytes: Uint8Array) => new TextDecoder('windows-1256').decode(bytes);

test('every character in the table decodes back to itself with the platform decoder', () => {
  for (const [byte, ch] of CP1256_CHARACTERS) {
    assert.equal(decode(Uint8Array.of(byte)), ch, `byte 0x${byte.toString(16)}`);
    assert.deepEqual([...encodeCp1256(ch)], [byte]);
  }
});

test('Arabic news text with ASCII survives the round trip', () => {
  const text = 'قالت وزارة الطاقة، الثلاثاء: «الأسعار ارتفعت» — 350 ألف ليرة؟ (NNA)';
  assert.equal(decode(encodeCp1256(text)), text);
});

test('characters the code page lacks become numeric character references', () => {
  assert.equal(decode(encodeCp1256('٢٤ تشرين')), '&#1634;&#1636; تشرين');
  assert.equal(decode(encodeCp1256('٤٠٪')), '&#1636;&#1632;&#1642;');
});
