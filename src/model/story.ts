import type { TagType } from './tag.ts';

/** A main entity of a story: a tag key with the story's summed weight; name and type when the tag is known. */
export interface StoryEntity {
  key: string;
  weight: number;
  name?: string;
  type?: TagType;
}

/** An outlet that told a story. */
export interface StoryOutlet {
  id: number | null;
  name: string;
}

/**
 * A story as stored: the articles of several outlets about one event. Counts and first/last seen are
 * the store's own (syndicated copies included); headline and entities come from the clusterer.
 */
export interface Story {
  id: number;
  headline: string;
  headline_article_id: number | null;
  first_seen: string;
  last_seen: string;
  article_count: number;
  outlet_count: number;
  entities: StoryEntity[];
  /** The outlets, in the order they first reported it. */
  outlets: StoryOutlet[];
  updated_at: string;
}

/** What the story stage hands the store after each assignment. */
export interface StoryUpdate {
  id: number;
  headline: string;
  headline_article_id: number | null;
  entities: { key: string; weight: number }[];
}

/** A wire agency credited by a syndicated text. */
export interface WireCredit {
  code: string;
  name: string;
}
