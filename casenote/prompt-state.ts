import type { Severity } from '../rules/schema.ts';

/** The minimum a prompt needs for fatigue decisions; the rest of the hit is carried along. */
export interface PromptCandidate {
  ruleId: string;
  severity: Severity;
}

export interface NoteOptions {
  /** Distinct non-critical prompts one note may raise; critical prompts are always shown. */
  maxPrompts: number;
}

export interface PromptSelection<T> {
  /** What to show now, critical first. */
  visible: T[];
  /** Shown for the first time in this note: logged and announced once, never again. */
  newlyShown: T[];
  /** Non-critical prompts held back because the note reached its cap. */
  heldBack: number;
}

const severityRank: Record<Severity, number> = { critical: 2, warning: 1, info: 0 };

/**
 * Fatigue control for one note, in the spirit of the alert-fatigue evidence (SOURCES.md §6):
 * frequent, repeated, interruptive alerts get ignored. So a rule prompts at most once per note,
 * a snoozed rule stays quiet for this note, and only so many distinct non-critical prompts are
 * ever raised in one note (a rule that stops matching still used its place: the worker already
 * saw it). Critical prompts (immediate danger, mandatory duties) are never capped nor held back.
 * Keeps rule ids only, never text.
 */
export class NotePromptState {
  readonly #shown = new Set<string>();
  #nonCriticalShown = 0;
  readonly #snoozed = new Set<string>();

  constructor(
    readonly noteKey: string,
    readonly options: NoteOptions,
  ) {}

  select<T extends PromptCandidate>(hits: readonly T[]): PromptSelection<T> {
    // Stable sort: the evaluator already puts critical first, but the cap must never depend on it.
    const ordered = [...hits].sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
    const visible: T[] = [];
    const newlyShown: T[] = [];
    let heldBack = 0;
    const seen = new Set<string>();
    for (const hit of ordered) {
      if (seen.has(hit.ruleId) || this.#snoozed.has(hit.ruleId)) continue;
      seen.add(hit.ruleId);
      const critical = hit.severity === 'critical';
      if (!this.#shown.has(hit.ruleId)) {
        if (!critical && this.#nonCriticalShown >= this.options.maxPrompts) {
          heldBack++;
          continue;
        }
        this.#shown.add(hit.ruleId);
        if (!critical) this.#nonCriticalShown++;
        newlyShown.push(hit);
      }
      visible.push(hit);
    }
    return { visible, newlyShown, heldBack };
  }

  snooze(ruleId: string): void {
    this.#snoozed.add(ruleId);
  }

  isSnoozed(ruleId: string): boolean {
    return this.#snoozed.has(ruleId);
  }
}
