/** Why a document could not be read as a feed at all. */
export type FeedParseErrorCode = 'not-a-feed' | 'malformed' | 'too-large';

/**
 * The only error `parseFeed` throws. `code` is stable for callers (the scheduler records it on the
 * source); the message is an English sentence that says what to do.
 */
export class FeedParseError extends Error {
  readonly code: FeedParseErrorCode;
  override readonly cause?: unknown;

  constructor(code: FeedParseErrorCode, message: string, cause?: unknown) {
    super(message);
    this.name = 'FeedParseError';
    this.code = code;
    if (cause !== undefined) this.cause = cause;
  }
}
