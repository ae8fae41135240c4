import { logger } from './logger';

/**
 * Runs AWS calls whose failure should leave a result partial rather than
 * fail the step, and keeps a note of each one for the report.
 */

// The SDK has already retried throttling by the time it throws, and a
// denied call will not succeed on a retry either.
export const DEGRADED_ERRORS: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'ThrottlingException',
  'TooManyRequestsException',
]);

export const errorName = (error: unknown): string =>
  error instanceof Error ? error.name : 'Error';

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Collects what could not be checked instead of failing the step. */
export class Gaps {
  private readonly notes: string[] = [];

  /**
   * Runs `call`; an error named in `degraded` becomes a note and
   * `undefined`, any other error propagates.
   */
  public async attempt<T>(
    what: string,
    call: () => Promise<T>,
    degraded: ReadonlySet<string> = DEGRADED_ERRORS,
  ): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (!degraded.has(errorName(error))) {
        throw error;
      }

      logger.warn('policy validation degraded', { what, error });
      this.add(`${what}: ${errorName(error)}: ${errorMessage(error)}`);

      return undefined;
    }
  }

  public add(note: string): void {
    this.notes.push(note);
  }

  /** The notes joined, or `undefined` when every call succeeded. */
  public get summary(): string | undefined {
    return this.notes.length > 0 ? this.notes.join('; ') : undefined;
  }
}
