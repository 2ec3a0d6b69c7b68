/** A storage failure that a user can act on (a locked, read-only or full database…). */
export class StoreError extends Error {
  readonly code: 'open-failed' | 'migration-failed' | 'read-only' | 'disk-full' | 'constraint';
  constructor(code: StoreError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
