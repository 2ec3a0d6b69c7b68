import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type CommandContext, parseCommandArgs } from '../context.ts';

export const BENCH_HELP = `marsad bench [--small]   run the benchmarks (the same as npm run bench); results go to bench/results/latest.json`;

export async function benchCommand(argv: string[], ctx: CommandContext): Promise<number> {
  // Checked here so a mistyped flag is bad usage, not a benchmark run that records a failure.
  const { values, positionals } = parseCommandArgs(argv, { small: { type: 'boolean' }, huge: { type: 'boolean' }, out: { type: 'string' } });
  if (values.help) return ctx.out(BENCH_HELP), 0;
  const flags = [...(values.small ? ['--small'] : []), ...(values.huge ? ['--huge'] : []), ...(values.out ? ['--out', values.out] : [])];
  const script = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...positionals, ...flags], { stdio: 'inherit' });
  return res.status ?? 1;
}
