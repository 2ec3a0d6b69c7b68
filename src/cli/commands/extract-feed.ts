import { readFileSync } from 'node:fs';
import { extractArticle } from '../../extract/index.ts';
import { parseFeed } from '../../feeds/index.ts';
import { decodeBody, Fetcher } from '../../fetch/index.ts';
import { type CommandContext, parseCommandArgs } from '../context.ts';
import { CommandError, UsageError } from '../errors.ts';

export const EXTRACT_HELP = `marsad extract --file PAGE.html [--url URL] | --url URL [--allow-private]
  Print the article a page holds as JSON: title, published_at, authors, body, paragraphs, source,
  canonical_url, image, lang, dir.`;

export const FEED_HELP = `marsad feed FILE…
  Parse feeds or sitemaps; print one JSON line per file (an {file, error} line for a file that cannot be
  parsed), and go on with the next.`;

export async function extractCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { file: { type: 'string' }, url: { type: 'string' }, 'allow-private': { type: 'boolean' } }, false);
  if (values.help) return ctx.out(EXTRACT_HELP), 0;
  let html: string;
  let url = values.url;
  if (values.file) {
    html = decodeBody(readBytes(values.file), null).text;
    url ??= 'file:///' + values.file.replace(/^\/+/, '');
  } else if (url) {
    if (!/^https?:\/\//i.test(url)) throw new UsageError('--url must be an http(s) URL');
    const fetcher = new Fetcher({ allowPrivateAddresses: values['allow-private'] || ctx.settings.allowPrivateAddresses });
    try {
      const res = await fetcher.fetch({ url });
      html = res.text();
      url = res.url;
    } catch (err) {
      throw new CommandError(`cannot fetch ${url}: ${(err as Error).message}`, { cause: err });
    } finally {
      await fetcher.close();
    }
  } else {
    throw new UsageError('marsad extract needs --file PAGE.html or --url URL');
  }
  const article = extractArticle(html, { url });
  ctx.out(JSON.stringify(article));
  return 0;
}

export async function feedCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { url: { type: 'string' } });
  if (values.help) return ctx.out(FEED_HELP), 0;
  if (positionals.length === 0) throw new UsageError('marsad feed needs one or more feed or sitemap files');
  let failures = 0;
  for (const file of positionals) {
    try {
      const feed = parseFeed(readBytes(file), { url: values.url });
      ctx.out(JSON.stringify({ file, ...feed }));
    } catch (err) {
      failures++;
      ctx.out(JSON.stringify({ file, error: (err as Error).message, code: (err as { code?: string }).code ?? 'unreadable' }));
    }
  }
  // Every file was reported; the exit code says whether all of them parsed.
  return failures === 0 ? 0 : 1;
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
