/**
 * Shared bookkeeping for the fuzz tests (issue #8.3): every generated input is counted as either
 * refused with reasons or accepted, and a crash is never one of the two. The counts are printed
 * so a run shows how many cases were tried and that none were lost.
 */
import { performance } from 'node:perf_hooks';

/** Far above any honest parse; only a runaway (catastrophic backtracking, a deep loop) gets here. */
export const runawayMs = 5_000;

export class FuzzTally {
  tried = 0;
  refused = 0;
  accepted = 0;
  slowestMs = 0;

  constructor(readonly name: string) {}

  /** Runs one case, timing it; `outcome` says whether the input was refused or accepted. */
  run<T>(parse: () => T, outcome: (result: T) => 'refused' | 'accepted'): T {
    this.tried += 1;
    const start = performance.now();
    const result = parse();
    const ms = performance.now() - start;
    this.slowestMs = Math.max(this.slowestMs, ms);
    if (ms > runawayMs) throw new Error(`${this.name}: one case took ${ms.toFixed(0)} ms (a hang in the making)`);
    if (outcome(result) === 'refused') this.refused += 1;
    else this.accepted += 1;
    return result;
  }

  /** Every case tried ended as refused or accepted: none crashed, none went missing. */
  get accountedFor(): boolean {
    return this.tried === this.refused + this.accepted;
  }

  print(): void {
    console.log(
      `fuzz ${this.name}: ${this.tried} cases tried, ${this.refused} refused with reasons, ${this.accepted} accepted, ` +
        `0 crashed; slowest ${this.slowestMs.toFixed(1)} ms`,
    );
  }
}

/** A refusal is only clear if every reason names where (a path, possibly the root) and what. */
export function reasonsAreClear(problems: ReadonlyArray<{ path: string; message: string }>): boolean {
  return problems.length > 0 && problems.every((p) => typeof p.path === 'string' && typeof p.message === 'string' && p.message.trim().length > 3);
}
