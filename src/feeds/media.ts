/** Finding an item's lead photo, wherever the outlet's CMS put it. */
import type { XmlElement } from './xml/tree.ts';
import { attr, childrenNamed, elements, inNamespace, textOf } from './xml/query.ts';

/** Namespaces of the feed's own elements (RSS 0.9x/2.0, RSS 1.0, Atom). */
const OWN = ['', 'rss', 'atom'];

const IMAGE_TYPE = /^image\//i;
const IMAGE_FILE = /\.(jpe?g|png|gif|webp|avif)(\?|#|$)/i;

/**
 * The item's picture: Media RSS content or thumbnail, an image enclosure (RSS or Atom), an iTunes
 * image, or the `<image>` child some Arabic CMSs add to items. Outlets put the lead photo in any.
 */
export function imageOf(item: XmlElement): string | undefined {
  const candidates: XmlElement[] = [];
  const gather = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.ns === 'media' && c.local === 'group') gather(c);
      else candidates.push(c);
    }
  };
  gather(item);
  for (const c of candidates) {
    const url = attr(c, 'url');
    if (c.ns === 'media' && c.local === 'content' && url) {
      const medium = attr(c, 'medium') ?? '';
      if (medium === 'image' || IMAGE_TYPE.test(attr(c, 'type') ?? '') || (!medium && IMAGE_FILE.test(url))) return url;
    }
    if (c.ns === 'media' && c.local === 'thumbnail' && url) return url;
    if (inNamespace(c, OWN) && c.local === 'enclosure' && url && (IMAGE_TYPE.test(attr(c, 'type') ?? '') || IMAGE_FILE.test(url))) return url;
    if (c.ns === 'itunes' && c.local === 'image' && attr(c, 'href')) return attr(c, 'href');
    // Atom: <link rel="enclosure" type="image/jpeg" href="…"/>
    const href = attr(c, 'href');
    if (c.ns === 'atom' && c.local === 'link' && attr(c, 'rel') === 'enclosure' && href && IMAGE_TYPE.test(attr(c, 'type') ?? '')) return href;
    if (inNamespace(c, OWN) && c.local === 'image') {
      const inner = childrenNamed(c, OWN, 'url')[0];
      const text = (inner ? textOf(inner) : textOf(c)).trim();
      if (/^(https?:)?\/\//i.test(text) || text.startsWith('/')) return text;
    }
  }
  return undefined;
}
