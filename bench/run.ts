import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: each benchmark in a child process (its own peak memory), results in
 * bench/results/latest.json. `--small` is the quick size CI uses to keep the benchmarks working;
 * `--out FILE` writes elsewhere; `--huge` runs the search benchmark on about 1M articles and the stories
 * benchmark at 30× (930k articles), both slow.
 */
const args = process.argv.slice(2);
const small = args.includes('--small');
const huge = args.includes('--huge');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : fileURLToPath(new URL('./results/latest.json', import.meta.url));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const NAMES = only.length ? only : ['extract', 'import', 'analyze', 'tag', 'search', 'stories', 'pages', 'workers'];
/** Benchmarks that run as several children, one per configuration, so each peak RSS is its own. */
const PARTS: Record<string, string[]> = {
  stories: small ? ['3x', 'exact'] : huge ? ['1x', '10x', '30x', 'exact'] : ['1x', '10x', 'exact'],
};

const child = fileURLToPath(new URL('./child.ts', import.meta.url));
const results: Record<string, unknown> = {};
let failed = false;
for (const name of NAMES) {
  const parts = PARTS[name];
  if (parts) {
    const byPart: Record<string, unknown> = {};
    for (const part of parts) byPart[part] = runChild(name, ['--part', part]);
    results[name] = byPart;
  } else results[name] = runChild(name, []);
}

function runChild(name: string, extra: string[]): unknown {
  const label = [name, ...extra.slice(1)].join(' ');
  process.stderr.write(`bench ${label}${small ? ' (small)' : ''}…\n`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', child, name, ...extra, ...(small ? ['--small'] : []), ...(huge ? ['--huge'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MARSAD_LOG: 'silent' } });
  const line = res.stdout.trim().split('\n').at(-1) ?? '';
  let result: unknown;
  try {
    result = JSON.parse(line);
  } catch {
    failed = true;
    result = { error: `exit ${res.status}`, output: res.stdout.slice(-500) };
  }
  process.stderr.write(`  ${JSON.stringify(result)}\n`);
  return result;
}
const report = { date: new Date().toISOString(), small, huge, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null, results };
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
process.stderr.write(`wrote ${out}\n`);
process.exit(failed ? 1 : 0);
