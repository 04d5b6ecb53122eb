import { z } from '../validation/zod.ts';

/**
 * What went wrong with the log, for the options page to say. Messages are written by the
 * extension (never copied from a message it received), so they cannot carry note text.
 */
export const LogProblemKindSchema = z.enum(['disk-full', 'refused-event', 'database-unavailable', 'write-failed']);

export const LogProblemSchema = z.strictObject({
  at: z.iso.datetime(),
  kind: LogProblemKindSchema,
  message: z.string().check(z.maxLength(500)),
});

export type LogProblem = z.infer<typeof LogProblemSchema>;
export type LogProblemKind = z.infer<typeof LogProblemKindSchema>;

const kept = 20;

/** The latest problems, newest first; a repeat of the same problem replaces the older one. */
export class LogProblems {
  #problems: LogProblem[] = [];

  note(kind: LogProblemKind, message: string, now = new Date()): LogProblem {
    const problem: LogProblem = { at: now.toISOString(), kind, message: message.slice(0, 500) };
    this.#problems = [problem, ...this.#problems.filter((p) => p.kind !== kind || p.message !== problem.message)].slice(0, kept);
    return problem;
  }

  list(): LogProblem[] {
    return [...this.#problems];
  }

  clear(): void {
    this.#problems = [];
  }
}

/** True for a message that tried to log an event, whatever else is wrong with it. */
export function isLogEventAttempt(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'log-event';
}

export const refusedLogMessage =
  'A prompt event message was refused because it does not match the protocol; the background console names the fields. Nothing stored was changed.';
