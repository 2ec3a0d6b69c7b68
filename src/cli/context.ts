import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadSettings, type Settings } from '../config/settings.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { UsageError } from './errors.ts';

/** Options every command takes (DESIGN.md, command line). */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export interface CommandContext {
  settings: Settings;
  log: Logger;
  out: (line: string) => void;
}

/** node:util parseArgs in strict mode, turning its errors into usage errors. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** Open the store the flags or settings name. PostgreSQL arrives with a later release. */
export function openStore(values: { db?: string; 'database-url'?: string }, settings: Settings): Store {
  const url = values['database-url'] ?? settings.databaseUrl;
  if (url) throw new UsageError('PostgreSQL is not supported yet: use --db PATH (SQLite)');
  return SqliteStore.open(values.db ?? settings.dbPath);
}

export function defaultContext(): CommandContext {
  return { settings: loadSettings(), log: createLogger(), out: (line) => process.stdout.write(line + '\n') };
}
