import type { Severity } from '../rules/schema.ts';

/** The minimum a prompt needs for fatigue decisions; the rest of the hit is carried along. */
export interface PromptCandidate {
  ruleId: string;
  severity: Severity;
}

export interface NoteOptions {
  /** Non-critical prompts shown per note at most; critical prompts are always shown. */
  maxPrompts: number;
}

/**
 * Fatigue control for one note, in the spirit of the alert-fatigue evidence (SOURCES.md §6):
 * a rule prompts at most once per note, a snoozed rule stays quiet for this note, and only so
 * many non-critical prompts are shown. Keeps rule ids only, never text.
 */
export class NotePromptState {
  readonly #shown = new Set<string>();
  readonly #snoozed = new Set<string>();

  constructor(
    readonly noteKey: string,
    readonly options: NoteOptions,
  ) {}

  /**
   * Which of the current hits to show, and which of those are new for this note (to log once).
   * Hits come critical first, so the cap drops the least severe.
   */
  select<T extends PromptCandidate>(hits: readonly T[]): { visible: T[]; newlyShown: T[] } {
    const visible: T[] = [];
    const newlyShown: T[] = [];
    let nonCritical = 0;
    for (const hit of hits) {
      if (this.#snoozed.has(hit.ruleId)) continue;
      const critical = hit.severity === 'critical';
      if (!critical && !this.#shown.has(hit.ruleId) && nonCritical >= this.options.maxPrompts) continue;
      if (!critical) nonCritical++;
      visible.push(hit);
      if (!this.#shown.has(hit.ruleId)) {
        this.#shown.add(hit.ruleId);
        newlyShown.push(hit);
      }
    }
    return { visible, newlyShown };
  }

  snooze(ruleId: string): void {
    this.#snoozed.add(ruleId);
  }

  isSnoozed(ruleId: string): boolean {
    return this.#snoozed.has(ruleId);
  }
}
