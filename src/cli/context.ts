import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadSettings, type Settings } from '../config/settings.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { PostgresStore } from '../store/postgres/postgres-store.ts';
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
  /** Where the one-line error of a failed command goes; standard error when absent. */
  err?: (line: string) => void;
}

/** node:util parseArgs in strict mode, turning its errors into usage errors. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(usageMessage(err as Error & { code?: string }));
  }
}

/** node:util's parse errors, reworded as one line that says what to write instead. */
function usageMessage(err: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /argument (missing|is ambiguous)/.test(err.message)) {
    return `${option} needs a value (for a value that starts with a dash, write ${option}=-VALUE)`;
  }
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}: see --help for the options`;
  return err.message.replace(/[.?] To specify.*$/s, '');
}

/**
 * Open the store the flags or settings name: --database-url, else --db, else MARSAD_DATABASE_URL,
 * else the SQLite file of the settings. PostgreSQL connects and migrates in the background; a server
 * that cannot be reached fails the command's first store call (exit 1, with what to do).
 */
export function openStore(values: { db?: string; 'database-url'?: string }, settings: Settings): Store {
  if (values['database-url'] !== undefined && values.db !== undefined) {
    throw new UsageError('give either --db PATH (SQLite) or --database-url URL (PostgreSQL), not both');
  }
  const url = values['database-url'] ?? (values.db === undefined ? settings.databaseUrl : null);
  if (url) return PostgresStore.openLazily(checkDatabaseUrl(url));
  return SqliteStore.open(values.db ?? settings.dbPath);
}

/** A PostgreSQL URL, or a usage error that never repeats it (it may hold a password). */
function checkDatabaseUrl(url: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol) || (!parsed.hostname && !parsed.searchParams.has('host'))) {
    throw new UsageError('the database URL is not a PostgreSQL URL: write it as postgres://USER:PASSWORD@HOST:5432/DATABASE');
  }
  return url;
}

export function defaultContext(): CommandContext {
  return { settings: loadSettings(), log: createLogger(), out: (line) => process.stdout.write(line + '\n') };
}
