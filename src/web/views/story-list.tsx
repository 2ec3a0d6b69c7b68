import type { Article, Story } from '../../model/index.ts';
import { articleCount, outletCount } from './counts.ts';
import { RelativeTime } from './dates.tsx';

/** Outlet names shown beside a story before "and N more". */
const OUTLETS_SHOWN = 5;

/** The outlets that told a story, in the order they first reported it, each linked to its page. */
export function Outlets({ story }: { story: Story }) {
  const named = story.outlets.filter((o) => o.name);
  const shown = named.slice(0, OUTLETS_SHOWN);
  const more = named.length - shown.length;
  if (shown.length === 0) return null;
  return (
    <ul class="outlets" aria-label="المصادر">
      {shown.map((o) => <li>{o.id !== null ? <a href={`/source/${o.id}`}><bdi>{o.name}</bdi></a> : <bdi>{o.name}</bdi>}</li>)}
      {more > 0 ? <li class="more">و{outletCount(more)} أخرى</li> : null}
    </ul>
  );
}

/** One story in a list: headline to its coverage page, how many outlets and which, when it last moved. */
function StoryItem({ story, now, timeZone, lead, level }: { story: Story; now: Date; timeZone: string; lead?: Article | null; level: 2 | 3 }) {
  const href = `/story/${story.id}`;
  const headline = <a href={href}>{story.headline}</a>;
  return (
    <li class={lead ? 'story lead-story' : 'story'}>
      {level === 2 ? <h2>{headline}</h2> : <h3>{headline}</h3>}
      {lead?.lead ? <p class="lead">{lead.lead}</p> : null}
      <div class="meta">
        {story.outlet_count > 1 ? <a class="count" href={href}>{outletCount(story.outlet_count)}</a> : null}
        {story.article_count > story.outlet_count ? <span>{articleCount(story.article_count)}</span> : null}
        <RelativeTime iso={story.last_seen} now={now} timeZone={timeZone} />
      </div>
      <Outlets story={story} />
    </li>
  );
}

/**
 * The home page's top stories, ranked by outlet count and freshness (store/story-rank.ts). The first
 * is shown larger, with its headline article's lead.
 */
export function TopStories({ stories, lead, now, timeZone }: { stories: Story[]; lead?: Article | null; now: Date; timeZone: string }) {
  if (stories.length === 0) return null;
  return (
    <section class="top-stories" aria-labelledby="top-stories-h">
      <h2 id="top-stories-h">أبرز القصص</h2>
      <ol class="stories">
        {stories.map((s, i) => <StoryItem story={s} lead={i === 0 ? lead : null} now={now} timeZone={timeZone} level={3} />)}
      </ol>
    </section>
  );
}

/** /stories: every story, the most recently updated first. */
export function StoryList({ stories, now, timeZone }: { stories: Story[]; now: Date; timeZone: string }) {
  if (stories.length === 0) return <p class="empty">لا قصص بعد. تتكوّن القصص حين تنشر عدة مواقع عن الحدث نفسه.</p>;
  return (
    <ol class="stories list">
      {stories.map((s) => <StoryItem story={s} now={now} timeZone={timeZone} level={2} />)}
    </ol>
  );
}
