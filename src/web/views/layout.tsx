import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  description?: string;
  /** Absolute URL of this page as search engines should index it. */
  canonical?: string;
  /** Feeds of this page, announced to browsers and feed readers. */
  feeds?: FeedLink[];
  /** e.g. 'noindex' for search results, which are endless and change by the minute. */
  robots?: string;
  /** OpenGraph and Twitter card fields, for pages people share (article, story, tag). */
  share?: ShareMeta;
  /** Neighbouring pages of a paged list, announced as <link rel=prev|next>. */
  pager?: { prev?: string | null; next?: string | null };
  children: Child;
}

export interface FeedLink {
  title: string;
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml';
}

export interface ShareMeta {
  type: 'article' | 'website';
  /** Absolute. */
  url: string;
  image?: string | null;
  /** ISO instants, for og:type article. */
  published?: string | null;
  modified?: string | null;
  section?: string | null;
  tags?: string[];
}

const SITE_NAME = 'مرصد';

/** Feeds of the whole site: every page offers them, so a feed reader finds them from anywhere. */
export const SITE_FEEDS: FeedLink[] = [
  { title: 'مرصد: آخر الأخبار (RSS)', href: '/rss', type: 'application/rss+xml' },
  { title: 'مرصد: آخر الأخبار (Atom)', href: '/atom', type: 'application/atom+xml' },
];

// The parts of the frame that never change, rendered once when the module loads: every page pays
// for its own content only.
const HEAD_END = raw(String(
  <>
    <meta name="color-scheme" content="light dark" />
    <meta name="theme-color" content="#0b5d4b" />
    <link rel="preload" href="/static/fonts/plex-400.woff2" as="font" type="font/woff2" crossorigin="anonymous" />
    <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/static/site.css" />
  </>,
));

const SITE_HEADER = raw(String(
  <>
    <a class="skip" href="#main">تخطَّ إلى المحتوى</a>
    <header class="site">
      <div class="bar">
        <a class="brand" href="/" aria-label="مرصد: الصفحة الرئيسية"><span class="mark" aria-hidden="true" />مرصد</a>
        <nav aria-label="الأقسام">
          <a href="/">الرئيسية</a>
          <a href="/stories">القصص</a>
          <a href="/sources">المصادر</a>
        </nav>
        <form class="site-search" action="/search" method="get" role="search">
          <input type="search" name="q" aria-label="ابحث في الأخبار" placeholder="ابحث في الأخبار" maxlength={500} dir="auto" />
          <button type="submit">بحث</button>
        </form>
      </div>
    </header>
  </>,
));

const SITE_FOOTER = raw(String(
  <footer class="site">
    <p>مرصد: مجمّع أخبار عربي مفتوح المصدر. لكل خبر رابط إلى مصدره الأصلي.</p>
    <nav aria-label="روابط الموقع">
      <a href="/rss" type="application/rss+xml">خلاصة RSS</a>
      <a href="/atom" type="application/atom+xml">خلاصة Atom</a>
      <a href="/sitemap.xml">خريطة الموقع</a>
      <a href="/api/v1/openapi.json">الواجهة البرمجية</a>
    </nav>
  </footer>,
));

/** Every page's frame: Arabic, right to left, landmarks for screen readers, no client script. */
export function Layout({ title, description, canonical, feeds, robots, share, pager, children }: LayoutProps) {
  const fullTitle = title === SITE_NAME ? title : `${title} | ${SITE_NAME}`;
  // Without the doctype browsers render in quirks mode (other box sizes, form margins, line heights).
  return (
    <>
    {raw('<!DOCTYPE html>')}
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {robots ? <meta name="robots" content={robots} /> : null}
        {pager?.prev ? <link rel="prev" href={pager.prev} /> : null}
        {pager?.next ? <link rel="next" href={pager.next} /> : null}
        {(feeds ?? SITE_FEEDS).map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
        {share ? <ShareTags title={title} description={description} share={share} /> : null}
        {HEAD_END}
      </head>
      <body>
        {SITE_HEADER}
        <main id="main" tabindex={-1}>{children}</main>
        {SITE_FOOTER}
      </body>
    </html>
    </>
  );
}

/** OpenGraph (ogp.me) and Twitter card tags: what a link preview shows. */
function ShareTags({ title, description, share }: { title: string; description?: string; share: ShareMeta }) {
  return (
    <>
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:locale" content="ar_AR" />
      <meta property="og:type" content={share.type} />
      <meta property="og:title" content={title} />
      {description ? <meta property="og:description" content={description} /> : null}
      <meta property="og:url" content={share.url} />
      {share.image ? <meta property="og:image" content={share.image} /> : null}
      {share.published ? <meta property="article:published_time" content={share.published} /> : null}
      {share.modified ? <meta property="article:modified_time" content={share.modified} /> : null}
      {share.section ? <meta property="article:section" content={share.section} /> : null}
      {(share.tags ?? []).map((t) => <meta property="article:tag" content={t} />)}
      <meta name="twitter:card" content={share.image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={title} />
      {description ? <meta name="twitter:description" content={description} /> : null}
      {share.image ? <meta name="twitter:image" content={share.image} /> : null}
    </>
  );
}
