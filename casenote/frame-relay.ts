import type { FramePromptsRequest, RelayedPrompt } from '../messaging/protocol.ts';
import type { RuleHit } from '../rules/evaluate.ts';

/** How the worker pressed the child's indicator: by keyboard, focus follows into the sidebar. */
export type RelayOpen = 'pointer' | 'keyboard';

/** Sends a child frame's prompts to the top frame, through the background. */
export type SendFramePrompts = (request: FramePromptsRequest) => Promise<{ relayed: boolean }>;

/**
 * A cross-origin child frame's side of the relay (issue #4): tells the top frame which prompts its
 * active note has, so the top frame's sidebar (the one the toolbar, shortcut and context menu
 * open) can show them. Only the note key and rule ids with severities are sent, never text.
 * Sends only when something changed or the worker has come back to this frame, so typing that
 * changes no prompt sends nothing; the top frame then knows which frame was active last.
 */
export class ChildFrameRelay {
  #lastSent = '';
  /** The worker left this frame since the last send: coming back makes this note the latest again. */
  #returned = true;

  constructor(
    win: Window,
    signal: AbortSignal,
    private readonly send: SendFramePrompts,
  ) {
    win.addEventListener('blur', () => (this.#returned = true), { passive: true, signal });
  }

  /** The active note's visible prompts, after an evaluation. Resolves whether the top frame took them. */
  async publish(noteKey: string, visible: readonly RuleHit[], open?: RelayOpen): Promise<boolean> {
    const prompts: RelayedPrompt[] = visible.map((hit) => ({ ruleId: hit.ruleId, severity: hit.severity }));
    const sent = JSON.stringify([noteKey, prompts]);
    if (!open && !this.#returned && sent === this.#lastSent) return true;
    this.#lastSent = sent;
    this.#returned = false;
    try {
      const { relayed } = await this.send({ type: 'frame-prompts', noteKey, prompts, ...(open ? { open } : {}) });
      return relayed;
    } catch (error) {
      // The next change sends again; meanwhile the child's own sidebar still works.
      this.#lastSent = '';
      console.warn('Share to Protect: could not pass prompts to the top frame', error);
      return false;
    }
  }
}
