export type { FeedItem, FeedFormat, ParsedFeed } from './feed.ts';
export type { ExtractedArticle, Article, ArticleHeadline, NewArticle } from './article.ts';
export type { Source, NewSource, SourceKind } from './source.ts';
export type { TagType, TagInfo, ArticleTag } from './tag.ts';
export type { Story, StoryEntity, StoryOutlet, StoryUpdate, WireCredit } from './story.ts';
