import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../context.ts';

export const BENCH_HELP = `marsad bench [--small]   run the benchmarks (the same as npm run bench); results go to bench/results/latest.json`;

export async function benchCommand(argv: string[], ctx: CommandContext): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) return ctx.out(BENCH_HELP), 0;
  const script = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...argv], { stdio: 'inherit' });
  return res.status ?? 1;
}
