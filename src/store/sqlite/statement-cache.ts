// better-sqlite3 compiles a statement on every `prepare`, and the store's reads prepare theirs on each
// call: on an article page that was 15% of the request's CPU. Every SQL string the store runs comes
// from a handful of templates, so keeping the compiled statements is cheap. Statements run
// synchronously (.get/.all/.run; the store never holds an .iterate() open across calls), so one
// compiled statement is never in use twice at once, and each comes back in the default row shape.
// SQLite recompiles a kept statement by itself when the schema changes.
import type Database from 'better-sqlite3';

/** Compiled statements kept per database; beyond this the least recently used is dropped. */
export const STATEMENTS_KEPT = 256;

/** Makes `db.prepare` return a kept statement for SQL it has compiled before. */
export function keepStatements(db: Database.Database, kept = STATEMENTS_KEPT): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      // Re-inserting moves it to the end: the Map's order is the order of use.
      cache.delete(source);
      // Back to the default row shape, as a fresh statement would be, whatever its last caller asked.
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
    } else {
      stmt = compile(source);
      if (cache.size >= kept) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  }) as Database.Database['prepare'];
}
