import type { Story } from '../../model/index.ts';
import { outletCount } from './counts.ts';
import { RelativeTime } from './dates.tsx';

/** Outlet names shown beside a story before "and N more". */
const OUTLETS_SHOWN = 4;

/** The home page's top stories: headline, how many outlets tell it and which, when it last moved. */
export function TopStories({ stories, now, timeZone }: { stories: Story[]; now: Date; timeZone: string }) {
  if (stories.length === 0) return null;
  return (
    <section class="top-stories" aria-labelledby="top-stories-h">
      <h1 id="top-stories-h">أبرز الأخبار</h1>
      <ol class="stories">
        {stories.map((s) => {
          const names = s.outlets.map((o) => o.name).filter(Boolean);
          const shown = names.slice(0, OUTLETS_SHOWN);
          const more = names.length - shown.length;
          return (
            <li>
              <h2><a href={`/story/${s.id}`}>{s.headline}</a></h2>
              <div class="meta">
                <a href={`/story/${s.id}`}>{outletCount(s.outlet_count)}</a>
                <span>{shown.join('، ')}{more > 0 ? ` و${outletCount(more)} أخرى` : ''}</span>
                <RelativeTime iso={s.last_seen} now={now} timeZone={timeZone} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
