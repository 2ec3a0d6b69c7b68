// Run by test/poll-limits.test.ts as a child process, so its memory is measured on its own: one crawl
// round over every source in the database (one source at a time, as a worker would meet them), then
// a JSON line with the results and the process's resident memory before the round and at its peak.
import { Fetcher } from '../src/fetch/index.ts';
import { silentLogger } from '../src/log/index.ts';
import { crawlDue } from '../src/pipeline/crawl.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: poll-limits-crawl.ts DB');

const store = SqliteStore.open(dbPath);
// Production limits on sizes and redirects; only the time limits are shortened so the test is quick.
// One retry, as in production, for a keep-alive connection the server closes just as it is reused.
const fetcher = new Fetcher({ allowPrivateAddresses: true, minHostDelayMs: 0, maxRetries: 1, retryBaseDelayMs: 50, headersTimeoutMs: 3_000, bodyTimeoutMs: 3_000 });
const rssBefore = process.memoryUsage().rss;
const results = await crawlDue({ store, fetcher, log: silentLogger }, { concurrency: 1, now: new Date(Date.now() + 86_400_000) });
await fetcher.close();
await store.close();
// maxRSS is in KiB: the high-water mark of the whole process, so no spike between samples is missed.
process.stdout.write(`${JSON.stringify({ results, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
