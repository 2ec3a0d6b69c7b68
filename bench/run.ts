import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: each benchmark in a child process (its own peak memory), results in
 * bench/results/latest.json. `--small` is the quick size CI uses to keep the benchmarks working;
 * `--out FILE` writes elsewhere; `--huge` runs the search benchmark on about 1M articles (slow).
 */
const args = process.argv.slice(2);
const small = args.includes('--small');
const huge = args.includes('--huge');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : fileURLToPath(new URL('./results/latest.json', import.meta.url));
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const NAMES = only.length ? only : ['extract', 'import', 'analyze', 'tag', 'search'];

const child = fileURLToPath(new URL('./child.ts', import.meta.url));
const results: Record<string, unknown> = {};
let failed = false;
for (const name of NAMES) {
  process.stderr.write(`bench ${name}${small ? ' (small)' : ''}…\n`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', child, name, ...(small ? ['--small'] : []), ...(huge ? ['--huge'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MARSAD_LOG: 'silent' } });
  const line = res.stdout.trim().split('\n').at(-1) ?? '';
  try {
    results[name] = JSON.parse(line);
  } catch {
    failed = true;
    results[name] = { error: `exit ${res.status}`, output: res.stdout.slice(-500) };
  }
  process.stderr.write(`  ${JSON.stringify(results[name])}\n`);
}
const report = { date: new Date().toISOString(), small, huge, node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? null, results };
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
process.stderr.write(`wrote ${out}\n`);
process.exit(failed ? 1 : 0);
