import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSourceInput, cleanSourceName, SourceInputError } from './index.ts';

test('a source name loses bidi overrides and control characters but keeps its Arabic and Latin text', () => {
  // U+202E (right-to-left override) would flip the text after it on every page that shows the name.
  assert.equal(cleanSourceName('\u202Eالمصري اليوم\u202C  Al-Masry\u0007 '), 'المصري اليوم Al-Masry');
  assert.equal(cleanSourceName('\u2067سبق\u2069'), 'سبق');
});

test('checkSourceInput accepts http(s) feeds and sitemaps and says what is wrong with anything else', () => {
  const ok = checkSourceInput({ url: ' https://www.aljazeera.net/rss ', name: 'الجزيرة نت', home_url: 'javascript:alert(1)' });
  assert.deepEqual([ok.url, ok.name, ok.kind, ok.home_url], ['https://www.aljazeera.net/rss', 'الجزيرة نت', 'feed', null]);
  assert.equal(checkSourceInput({ url: 'https://sabq.org/sitemap.xml', kind: 'sitemap' }).name, 'sabq.org');
  const codes = (input: Parameters<typeof checkSourceInput>[0]) => {
    try {
      checkSourceInput(input);
      return 'accepted';
    } catch (err) {
      assert.ok(err instanceof SourceInputError);
      assert.match(err.ar, /[\u0600-\u06FF]/, 'an Arabic message for the admin');
      return err.code;
    }
  };
  assert.equal(codes({ url: '' }), 'missing_url');
  assert.equal(codes({ url: 'file:///etc/passwd' }), 'bad_url');
  assert.equal(codes({ url: 'https://' }), 'bad_url');
  assert.equal(codes({ url: 'www.youm7.com/rss' }), 'bad_url');
  assert.equal(codes({ url: `https://youm7.com/${'x'.repeat(2100)}` }), 'long_url');
  assert.equal(codes({ url: 'https://youm7.com/rss', name: 'اليوم السابع '.repeat(30) }), 'long_name');
  assert.equal(codes({ url: 'https://youm7.com/rss', kind: 'import' }), 'bad_kind');
});
