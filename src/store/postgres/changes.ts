// Whether anything a page shows has changed, for a web process's page cache (src/web/page-cache.ts).
// Migration 6 makes every write to those tables announce itself on the channel marsad_changes when
// its transaction commits; one connection of this process listens and counts the announcements. The
// count is the data version: it moves after every commit, by any process on any machine.
//
// Until the connection listens, and whenever it is lost, there is no version (null): pages are then
// built for every request, never kept on a count that may have missed a change. A lost connection
// is listened on again at the next ask, under a new epoch, so no count from before the loss can
// match one from after it.
import type pg from 'pg';

export const CHANGES_CHANNEL = 'marsad_changes';

export class ChangeCounter {
  private client: pg.PoolClient | null = null;
  private starting: Promise<void> | null = null;
  private listening = false;
  private epoch = 0;
  private count = 0;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  /** The count of changes announced since this process listens, or null while it does not. */
  version(): string | null {
    if (this.listening) return `${this.epoch}.${this.count}`;
    if (!this.starting && !this.closed) {
      this.starting = this.listen().finally(() => {
        this.starting = null;
      });
    }
    return null;
  }

  private async listen(): Promise<void> {
    let client: pg.PoolClient | null = null;
    try {
      client = await this.pool.connect();
      const lost = () => this.lose(client!);
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => {
        if (n.channel === CHANGES_CHANNEL) this.count++;
      });
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.closed) return this.lose(client);
      this.client = client;
      this.epoch++;
      this.listening = true;
    } catch {
      // No connection now: pages are built fresh until a later ask gets one.
      if (client) this.lose(client);
    }
  }

  private lose(client: pg.PoolClient): void {
    if (this.client === client) {
      this.client = null;
      this.listening = false;
    }
    client.removeAllListeners('notification');
    // Destroyed, not returned: a connection that listens must not serve other queries.
    try {
      client.release(true);
    } catch {
      // Released already (an 'error' then an 'end').
    }
  }

  close(): void {
    this.closed = true;
    if (this.client) this.lose(this.client);
  }
}
