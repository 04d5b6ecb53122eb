import { chooseLocale, translator, type Translate, type UiLocale } from '../i18n/t.ts';
import type { ActiveState, FrameAction, FrameActionMessage, FrameActionRequest, FramePromptsMessage } from '../messaging/protocol.ts';
import type { EventKind, PromptEvent, ResponseCode } from '../log/event.ts';
import { compilePack, type CompiledPack } from '../rules/compile.ts';
import { createNoteEvaluator, type RuleHit } from '../rules/evaluate.ts';
import { parseRulePack } from '../rules/load.ts';
import type { DetectionProfile } from '../detect/profile.ts';
import type { SiteEntry } from '../policy/settings.ts';
import { FieldTracker } from './field-tracker.ts';
import { randomId } from './random-id.ts';
import { NoteKeys } from './note-keys.ts';
import { NotePromptState } from './prompt-state.ts';
import { CaretKeeper } from './decision-caret.ts';
import { insertAtCaret, restoreCaret, type InsertOutcome } from './insert-text.ts';
import { idleScheduler, type IdleScheduler } from './schedule.ts';
import { CaseNoteView } from './view.ts';
import { isIframe } from '../detect/dom.ts';
import { ChildFrameRelay, type RelayOpen, type SendFramePrompts } from './frame-relay.ts';
import { hitsForRelayedPrompts } from './frame-relay-hits.ts';
import { RelayedNotes, type RelayedNote } from './frame-relay-top.ts';

export interface SessionDeps {
  window: Window;
  signal: AbortSignal;
  /** Which case system this page is and what marks its note fields, given the policy's sites. */
  profile: (sites: readonly SiteEntry[]) => DetectionProfile;
  origin: string;
  /** Sends one log event to the background (which stores it exactly once). */
  logEvent: (event: PromptEvent) => Promise<void>;
  openOptions: () => void;
  /**
   * In a cross-origin child frame: passes its prompts to the top frame, whose sidebar shows them
   * (through the background; ids only). Unset in the top frame.
   */
  relayToTop?: SendFramePrompts;
  /** In the top frame: sends the worker's action on a child frame's prompt back to that frame. */
  sendFrameAction?: (request: FrameActionRequest) => Promise<{ relayed: boolean }>;
}

interface NoteRuntime {
  key: string;
  prompts: NotePromptState;
  evaluator: { evaluate(text: string): { hits: RuleHit[] } };
  /** The compiled pack the evaluator was made from; a new pack swaps the evaluator only. */
  compiled: CompiledPack;
  visible: RuleHit[];
  heldBack: number;
  responses: Map<string, ResponseCode>;
  hadText: boolean;
}

/**
 * The case-note session of one frame: when the worker pauses in a case-note field, evaluates its
 * text locally and decides which prompts to show. The text is read here and goes no further:
 * only rule ids and codes leave this object.
 */
export class CaseNoteSession {
  readonly #deps: SessionDeps;
  readonly #tracker: FieldTracker;
  readonly #view: CaseNoteView;
  readonly #schedule: IdleScheduler;
  readonly #keys = new NoteKeys();
  readonly #caret: CaretKeeper;
  readonly #notes = new WeakMap<HTMLElement, NoteRuntime>();
  /** What the compiled pack was made from, so a repeated state (a restarted worker) changes nothing. */
  #compiledFrom = '';
  #compiled: CompiledPack | undefined;
  #state: ActiveState | undefined;
  #t: Translate = translator('en');
  #locale: UiLocale = 'en';
  #sidebarOpen = false;
  #sidebarTakesFocus = false;
  #announcement = '';
  #scrollFrame = 0;
  /** Child frame: the note whose prompts the top frame was last told about, to act on its answers. */
  readonly #relay: ChildFrameRelay | undefined;
  #relayedField: HTMLElement | undefined;
  /** Child frame: the rule whose decision form opens here, handed over from the top frame's sidebar. */
  #decisionFirst: string | undefined;
  /** Top frame: child-frame notes reported through the background. */
  readonly #relayedNotes = new RelayedNotes();

