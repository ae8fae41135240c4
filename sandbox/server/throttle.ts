/**
 * Request-rate limits, on by default. Rates are per simulated second, so
 * a `timeScale` that shortens waits raises the real rate allowed by the
 * same factor.
 */
export interface ThrottlingOptions {
  /**
   * Collective request rate of the Identity Center APIs (SSO Admin and
   * Identity Store together). @default 20
   */
  readonly identityCenterTps?: number;
  /** Requests allowed in one burst. @default identityCenterTps */
  readonly burst?: number;
  /** CreateAccountAssignment requests in progress at once. @default 10 */
  readonly maxOutstandingAssignmentCreations?: number;
}

/** A token bucket on simulated time. */
export class TokenBucket {
  private tokens: number;

  private lastMs: number;

  public constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    nowMs: number,
  ) {
    this.tokens = capacity;
    this.lastMs = nowMs;
  }

  /** Takes one token; false when the bucket is empty. */
  public take(nowMs: number): boolean {
    const refill = ((nowMs - this.lastMs) / 1000) * this.ratePerSecond;
    this.tokens = Math.min(this.capacity, this.tokens + refill);
    this.lastMs = nowMs;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;

    return true;
  }
}
