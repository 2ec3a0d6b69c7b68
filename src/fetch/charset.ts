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

/** Single-byte encodings that a UTF-8 body is often mislabelled as. */
const SINGLE_BYTE = /^(windows-12\d\d|iso-8859-\d+|koi8-[ru]|ibm866|macintosh)$/;

/**
 * Decode a body. `contentType` is the HTTP header when there was one. An unknown or missing
 * declaration falls back to UTF-8, and invalid bytes become U+FFFD instead of failing the page.
 * Declarations are often wrong, so two mislabellings are corrected from the bytes themselves:
 * Arabic windows-1256 labelled (or defaulted to) UTF-8, and UTF-8 labelled as a single-byte
 * encoding. Neither can happen by accident: Arabic letters in windows-1256 (0xC1–0xFE) are UTF-8
 * lead bytes that need continuation bytes after them, and valid multi-byte UTF-8 read as
 * windows-1256 would be letter pairs like "ط§" that no Arabic text contains.
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
  if (bom) return { text: new TextDecoder(charset).decode(bytes), charset };
  if (charset === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset };
    } catch {
      const text = new TextDecoder('utf-8').decode(bytes);
      // A stray bad byte in a UTF-8 page stays a U+FFFD; mostly-invalid bytes are windows-1256.
      return mostlyInvalid(text) ? { text: new TextDecoder('windows-1256').decode(bytes), charset: 'windows-1256' } : { text, charset };
    }
  }
  if (SINGLE_BYTE.test(charset) && isMultiByteUtf8(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
  }
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

/** More U+FFFD than correctly decoded non-ASCII characters. */
function mostlyInvalid(text: string): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  return bad > good;
}

/** Valid UTF-8 with at least one multi-byte character. */
function isMultiByteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function normalizeLabel(label: string): string {
  // TextDecoder's canonical name, so callers compare one spelling ("cp1256" → "windows-1256").
  return new TextDecoder(label).encoding;
}
