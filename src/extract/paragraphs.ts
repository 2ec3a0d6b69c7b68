/**
 * Plain-text paragraphs of sanitized article HTML, in order: one per block (paragraph, heading, list
 * item, quote, caption, table row), whitespace collapsed. Nested blocks each count once: the text of
 * an `<li>` before its inner `<p>` is its own paragraph.
 */
import { Parser } from 'htmlparser2';
import { collapseWhitespace } from './text.ts';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'caption', 'tr', 'pre', 'div', 'ul', 'ol', 'table', 'figure']);
/** Table cells are joined within their row. */
const CELLS = new Set(['td', 'th']);

export function htmlToParagraphs(html: string): string[] {
  const out: string[] = [];
  let buffer = '';
  let brs = 0;
  const flush = (): void => {
    const text = collapseWhitespace(buffer);
    if (text !== '') out.push(text);
    buffer = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (BLOCKS.has(name)) {
          flush();
          brs = 0;
        } else if (name === 'br') {
          // Two line breaks in a row separate paragraphs; one is a line break inside one.
          if (++brs >= 2) {
            flush();
            brs = 0;
          } else {
            buffer += ' ';
          }
        } else if (CELLS.has(name) || name === 'img') {
          buffer += ' ';
        }
      },
      ontext(text) {
        if (text.trim() !== '') brs = 0;
        buffer += text;
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return out;
}
