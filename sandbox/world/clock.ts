import { performance } from 'node:perf_hooks';

/**
 * Simulated time: real time multiplied by one `timeScale`, plus any time a
 * test skips with {@link SimulatedClock.advance}. Every delay in the world
 * is declared in simulated seconds, so a runner that shortens waits by a
 * factor shortens AWS's delays by the same factor.
 */
export class SimulatedClock {
  public readonly timeScale: number;

  private readonly startEpochMs: number;

  private realStart: number;

  private skippedMs = 0;

  /**
   * @param timeScale simulated seconds per real second; 1 is real time.
   */
  public constructor(timeScale = 1, startEpochMs = Date.now()) {
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
      throw new RangeError(
        `timeScale must be a positive number, received ${timeScale}`,
      );
    }
    this.timeScale = timeScale;
    this.startEpochMs = startEpochMs;
    this.realStart = performance.now();
  }

  /** Simulated milliseconds since the start. */
  public elapsedMs(): number {
    return (
      (performance.now() - this.realStart) * this.timeScale + this.skippedMs
    );
  }

  /** Simulated seconds since the start. */
  public elapsedSeconds(): number {
    return this.elapsedMs() / 1000;
  }

  /** The simulated wall clock, as epoch milliseconds. */
  public nowEpochMs(): number {
    return this.startEpochMs + this.elapsedMs();
  }

  /** The epoch milliseconds of a simulated elapsed time. */
  public epochMsAt(elapsedMs: number): number {
    return this.startEpochMs + elapsedMs;
  }

  /** Moves simulated time forward without waiting. */
  public advance(seconds: number): void {
    if (!(seconds >= 0)) {
      throw new RangeError(`seconds must be 0 or more, received ${seconds}`);
    }
    this.skippedMs += seconds * 1000;
  }

  /** Real milliseconds that a simulated duration takes. */
  public realMs(simulatedSeconds: number): number {
    return (simulatedSeconds * 1000) / this.timeScale;
  }

  /** Starts simulated time again from zero. */
  public restart(): void {
    this.realStart = performance.now();
    this.skippedMs = 0;
  }
}
