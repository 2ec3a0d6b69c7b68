// The public surface of src/stories: fingerprints, the near-duplicate index, copy detection and
// wire-agency credits; online story clustering and related stories.
export {
  SHINGLE_WIDTH,
  SIGNATURE_LENGTH,
  FingerprintFormatError,
  deserializeFingerprint,
  estimateJaccard,
  fingerprint,
  fingerprintFromBase64,
  fingerprintToBase64,
  serializeFingerprint,
  type Fingerprint,
} from './fingerprint.ts';
export { NearDupIndex, type CandidateFilter, type NearDupCandidate, type NearDupIndexOptions } from './near-dup-index.ts';
export {
  EXACT_JACCARD,
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  SHORT_JACCARD,
  createCopyIndex,
  detectCopy,
  findOriginal,
  matchCopies,
  prepareArticle,
  type CopyArticle,
  type CopyIndex,
  type CopyMatch,
  type CopyMeta,
  type OriginalFound,
  type PreparedArticle,
} from './copies.ts';
export { SHORT_TEXT_WORDS, statesSameFacts } from './short-text.ts';
export { detectWireAgency, type WireAgency, type WireAgencyCode } from './wire-agencies.ts';
export {
  DEFAULT_CLUSTER_OPTIONS,
  JOIN_THRESHOLD,
  RETAIN_DAYS,
  WINDOW_DAYS,
  StoryClusterer,
  type AddResult,
  type ArticleFeatures,
  type ClusterOptions,
  type ClustererState,
} from './cluster.ts';
export { Story, type StoryState, type StorySummary } from './cluster-story.ts';
export {
  DocumentFrequencies,
  InvalidArticleTimeError,
  analyzeForStories,
  entityVector,
  weighTerms,
  type AnalyzedArticle,
  type StoryArticle,
  type WeightedEntity,
} from './features.ts';
export { RELATED_DAYS, RELATED_LIMIT, relatedStories, type RelatedOptions, type RelatedStory } from './related.ts';
