/** HTML page → clean article: metadata, main text, Arabic boilerplate removal, sanitized body. */
export { extractArticle, type ExtractOptions } from './extract-article.ts';
export type { ExtractedArticle } from '../model/article.ts';
export { htmlNestingDepth, MAX_HTML_DEPTH } from './nesting.ts';
