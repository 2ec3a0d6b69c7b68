import type { TagType } from '../../model/index.ts';

/** How a tag's type reads in Arabic, beside its name. */
export const TAG_TYPE_LABELS: Record<TagType, string> = {
  person: 'شخص',
  place: 'مكان',
  organization: 'منظمة',
  keyword: 'موضوع',
  other: 'كيان',
};

/**
 * The tag page's path. The key is percent-encoded as a path segment (Arabic keys included), except
 * for ':', which paths allow, so gazetteer keys read well: /tag/country:JO.
 */
/** A section's page (src/categories). */
export function categoryPath(key: string): string {
  return `/category/${key}`;
}

export function tagPath(key: string): string {
  return `/tag/${encodeURIComponent(key).replace(/%3A/gi, ':')}`;
}

/** Counted nouns moved to counts.ts, shared with the story pages; re-exported for the tag pages. */
export { articleCount } from './counts.ts';

export interface TagLink {
  name: string;
  type: TagType;
  href: string;
}

/** An article's tags as links to their pages, each with its type in a quieter voice. */
export function TagList({ tags }: { tags: TagLink[] }) {
  return (
    <ul class="tags">
      {tags.map((t) => (
        <li>
          <a href={t.href}>{t.name} <small class="tag-type">{TAG_TYPE_LABELS[t.type]}</small></a>
        </li>
      ))}
    </ul>
  );
}
