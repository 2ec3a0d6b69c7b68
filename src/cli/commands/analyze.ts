import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { findArabicDate } from '../../arabic/dates.ts';
import { findEntities, tagArticle } from '../../tags/index.ts';
import { type CommandContext, parseCommandArgs } from '../context.ts';
import { CommandError, UsageError } from '../errors.ts';

export const ANALYZE_HELP = `marsad analyze [--file F]       article text (first line the title; stdin without --file) → JSON: tags, entities, date
marsad analyze --jsonl FILE     one {id, title?, body} a line → one {id, tags, entities: [{text, type, start, end}]} a line`;

/** What the analyzer says of one article; entity offsets are into `body`. */
function analyzeArticle(title: string, body: string) {
  const tags = tagArticle({ title, text: body }).map((t) => ({ name: t.name, type: t.type, id: t.id, weight: +t.weight.toFixed(3) }));
  const entities = findEntities(body).map((m) => ({ text: m.text, type: m.type, id: m.id, name: m.name, start: m.start, end: m.end }));
  return { tags, entities };
}

export async function analyzeCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { file: { type: 'string' }, jsonl: { type: 'string' } }, false);
  if (values.help) return ctx.out(ANALYZE_HELP), 0;
  if (values.jsonl) return analyzeJsonl(values.jsonl, ctx);
  let text: string;
  try {
    text = readFileSync(values.file ?? 0, 'utf8');
  } catch (err) {
    const reason = `cannot read ${values.file ?? 'standard input'}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    // A missing file is bad usage; standard input that cannot be read is a failure.
    throw values.file ? new UsageError(reason) : new CommandError(reason);
  }
  const [first = '', ...rest] = text.replace(/^\uFEFF/, '').split('\n');
  const title = first.trim();
  const body = rest.join('\n').trim();
  if (!title && !body) throw new UsageError('marsad analyze needs an article: its title on the first line, its text after it');
  const date = findArabicDate(text);
  ctx.out(JSON.stringify({ title, ...analyzeArticle(title, body), date: date?.iso ?? null }));
  return 0;
}

async function analyzeJsonl(path: string, ctx: CommandContext): Promise<number> {
  let input: NodeJS.ReadableStream;
  try {
    readFileSync(path, { flag: 'r' }).length; // fail early and clearly on a missing file
    input = createReadStream(path);
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (path.endsWith('.gz')) input = input.pipe(createGunzip());
  let failures = 0;
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as { id?: unknown; title?: unknown; body?: unknown };
      if (typeof record.body !== 'string') throw new Error('no body');
      const title = typeof record.title === 'string' ? record.title : '';
      ctx.out(JSON.stringify({ id: record.id ?? null, ...analyzeArticle(title, record.body) }));
    } catch (err) {
      // A bad line is reported in place and the rest go on.
      failures++;
      ctx.out(JSON.stringify({ line: n, error: err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message }));
    }
  }
  return failures === 0 ? 0 : 1;
}
