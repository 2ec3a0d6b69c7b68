/**
 * Finding a document's character encoding, in the order browsers trust: byte-order mark, the HTTP
 * Content-Type header, then what the document says of itself (`<meta charset>`, the http-equiv form,
 * or the XML prolog). Arabic outlets still serve windows-1256 and ISO-8859-6 pages, often with a header
 * that disagrees with the page; the BOM and header win, as in the WHATWG encoding sniffing algorithm.
 */

/** How many leading bytes to scan for a declaration (the HTML spec prescans 1024; feeds put it first too). */
const PRESCAN_BYTES = 2048;

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

export function sniffBom(bytes: Uint8Array): string | null {
  for (const [bom, label] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return label;
  }
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The charset a document declares in its first bytes: XML prolog, `<meta charset>` or http-equiv. */
export function charsetFromDocument(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return meta[1].toLowerCase();
  return null;
}

/** True when TextDecoder knows the label. */
function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  charset: string;
}

/**
 * Decode a body. `contentType` is the HTTP header when there was one. An unknown or missing
 * declaration falls back to UTF-8, and invalid bytes become U+FFFD instead of failing the page.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const bom = sniffBom(bytes);
  const candidates = [bom, charsetFromContentType(contentType), charsetFromDocument(bytes)];
  let charset = 'utf-8';
  for (const c of candidates) {
    if (c && supported(c)) {
      charset = normalizeLabel(c);
      break;
    }
  }
  // A page declared as UTF-8 in its <meta> but really windows-1256 is common enough that we check:
  // when strict UTF-8 decoding fails and nothing but the document itself named the charset, try 1256.
  if (charset === 'utf-8' && !bom && !charsetFromContentType(contentType)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), charset };
    } catch {
      return { text: new TextDecoder('windows-1256').decode(bytes), charset: 'windows-1256' };
    }
  }
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

function normalizeLabel(label: string): string {
  // TextDecoder's canonical name, so callers compare one spelling ("cp1256" → "windows-1256").
  return new TextDecoder(label).encoding;
}
