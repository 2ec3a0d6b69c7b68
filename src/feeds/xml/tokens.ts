/**
 * Markup tokens from htmlparser2's Tokenizer, without its Parser. The Parser keeps its element
 * stack with `Array.unshift`, which makes nesting cost quadratic time: 100,000 nested tags took
 * ten seconds, and a 20 MB feed could hold millions. Callers keep their own stacks instead.
 * Entities are not decoded here; callers decode with the table that fits (XML, or HTML).
 */
import { Tokenizer } from 'htmlparser2';

export interface TokenHandler {
  /** `start` is the index of `<`, `end` the index of `>`. */
  openTag?(name: string, attrs: Record<string, string>, start: number, end: number, selfClosing: boolean): void;
  closeTag?(name: string): void;
  text?(text: string, cdata: boolean): void;
}

/** Run the tokenizer over `source` in XML or HTML mode. */
export function tokenize(source: string, xmlMode: boolean, handler: TokenHandler): void {
  let name = '';
  let start = 0;
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const tokenizer = new Tokenizer(
    { xmlMode, decodeEntities: false },
    {
      onopentagname(from, to) {
        name = xmlMode ? source.slice(from, to) : source.slice(from, to).toLowerCase();
        start = from - 1;
        attrs = {};
      },
      onattribname(from, to) {
        attrName = source.slice(from, to);
        if (!xmlMode) attrName = attrName.toLowerCase();
      },
      onattribdata(from, to) {
        attrValue += source.slice(from, to);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue;
        attrValue = '';
      },
      onopentagend(end) {
        handler.openTag?.(name, attrs, start, end, false);
      },
      onselfclosingtag(end) {
        handler.openTag?.(name, attrs, start, end, true);
      },
      onclosetag(from, to) {
        handler.closeTag?.(xmlMode ? source.slice(from, to) : source.slice(from, to).toLowerCase());
      },
      ontext(from, to) {
        handler.text?.(source.slice(from, to), false);
      },
      ontextentity(codepoint) {
        handler.text?.(String.fromCodePoint(codepoint), false);
      },
      oncdata(from, to, offset) {
        handler.text?.(source.slice(from, to - offset), true);
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(source);
  tokenizer.end();
}
