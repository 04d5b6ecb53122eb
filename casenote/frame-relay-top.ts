import type { FrameAction, FrameActionRequest, FramePromptsMessage, RelayedPrompt } from '../messaging/protocol.ts';
import type { ResponseCode } from '../log/event.ts';

/** A cross-origin child frame's note as the top frame knows it: ids only, never its text. */
export interface RelayedNote {
  frameId: string;
  noteKey: string;
  prompts: RelayedPrompt[];
  /** What the worker answered here, so the cards show it while the sidebar stays open. */
  responses: Map<string, ResponseCode>;
  /** The frame element in this document that held focus as the note reported: Escape returns there. */
  frameElement: HTMLIFrameElement | undefined;
}

/**
 * The top frame's side of the relay (issue #4): the child-frame note last reported, and whether
 * it or a note of the top frame's own was active last, which decides what the sidebar shows.
 */
export class RelayedNotes {
  #note: RelayedNote | undefined;
  #relayedIsLatest = false;

  /** A child frame reported its active note: it is now the most recently active one. */
  receive(message: FramePromptsMessage, frameElement?: HTMLIFrameElement): void {
    const same = this.#note?.frameId === message.frameId && this.#note.noteKey === message.noteKey;
    this.#note = {
      frameElement: frameElement ?? (this.#note?.frameId === message.frameId ? this.#note.frameElement : undefined),
      frameId: message.frameId,
      noteKey: message.noteKey,
      prompts: message.prompts,
      responses: same && this.#note ? this.#note.responses : new Map(),
    };
    this.#relayedIsLatest = true;
  }

  /** The worker is writing in one of the top frame's own notes. */
  localActivity(): void {
    this.#relayedIsLatest = false;
  }

  /** The child-frame note the sidebar shows, if it was active last. */
  get latest(): RelayedNote | undefined {
    return this.#relayedIsLatest ? this.#note : undefined;
  }

  /** The request that sends the worker's action back to the note's frame, which logs it. */
  action(note: RelayedNote, ruleId: string | undefined, action: FrameAction, response?: ResponseCode): FrameActionRequest {
    if (ruleId && action === 'snoozed') note.prompts = note.prompts.filter((prompt) => prompt.ruleId !== ruleId);
    if (ruleId && action === 'responded' && response) note.responses.set(ruleId, response);
    return {
      type: 'frame-action',
      frameId: note.frameId,
      noteKey: note.noteKey,
      action,
      ...(ruleId ? { ruleId } : {}),
      ...(response ? { response } : {}),
    };
  }
}
