/** The demo newsroom's data: outlets we invented and articles we wrote ourselves. */

export type OutletId = 'nile' | 'sham' | 'khaleej' | 'maghreb' | 'rafidain' | 'wire' | 'quds';

export interface DemoArticle {
  /** ASCII path segment, unique within its outlet. */
  slug: string;
  outlet: OutletId;
  /** The real-world event the article is about (for clustering evaluation later). */
  event: string;
  title: string;
  lead: string;
  /** Body paragraphs after the lead, plain text. */
  paragraphs: string[];
  /** ISO 8601 with the offset the outlet prints, e.g. "2026-11-24T09:30:00+02:00". */
  published: string;
  updated?: string;
  author?: string;
  /** Section name in Arabic (سياسة، اقتصاد، رياضة…). */
  section: string;
  /** When this article republishes another outlet's text: that article's "outlet/slug". */
  copyOf?: string;
  /** Wire agency the text credits, when it credits one. */
  wire?: string;
}
