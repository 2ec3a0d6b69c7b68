/**
 * Structured logs: one JSON line per event on stderr, snake_case keys (`source_id`, `status`, `ms`).
 * MARSAD_LOG=silent turns them off (tests), MARSAD_LOG=debug adds the chatty ones.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, event: string, fields?: Record<string, unknown>) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(setting = process.env.MARSAD_LOG ?? 'info'): Logger {
  if (setting === 'silent') return () => {};
  const threshold = ORDER[setting as LogLevel] ?? ORDER.info;
  return (level, event, fields = {}) => {
    if (ORDER[level] < threshold) return;
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }) + '\n');
  };
}

/** For tests and pure callers that have nothing to say. */
export const silentLogger: Logger = () => {};
