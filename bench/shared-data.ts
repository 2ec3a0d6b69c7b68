import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The evaluation data beside the checkout (../shared); benchmarks skip what is not there. */
export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));

export function sharedPath(relative: string): string | null {
  const path = SHARED_DIR + relative;
  return existsSync(path) ? path : null;
}
