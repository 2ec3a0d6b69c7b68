import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeQuery, parseQuery } from '../search/index.ts';
import { buildSnippet } from './search-snippet.ts';

function snippet(q: string, text: string, words?: number) {
  const parsed = parseQuery(q);
  assert.ok(parsed.ok);
  return buildSnippet(text, analyzeQuery(parsed.query), words);
}

const marked = (segments: { text: string; hit: boolean }[]) => segments.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

test('a snippet marks the forms of a word the analyzer joins, and keeps the text as written', () => {
  assert.equal(marked(snippet('مفاوضات', 'رحبت مصر بالمفاوضات، وقالت إن والمفاوضات مستمرة.')), 'رحبت مصر [بالمفاوضات]، وقالت إن [والمفاوضات] مستمرة.');
  assert.equal(marked(snippet('مستشفي', 'استقبل مُسْتَشْفَى الشفاء الجرحى.')), 'استقبل [مُسْتَشْفَى] الشفاء الجرحى.');
});

test('a phrase is marked only where its words stand in order', () => {
  assert.equal(marked(snippet('"وقف إطلاق النار"', 'النار وقف ثم أعلنت وقف إطلاق النار.')), 'النار وقف ثم أعلنت [وقف إطلاق النار].');
});

test('the window holds the most distinct query words, with an ellipsis where text is cut', () => {
  const filler = 'كلام عام لا صلة له بالموضوع '.repeat(10);
  const text = `${filler}ذكرت روسيا في بيان ${filler}وقالت روسيا وإيران في بيان مشترك ${filler}`;
  const out = marked(snippet('روسيا إيران', text, 12));
  assert.match(out, /^… .*\[روسيا\] \[وإيران\]/u);
  assert.match(out, / …$/u);
});

test('text without a hit gives its opening words; empty text gives nothing', () => {
  assert.equal(marked(snippet('جنيف', 'بدأت الجولة الجديدة.\n\nوالوفدان في القاعة.')), 'بدأت الجولة الجديدة. والوفدان في القاعة.');
  assert.deepEqual(snippet('جنيف', ''), []);
});

test('the snippets of one results page share the query\'s work, and each is the snippet the article gives alone', () => {
  // One analyzed query serves a whole page; what it learns from one article must not change the next.
  const parsed = parseQuery('مفاوضات روسيا');
  assert.ok(parsed.ok);
  const shared = analyzeQuery(parsed.query);
  const texts = [
    'قالت روسيا إن المفاوضات مستمرة في جنيف.',
    'لا شيء هنا عن الموضوع، سوى أن الروسي حضر والمفاوضون غابوا.',
    'والمفاوضات مع روسيا، وبالمفاوضات وحدها، تنتهي الحرب.',
  ];
  for (const text of [...texts, ...texts]) {
    assert.deepEqual(buildSnippet(text, shared), buildSnippet(text, analyzeQuery(parsed.query)));
  }
  assert.equal(marked(buildSnippet(texts[2]!, shared)), '[والمفاوضات] مع [روسيا]، [وبالمفاوضات] وحدها، تنتهي الحرب.');
});
