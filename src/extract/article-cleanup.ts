/**
 * Finishing the main-text subtree: boilerplate again (Readability restructures, and some boxes carry
 * no telling class), the headline repeated above the text, date and view-count lines at its edges,
 * and loose text wrapped into paragraphs so every block of the body is a block.
 */
import { findArabicDate } from '../arabic/dates.ts';
import { cleanArticle, removeEmpty } from './boilerplate.ts';
import {
  DATE_LINE_MAX_CHARS,
  DATE_LINE_MAX_WORDS,
  DATE_LINE_MAX_WORDS_WITHOUT_TIME,
  EDGE_BLOCKS,
  EDGE_LINKS_DENSITY,
  EDGE_LINKS_MAX_CHARS,
} from './boilerplate-words.ts';
import { linkDensity, removeNode, textOf } from './dom.ts';
import { parseMachineDate } from './machine-date.ts';
import { comparisonKey } from './text.ts';

/** Block-level tags: paragraphs are the leaves among these. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'pre', 'hr', 'form', 'fieldset', 'center', 'address',
]);
/** Containers whose loose inline content becomes paragraphs. */
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'td', 'center', 'form', 'blockquote']);

function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toLowerCase());
}

/** Leaf blocks in document order: the units a reader sees as paragraphs. */
export function leafBlocks(root: Element): Element[] {
  return Array.from(root.querySelectorAll('*')).filter(
    (el) => isBlock(el) && !Array.from(el.children).some(isBlock) && (el.textContent ?? '').trim() !== '',
  );
}

/** The headline printed again at the top of the text (and in Readability's output, often twice). */
function removeTitleRepeats(root: Element, title: string | null): void {
  if (!title) return;
  const key = comparisonKey(title);
  if (key === '') return;
  for (const el of leafBlocks(root)) {
    if (comparisonKey(textOf(el)) === key) removeNode(el);
  }
}

/** "الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2026-01-08 | 12:42", "November 9, 2020" above or below the text. */
function isDateLine(text: string): boolean {
  // A sentence that mentions a date ends with a full stop; a date line does not.
  if (text.length > DATE_LINE_MAX_CHARS || /[.!؟?]$/.test(text)) return false;
  const words = comparisonKey(text).split(' ').filter((w) => w !== '' && !/^\d+$/.test(w));
  const hasClock = /\d{1,2}:\d{2}/.test(text);
  if (words.length > (hasClock ? DATE_LINE_MAX_WORDS : DATE_LINE_MAX_WORDS_WITHOUT_TIME)) return false;
  const datePart = text.split('|')[0]!.trim();
  return parseMachineDate(datePart) !== null || findArabicDate(text) !== null;
}

/**
 * Date lines, and navigation left over from layout tables (a cell of section links), at the top and
 * bottom of the text.
 */
function removeEdgeResidue(root: Element): void {
  const blocks = leafBlocks(root);
  const edges = new Set([...blocks.slice(0, EDGE_BLOCKS), ...blocks.slice(-EDGE_BLOCKS)]);
  for (const el of edges) {
    const text = textOf(el);
    if (isDateLine(text) || (text.length <= EDGE_LINKS_MAX_CHARS && linkDensity(el) >= EDGE_LINKS_DENSITY)) removeNode(el);
  }
}

function isBr(n: Node): boolean {
  return n.nodeType === 1 && (n as Element).tagName.toLowerCase() === 'br';
}

function isBlank(n: Node): boolean {
  return n.nodeType === 3 && (n.textContent ?? '').trim() === '';
}

/**
 * Inline runs sitting directly in a container (text, links, bold) split at block children and at
 * double `<br>`, each run moved into a new `<p>`. Sanitizing later drops the container tags, and a run
 * outside any block would otherwise merge with its neighbours.
 */
export function wrapLooseText(root: Element): void {
  const doc = root.ownerDocument;
  const containers = [root, ...Array.from(root.querySelectorAll('*')).filter((el) => CONTAINER_TAGS.has(el.tagName.toLowerCase()))];
  for (const container of containers) {
    // Loose: text, or inline elements with text (links, bold), directly in the container.
    const loose = Array.from(container.childNodes).some(
      (n) => (n.nodeType === 3 && !isBlank(n)) || (n.nodeType === 1 && !isBlock(n) && !isBr(n) && (n.textContent ?? '').trim() !== ''),
    );
    if (!loose) continue;
    let run: Node[] = [];
    const flush = (before: Node | null): void => {
      // Line breaks and blanks at the edges of a run are the separators themselves.
      while (run.length > 0 && (isBr(run[0]!) || isBlank(run[0]!))) removeNode(run.shift()!);
      while (run.length > 0 && (isBr(run[run.length - 1]!) || isBlank(run[run.length - 1]!))) removeNode(run.pop()!);
      if (run.length > 0) {
        const p = doc.createElement('p');
        container.insertBefore(p, before);
        for (const n of run) p.appendChild(n);
      }
      run = [];
    };
    let brs = 0;
    for (const n of Array.from(container.childNodes)) {
      if (isBlock(n)) {
        flush(n);
        brs = 0;
      } else if (isBr(n)) {
        run.push(n);
        if (++brs >= 2) {
          flush(n.nextSibling);
          brs = 0;
        }
      } else {
        if (!isBlank(n)) brs = 0;
        run.push(n);
      }
    }
    flush(null);
  }
}

/** Cells of a table that hold paragraphs or headings: the table lays out a page, it is not data. */
function isLayoutTable(table: Element): boolean {
  return table.querySelector('td p, td div, td h1, td h2, td h3, td ul, td table, th p, th div') !== null;
}

/**
 * Layout tables (old portals put the whole page in one) become the plain content of their cells, in
 * order, so the body reads as paragraphs and not as one table cell. `root` itself may be the table.
 */
function unwrapLayoutTables(root: Element): void {
  const tables: Element[] = Array.from(root.querySelectorAll('table')).reverse();
  if (root.tagName.toLowerCase() === 'table') tables.push(root);
  for (const table of tables) {
    if (!isLayoutTable(table)) continue;
    const content: Node[] = [];
    for (const cell of Array.from(table.querySelectorAll('td, th'))) {
      // Cells of a nested table that is kept belong to that table.
      if (cell.closest('table') === table) content.push(...Array.from(cell.childNodes));
    }
    if (table === root) {
      while (root.firstChild) root.removeChild(root.firstChild);
      for (const n of content) root.appendChild(n);
    } else {
      for (const n of content) table.parentNode?.insertBefore(n, table);
      removeNode(table);
    }
  }
  // Rows and cells Readability lifted out of their table are unwrapped the same way.
  for (const part of Array.from(root.querySelectorAll('tbody, thead, tfoot, tr, td, th, caption')).reverse()) {
    if (part.closest('table')) continue;
    for (const n of Array.from(part.childNodes)) part.parentNode?.insertBefore(n, part);
    removeNode(part);
  }
}

/** Finish the main-text subtree in place. */
export function finishArticle(root: Element, title: string | null): void {
  unwrapLayoutTables(root);
  cleanArticle(root, title);
  removeTitleRepeats(root, title);
  wrapLooseText(root);
  removeEdgeResidue(root);
  removeEmpty(root);
}