  constructor(deps: SessionDeps) {
    this.#deps = deps;
    this.#relay = deps.relayToTop && new ChildFrameRelay(deps.window, deps.signal, deps.relayToTop);
    this.#schedule = idleScheduler(() => this.#evaluate(), deps.signal);
    this.#view = new CaseNoteView(deps.window, deps.signal);
    this.#caret = new CaretKeeper(deps.signal);
    this.#tracker = new FieldTracker(deps.window, deps.signal, {
      hints: () => this.#profile(),
      onActivity: () => {
        this.#relayedNotes.localActivity();
        this.#schedule.request();
      },
      onChildScroll: () => this.#followChildScroll(),
    });
  }

  /** Applies a new pack or settings. A pack that fails its checks is refused and the last good kept. */
  applyState(state: ActiveState): void {
    // A restarted worker re-sends the same state: recompiling would change nothing, so skip it.
    const compiledFrom = JSON.stringify([state.pack, state.settings.jurisdiction, state.settings.disabledRules]);
    if (compiledFrom !== this.#compiledFrom || !this.#compiled) {
      const parsed = parseRulePack(state.pack);
      if (!parsed.ok) {
        console.warn(`Share to Protect: refused a rule pack (${parsed.problems.length} problems); keeping the last good one.`);
        return;
      }
      // Each note is re-read with the new pack (its evaluator is swapped in #note), but what it
      // already showed, snoozed or answered is kept: a rule prompts at most once per note, and a
      // newly enabled rule still can.
      this.#compiled = compilePack(parsed.pack, {
        jurisdiction: state.settings.jurisdiction,
        disabledRules: state.settings.disabledRules,
      });
      this.#compiledFrom = compiledFrom;
    }
    this.#state = state;
    this.#locale = chooseLocale(state.settings.locale, this.#deps.window.navigator.language);
    this.#t = translator(this.#locale);
    this.#schedule.request();
  }

  toggleSidebar(takeFocus: boolean): void {
    if (this.#sidebarOpen) this.closeSidebar();
    else this.openSidebar(takeFocus);
  }

  openSidebar(takeFocus: boolean): void {
    // The caret as the worker left it, before anything in the sidebar can move the selection.
    const field = this.#tracker.active;
    if (field && !this.#sidebarOpen) this.#caret.remember(field);
    this.#sidebarOpen = true;
    this.#sidebarTakesFocus = takeFocus;
    this.#render();
  }

  closeSidebar(): void {
    const hadFocus = this.#sidebarTakesFocus;
    const relayed = this.#relayedNotes.latest;
    this.#sidebarOpen = false;
    this.#sidebarTakesFocus = false;
    this.#render();
    if (relayed) {
      // A child frame's note: focus goes to its frame here, and that frame puts it back in the
      // note at the caret, which this frame cannot reach into.
      if (hadFocus) {
        relayed.frameElement?.focus({ preventScroll: true });
        this.#sendFrameAction(relayed, undefined, 'return-focus');
      }
      return;
    }
    // Return a keyboard user to their note; focusing a field keeps its own selection, so the
    // caret is where they left it.
    const field = this.#tracker.active;
    if (hadFocus && field) field.focus({ preventScroll: true });
  }

  #profile(): DetectionProfile {
    return this.#deps.profile(this.#state?.settings.sites ?? []);
  }

  #note(field: HTMLElement): NoteRuntime | undefined {
    if (!this.#compiled || !this.#state) return undefined;
    let note = this.#notes.get(field);
    if (note && note.compiled !== this.#compiled) {
      note.compiled = this.#compiled;
      note.evaluator = createNoteEvaluator(this.#compiled);
    }
    if (!note) {
      const key = this.#keys.keyFor(field);
      note = {
        key,
        prompts: new NotePromptState(key, { maxPrompts: this.#state.settings.maxPromptsPerNote }),
        evaluator: createNoteEvaluator(this.#compiled),
        compiled: this.#compiled,
        visible: [],
        heldBack: 0,
        responses: new Map(),
        hadText: false,
      };
      this.#notes.set(field, note);
    }
    return note;
  }

  #evaluate(): void {
    const field = this.#tracker.active;
    let note = field && this.#note(field);
    if (!field || !note) {
      this.#render();
      return;
    }
    const text = this.#tracker.readText(field);
    if (text.trim() === '') {
      if (note.hadText) {
        // A cleared field is a new note: fresh key, fresh fatigue state.
        this.#keys.renew(field);
        this.#notes.delete(field);
        note = this.#note(field);
        if (!note) return;
      }
    } else {
      note.hadText = true;
    }
    const { hits } = note.evaluator.evaluate(text);
    const { visible, newlyShown, heldBack } = note.prompts.select(hits);
    note.visible = visible;
    note.heldBack = heldBack;
    for (const hit of newlyShown) this.#log('shown', hit, note);
    if (newlyShown.length > 0) {
      const critical = newlyShown.some((hit) => hit.severity === 'critical');
      this.#announcement = critical ? this.#t('announceCritical') : this.#t('announcePrompts', visible.length);
    }
    this.#render();
    void this.#publish(field, note);
  }

  /** The note field moved inside a child document: redraw the indicator beside it, once a frame. */
  #followChildScroll(): void {
    if (this.#scrollFrame || !this.#tracker.active) return;
    this.#scrollFrame = this.#deps.window.requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      this.#render();
    });
  }

  /** Child frame: tells the top frame this note's prompts; resolves whether it took them. */
  async #publish(field: HTMLElement, note: NoteRuntime, open?: RelayOpen): Promise<boolean> {
    if (!this.#relay) return false;
    this.#relayedField = field;
    // Keeps the caret as focus leaves for the top frame's sidebar, for "return-focus" to restore.
    this.#caret.remember(field);
    return this.#relay.publish(note.key, note.visible, open);
  }

  /** Child frame: the indicator opens the top frame's sidebar; this frame's own only if that fails. */
  #openFromIndicator(byKeyboard: boolean): void {
    const field = this.#tracker.active;
    const note = field && this.#notes.get(field);
    if (!field || !note || !this.#relay) {
      this.openSidebar(byKeyboard);
      return;
    }
    this.#publish(field, note, byKeyboard ? 'keyboard' : 'pointer')
      .then((relayed) => relayed || this.openSidebar(byKeyboard))
      .catch((error: unknown) => console.warn('Share to Protect: could not open the guidance', error));
  }

  /** Top frame: a child frame's active note and its prompts, relayed by the background. */
  showFramePrompts(message: FramePromptsMessage): void {
    // The worker is in that frame as it reports: this document's focus is on the frame holding it.
    const active = this.#deps.window.document.activeElement;
    this.#relayedNotes.receive(message, isIframe(active) ? active : undefined);
    if (message.open) this.openSidebar(message.open === 'keyboard');
    else if (this.#sidebarOpen) this.#render();
  }

  /**
   * Child frame: what the worker did with one of this frame's prompts in the top frame's sidebar.
   * Logged here, under this frame's note key, system and origin, exactly as if done here.
   */
  applyFrameAction(message: FrameActionMessage): void {
    const field = this.#relayedField;
    const note = field && this.#notes.get(field);
    // An answer about a note since cleared or replaced: nothing of it is left to act on.
    if (!field || !note || note.key !== message.noteKey) return;
    if (message.action === 'return-focus') {
      // Asked for by the worker's own Escape in the top frame's sidebar, which holds the focus.
      if (field.isConnected) restoreCaret(field, this.#caret.caretFor(field));
      return;
    }
    const hit = note.visible.find((visible) => visible.ruleId === message.ruleId);
    if (!hit) return;
    switch (message.action) {
      case 'opened':
      case 'source-opened':
        this.#log(message.action, hit, note);
        break;
      case 'responded':
        if (message.response) this.#respond(note, hit, message.response);
        break;
      case 'snoozed':
        this.#snooze(note, hit);
        void this.#publish(field, note);
        break;
      case 'record-decision':
        // The record's words stay in this frame: its own form writes them into its own note.
        this.#decisionFirst = hit.ruleId;
        this.openSidebar(true);
        this.#decisionFirst = undefined;
        break;
    }
  }

  #respond(note: NoteRuntime, hit: RuleHit, code: ResponseCode): void {
    note.responses.set(hit.ruleId, code);
    this.#log('responded', hit, note, code);
    this.#announceResponse(code);
  }

  #announceResponse(code: ResponseCode): void {
    this.#announcement = this.#t('responseRecorded', this.#t(`response_${code.replace(/-/g, '_')}` as Parameters<Translate>[0]));
    this.#render();
  }

  #snooze(note: NoteRuntime, hit: RuleHit): void {
    note.prompts.snooze(hit.ruleId);
    note.visible = note.visible.filter((visible) => visible.ruleId !== hit.ruleId);
    this.#log('snoozed', hit, note);
    this.#announcement = this.#t('snoozedAnnounce');
    this.#render();
  }

  /** Top frame: sends an action on a child frame's prompt back to that frame, which logs it. */
  #sendFrameAction(relayed: RelayedNote, hit: RuleHit | undefined, action: FrameAction, response?: ResponseCode): void {
    const send = this.#deps.sendFrameAction;
    if (!send) return;
    send(this.#relayedNotes.action(relayed, hit?.ruleId, action, response))
      .then(({ relayed: reached }) => {
        if (!reached) console.warn('Share to Protect: the note\'s frame has gone; its answer was not logged');
      })
      .catch((error: unknown) => console.warn('Share to Protect: could not pass an answer to the note\'s frame', error));
  }

  #log(kind: EventKind, hit: RuleHit, note: NoteRuntime, response?: ResponseCode): void {
    if (!this.#compiled) return;
    const event: PromptEvent = {
      id: randomId(),
      at: new Date().toISOString(),
      kind,
      ruleId: hit.ruleId,
      packId: this.#compiled.packId,
      packVersion: this.#compiled.packVersion,
      concern: hit.concern,
      severity: hit.severity,
      systemId: this.#profile().systemId,
      origin: this.#deps.origin,
      noteKey: note.key,
      ...(response ? { response } : {}),
    };
    this.#deps.logEvent(event).catch((error: unknown) => {
      console.warn('Share to Protect: could not log a prompt event', error);
    });
  }

  #render(): void {
    const relayed = this.#sidebarOpen ? this.#relayedNotes.latest : undefined;
    if (relayed && this.#compiled) {
      this.#renderRelayed(relayed, this.#compiled);
      return;
    }
    const field = this.#tracker.active;
    const note = field ? this.#notes.get(field) : undefined;
    this.#view.update({
      field,
      ...this.#sharedViewProps(),
      prompts: note?.visible ?? [],
      heldBack: note?.heldBack ?? 0,
      responses: note?.responses ?? new Map(),
      decisionFirst: this.#decisionFirst,
      onOpenSidebar: (byKeyboard) => this.#openFromIndicator(byKeyboard),
      onCloseSidebar: () => this.closeSidebar(),
      onOpenDetail: (hit) => note && this.#log('opened', hit, note),
      onRespond: (hit, code) => note && this.#respond(note, hit, code),
      onSnooze: (hit) => {
        if (!note || !field) return;
        this.#snooze(note, hit);
        void this.#publish(field, note);
      },
      onOpenSource: (hit) => note && this.#log('source-opened', hit, note),
      onInsertDecision: (hit, text) => this.#insertDecision(field, note, hit, text),
      onOpenLog: () => this.#deps.openOptions(),
    });
  }

  /** What the view needs whichever note the sidebar is about. */
  #sharedViewProps() {
    const settings = this.#state?.settings;
    return {
      t: this.#t,
      locale: this.#locale,
      today: localDate(new Date()),
      sidebarOpen: this.#sidebarOpen,
      sidebarTakesFocus: this.#sidebarTakesFocus,
      announcement: this.#announcement,
      contacts: settings?.contacts ?? [],
      allowSnooze: settings?.allowSnooze ?? true,
    };
  }

  /**
   * Top frame: the sidebar for a child frame's note, its cards rebuilt from this frame's own pack.
   * No indicator here (the child shows its own beside the note) and no field to write into.
   */
  #renderRelayed(relayed: RelayedNote, compiled: CompiledPack): void {
    const send = (action: FrameAction) => (hit: RuleHit) => this.#sendFrameAction(relayed, hit, action);
    this.#view.update({
      field: undefined,
      ...this.#sharedViewProps(),
      prompts: hitsForRelayedPrompts(compiled, relayed.prompts),
      heldBack: 0,
      responses: relayed.responses,
      onOpenSidebar: (byKeyboard) => this.openSidebar(byKeyboard),
      onCloseSidebar: () => this.closeSidebar(),
      onOpenDetail: send('opened'),
      onRespond: (hit, code) => {
        this.#sendFrameAction(relayed, hit, 'responded', code);
        this.#announceResponse(code);
      },
      onSnooze: (hit) => {
        this.#sendFrameAction(relayed, hit, 'snoozed');
        this.#announcement = this.#t('snoozedAnnounce');
        this.#render();
      },
      onOpenSource: send('source-opened'),
      // Never reached: "Record my decision" is handed to the note's own frame below.
      onInsertDecision: async () => 'field-gone',
      onRecordDecisionElsewhere: (hit) => {
        this.#sendFrameAction(relayed, hit, 'record-decision');
        this.closeSidebar();
      },
      onOpenLog: () => this.#deps.openOptions(),
    });
  }

  /**
   * The one place the extension writes to a note: the worker's own decision record, on their
   * click. Only the fact that a decision was recorded (and for which rule) is logged.
   */
  async #insertDecision(field: HTMLElement | undefined, note: NoteRuntime | undefined, hit: RuleHit, text: string): Promise<InsertOutcome> {
    if (!field || !field.isConnected) return 'field-gone';
    let outcome: InsertOutcome;
    try {
      outcome = await insertAtCaret(field, text, this.#caret.caretFor(field));
    } catch (error) {
      // The form then offers the record to copy, rather than waiting for ever.
      console.warn('Share to Protect: could not insert the decision record', error);
      return 'not-inserted';
    }
    if (outcome === 'inserted') {
      if (note) this.#log('decision-recorded', hit, note);
      this.#caret.remember(field);
      this.#announcement = this.#t('decisionInserted');
      this.#render();
    }
    return outcome;
  }

  destroy(): void {
    this.#view.destroy();
  }
}

/** The worker's local date as yyyy-mm-dd (toISOString would give UTC's, wrong near midnight). */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
