/**
 * An error that knows its HTTP status. Thrown wherever a request meets a rule (the feed's key, a
 * survey link) and mapped to a response at the edge only. Messages say what was wrong and what to
 * do; they never echo children's data back.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
