// How much a search box may ask for. Each query turns into one FTS5 (or tsquery) expression whose
// cost grows with its terms; past these sizes a reader is pasting text, not searching, and a clear
// message serves them better than a slow page. Checked before any real work is done.

/** Characters in the raw input. Vocalized Arabic takes about twice the characters of bare text. */
export const MAX_QUERY_CHARS = 500;
/** Words, phrases and filters together. */
export const MAX_TERMS = 32;
/** Words in one quoted phrase: a headline is rarely longer. */
export const MAX_PHRASE_WORDS = 12;
/** Index tokens over the whole query (a word like F-16 or و.م.ع gives several). */
export const MAX_QUERY_TOKENS = 64;
/** Characters in a `source:` or `tag:` value; the longest outlet names are about 40. */
export const MAX_FILTER_CHARS = 100;
