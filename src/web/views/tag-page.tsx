import type { ArticleHeadline, TagInfo } from '../../model/index.ts';
import { ArticleList } from './article-list.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import { TAG_TYPE_LABELS, articleCount } from './tags.tsx';

export interface TagPageData {
  tag: TagInfo;
  articles: ArticleHeadline[];
  total: number;
  page: number | null;
  links: { prev: string | null; next: string | null; first: string | null };
  /** Site-relative path of the page (/tag/…), for the feeds. */
  path: string;
  /** Absolute URL of this page (?page=N past the first). */
  canonical: string;
  now: Date;
  timeZone: string;
}

/** A tag's page: its name, what it is, how many articles carry it, the latest of them, its feeds. */
export function TagPage({ tag, ...rest }: TagPageData) {
  return <NamedListPage name={tag.name} kind={TAG_TYPE_LABELS[tag.type]} description={`آخر الأخبار عن ${tag.name} من المواقع الإخبارية العربية`} {...rest} />;
}

export type NamedListPageData = Omit<TagPageData, 'tag' | 'total'> & {
  name: string;
  /** What the name is: "شخص", "مكان", "قسم"… */
  kind: string;
  description: string;
  /** How many articles the list holds, when counted. */
  total?: number;
};

/** A page listing the latest articles under one name (a tag, a section), with its feeds and pager. */
export function NamedListPage({ name, kind, description, total, articles, page, links, path, canonical, now, timeZone }: NamedListPageData) {
  const rss = `${path}/rss`;
  const atom = `${path}/atom`;
  return (
    <Layout
      title={page !== null && page > 1 ? `${name}، الصفحة ${page}` : name}
      description={description}
      canonical={canonical}
      share={{ type: 'website', url: canonical }}
      pager={links}
      feeds={[
        { title: `${name} (RSS)`, href: rss, type: 'application/rss+xml' },
        { title: `${name} (Atom)`, href: atom, type: 'application/atom+xml' },
      ]}
    >
      <header class="page-head tag-head">
        <h1>{name}</h1>
        <p class="meta">
          <span class="tag-type">{kind}</span>
          {total === undefined ? null : <span>{articleCount(total)}</span>}
        </p>
        <p class="meta feeds">
          تابع آخر أخباره: <a href={rss} type="application/rss+xml">RSS</a> <a href={atom} type="application/atom+xml">Atom</a>
        </p>
      </header>
      <ArticleList articles={articles} now={now} timeZone={timeZone} />
      <Pager page={page} {...links} newer="أخبار أحدث" older="أخبار أقدم" />
    </Layout>
  );
}
