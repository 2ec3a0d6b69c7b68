import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  description?: string;
  canonical?: string;
  /** Feeds of this page, announced to browsers and feed readers. */
  feeds?: FeedLink[];
  /** e.g. 'noindex' for search results, which are endless and change by the minute. */
  robots?: string;
  children: Child;
}

export interface FeedLink {
  title: string;
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml';
}

/** Every page's frame: Arabic, right to left, landmarks for screen readers, no client script. */
export function Layout({ title, description, canonical, feeds, robots, children }: LayoutProps) {
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === 'مرصد' ? title : `${title} | مرصد`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {robots ? <meta name="robots" content={robots} /> : null}
        {(feeds ?? []).map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
        <meta name="color-scheme" content="light dark" />
        <link rel="preload" href="/static/fonts/plex-400.woff2" as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body>
        <a class="skip" href="#main">تخطَّ إلى المحتوى</a>
        <header class="site">
          <div class="bar">
            <a class="brand" href="/">مرصد</a>
            <nav aria-label="الأقسام">
              <a href="/">آخر الأخبار</a>
              <a href="/sources">المصادر</a>
            </nav>
            <form class="site-search" action="/search" method="get" role="search">
              <input type="search" name="q" aria-label="ابحث في الأخبار" placeholder="ابحث في الأخبار" maxlength={500} dir="auto" />
              <button type="submit">بحث</button>
            </form>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <p>مرصد: مجمّع أخبار عربي مفتوح المصدر. لكل خبر رابط إلى مصدره الأصلي.</p>
        </footer>
      </body>
    </html>
  );
}
