/**
 * Entity decoding for feed XML. We decode with the HTML5 table in strict mode (semicolon required),
 * because real RSS uses `&nbsp;` and `&eacute;` without declaring them; XML's five and numeric
 * references are part of that table. Entities a DTD declares are never expanded (see doctype.ts):
 * they stay as written and are reported, as are names nobody defines and bare ampersands.
 */
import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = ['amp', 'lt', 'gt', 'quot', 'apos'];
const BARE_AMPERSAND = /&(?!#\d+;|#x[0-9a-f]+;|[a-z_][\w.:-]*;)/i;
const NAMED_REFERENCE = /&([A-Za-z_][\w.:-]*);/g;

export interface EntityDecoder {
  decode(raw: string): string;
  /** What the document got wrong, once per kind and name. */
  warnings(): string[];
}

/** A decoder for one document; `declared` are the entity names its DTD declares. */
export function entityDecoder(declared: ReadonlySet<string>): EntityDecoder {
  const checked = new Set(XML_ENTITIES);
  const unexpanded: string[] = [];
  const undefinedNames: string[] = [];
  let bareAmpersand = false;
  return {
    decode(raw) {
      if (!raw.includes('&')) return raw;
      if (!bareAmpersand) bareAmpersand = BARE_AMPERSAND.test(raw);
      for (const m of raw.matchAll(NAMED_REFERENCE)) {
        const name = m[1]!;
        if (checked.has(name)) continue;
        checked.add(name);
        if (declared.has(name)) unexpanded.push(name);
        else if (decodeHTMLStrict(m[0]) === m[0]) undefinedNames.push(name);
      }
      return decodeHTMLStrict(raw);
    },
    warnings() {
      return [
        ...unexpanded.map((n) => `entity &${n}; is declared in the DTD and was not expanded`),
        ...undefinedNames.map((n) => `entity &${n}; is not defined and was left as written`),
        ...(bareAmpersand ? ['the document has an unescaped "&" (not well-formed XML; read anyway)'] : []),
      ];
    },
  };
}
