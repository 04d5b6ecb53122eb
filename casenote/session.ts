import { chooseLocale, translator, type Translate, type UiLocale } from '../i18n/t.ts';
import type { ActiveState } from '../messaging/protocol.ts';
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
import { insertAtCaret, type InsertOutcome } from './insert-text.ts';
import { idleScheduler, type IdleScheduler } from './schedule.ts';
import { CaseNoteView } from './view.ts';

export interface SessionDeps {
  window: Window;
  signal: AbortSignal;
  /** Which case system this page is and what marks its note fields, given the policy's sites. */
  profile: (sites: readonly SiteEntry[]) => DetectionProfile;
  origin: string;
  /** Sends one log event to the background (which stores it exactly once). */
  logEvent: (event: PromptEvent) => Promise<void>;
  openOptions: () => void;
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

  constructor(deps: SessionDeps) {
    this.#deps = deps;
    this.#schedule = idleScheduler(() => this.#evaluate(), deps.signal);
    this.#view = new CaseNoteView(deps.window, deps.signal);
    this.#caret = new CaretKeeper(deps.signal);
    this.#tracker = new FieldTracker(deps.window, deps.signal, {
      hints: () => this.#profile(),
      onActivity: () => this.#schedule.request(),
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
    this.#sidebarOpen = false;
    this.#sidebarTakesFocus = false;
    this.#render();
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
    const field = this.#tracker.active;
    const note = field ? this.#notes.get(field) : undefined;
    const settings = this.#state?.settings;
    this.#view.update({
      field,
      t: this.#t,
      locale: this.#locale,
      prompts: note?.visible ?? [],
      heldBack: note?.heldBack ?? 0,
      today: localDate(new Date()),
      sidebarOpen: this.#sidebarOpen,
      sidebarTakesFocus: this.#sidebarTakesFocus,
      announcement: this.#announcement,
      contacts: settings?.contacts ?? [],
      allowSnooze: settings?.allowSnooze ?? true,
      responses: note?.responses ?? new Map(),
      onOpenSidebar: (byKeyboard) => this.openSidebar(byKeyboard),
      onCloseSidebar: () => this.closeSidebar(),
      onOpenDetail: (hit) => note && this.#log('opened', hit, note),
      onRespond: (hit, code) => {
        if (!note) return;
        note.responses.set(hit.ruleId, code);
        this.#log('responded', hit, note, code);
        this.#announcement = this.#t('responseRecorded', this.#t(`response_${code.replace(/-/g, '_')}` as Parameters<Translate>[0]));
        this.#render();
      },
      onSnooze: (hit) => {
        if (!note) return;
        note.prompts.snooze(hit.ruleId);
        note.visible = note.visible.filter((visible) => visible.ruleId !== hit.ruleId);
        this.#log('snoozed', hit, note);
        this.#announcement = this.#t('snoozedAnnounce');
        this.#render();
      },
      onOpenSource: (hit) => note && this.#log('source-opened', hit, note),
      onInsertDecision: (hit, text) => this.#insertDecision(field, note, hit, text),
      onOpenLog: () => this.#deps.openOptions(),
    });
  }

  /**
   * The one place the extension writes to a note: the worker's own decision record, on their
   * click. Only the fact that a decision was recorded (and for which rule) is logged.
   */
  async #insertDecision(field: HTMLElement | undefined, note: NoteRuntime | undefined, hit: RuleHit, text: string): Promise<InsertOutcome> {
    if (!field || !field.isConnected) return 'field-gone';
    const outcome = await insertAtCaret(field, text, this.#caret.caretFor(field));
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
