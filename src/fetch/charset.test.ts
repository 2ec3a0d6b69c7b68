import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBody } from './charset.ts';

// "القدس" in windows-1256 and in ISO-8859-6.
const QUDS_1256 = Uint8Array.from([0xc7, 0xe1, 0xde, 0xcf, 0xd3]);
const QUDS_88596 = Uint8Array.from([0xc7, 0xe4, 0xe2, 0xcf, 0xd3]);

test('windows-1256 named by the HTTP header decodes to Arabic', () => {
  const r = decodeBody(QUDS_1256, 'text/html; charset=windows-1256');
  assert.equal(r.text, 'القدس');
  assert.equal(r.charset, 'windows-1256');
});

test('ISO-8859-6 named by a meta tag decodes to Arabic', () => {
  const head = new TextEncoder().encode('<meta charset="iso-8859-6"><p>');
  const bytes = new Uint8Array([...head, ...QUDS_88596]);
  assert.match(decodeBody(bytes, 'text/html').text, /القدس$/);
});

test('the XML prolog names windows-1256 for a feed', () => {
  const head = new TextEncoder().encode('<?xml version="1.0" encoding="windows-1256"?><title>');
  const bytes = new Uint8Array([...head, ...QUDS_1256]);
  assert.match(decodeBody(bytes, 'application/rss+xml').text, /<title>القدس$/);
});

test('a UTF-8 BOM wins over a wrong header', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('مرصد')]);
  assert.equal(decodeBody(bytes, 'text/html; charset=windows-1256').text, 'مرصد');
});

test('undeclared windows-1256 bytes that are not valid UTF-8 still decode', () => {
  assert.equal(decodeBody(QUDS_1256, null).text, 'القدس');
});
