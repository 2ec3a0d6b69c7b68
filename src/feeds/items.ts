/** What every adapter does with its items: cap them, skip broken ones with a warning, fill in ids. */
import type { FeedItem } from '../model/feed.ts';
import type { XmlElement } from './xml/tree.ts';
import { elements } from './xml/query.ts';

export function newItem(): FeedItem {
  return { authors: [], categories: [] };
}

/** Drop empty fields so the item prints cleanly, and fall back to the link for the id. */
function finish(item: FeedItem): FeedItem {
  if (!item.id && item.link) item.id = item.link;
  const out = { ...item } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (v === undefined || v === '') delete out[k];
  return out as unknown as FeedItem;
}

/**
 * Read every source into an item. `read` returns an item, or a sentence saying why the source was
 * skipped; a throw is reported the same way, so one bad item never costs the others.
 */
export function collectItems<T>(
  sources: readonly T[],
  read: (source: T) => FeedItem | string,
  max: number,
  warnings: string[],
): FeedItem[] {
  const items: FeedItem[] = [];
  for (let i = 0; i < sources.length; i++) {
    if (items.length >= max) {
      warnings.push(`the feed has ${sources.length} items; only the first ${max} were kept`);
      break;
    }
    try {
      const result = read(sources[i]!);
      if (typeof result === 'string') warnings.push(`item ${i + 1} skipped: ${result}`);
      else items.push(finish(result));
    } catch (err) {
      warnings.push(`item ${i + 1} skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return items;
}

/**
 * Why an XML item can't be trusted, or undefined when it can. An item cut off by the end of the
 * document, or whose title, link or id lost its end tag, would give a wrong title or link; broken
 * markup deeper down (a stray `<br>` in a description) costs only that field, so the item is kept.
 */
export function brokenItemReason(item: XmlElement, identifying: ReadonlySet<string>): string | undefined {
  if (item.unclosed) return 'its markup is truncated or not closed';
  for (const c of elements(item)) {
    if (c.unclosed && identifying.has(c.local)) return `its <${c.name}> is not closed`;
  }
  return undefined;
}
