/** Plain text and HTML helpers shared by the adapters. */
import { decodeHTML } from 'entities';
import { tokenize } from './xml/tokens.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Their effect runs on past
 * the string: an unclosed RIGHT-TO-LEFT OVERRIDE in a title would reverse whatever a page shows after
 * it. The single marks (LRM, RLM, ALM) only affect their neighbours and are kept.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** C0 controls other than whitespace, which can still arrive escaped in a JSON Feed ("\\u0000"). */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Collapse runs of whitespace (including the no-break spaces `&nbsp;` leaves) to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** Elements whose text is never shown, and elements that separate words when rendered. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'figure', 'figcaption', 'hr', 'table', 'dd', 'dt']);

/** The text a reader would see in an HTML fragment, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  let out = '';
  let hidden = 0;
  tokenize(html, false, {
    openTag(name, _attrs, _start, _end, selfClosing) {
      if (HIDDEN.has(name) && !selfClosing) hidden++;
      if (BREAKS.has(name)) out += ' ';
    },
    closeTag(name) {
      if (HIDDEN.has(name) && hidden > 0) hidden--;
      if (BREAKS.has(name)) out += ' ';
    },
    text(text, cdata) {
      if (hidden === 0) out += cdata ? text : decodeHTML(text);
    },
  });
  return collapseWhitespace(out);
}

/**
 * True when a string from a field that is "text" in theory (an RSS title) holds markup or
 * entities in practice — escaped tags like `&lt;b&gt;` arrive here already unescaped once.
 */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text);
}

/** A title-like field as plain text: markup removed when it looks like HTML, entities decoded. */
export function toPlainText(value: string, isHtml = looksLikeHtml(value)): string {
  return isHtml ? htmlToText(value) : collapseWhitespace(value);
}
