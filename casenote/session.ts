import { render, h } from 'preact';
import { CaseNoteUi } from '../components/CaseNoteUi.tsx';
import { chooseLocale, translator, type Translate, type UiLocale } from '../i18n/t.ts';
import type { ActiveState } from '../messaging/protocol.ts';
import type { EventKind, PromptEvent, ResponseCode } from '../log/event.ts';
import { compilePack } from '../rules/compile.ts';
import { createNoteEvaluator } from '../rules/evaluate.ts';
import type { CompiledPack } from '../rules/compile.ts';
import type { RuleHit } from '../rules/evaluate.ts';
import { parseRulePack } from '../rules/load.ts';
import { caseNoteField } from '../detect/case-note-field.ts';
import { readFieldText } from '../detect/read-text.ts';
import { indicatorPosition } from './indicator-position.ts';
import { NoteKeys } from './note-keys.ts';
import { NotePromptState } from './prompt-state.ts';
import { idleScheduler } from './schedule.ts';
import { createUiHost, type UiHost } from './ui-host.ts';

export interface SessionDeps {
  window: Window;
  signal: AbortSignal;
  systemId: string;
  origin: string;
  /** Sends one log event to the background (which stores it exactly once). */
  logEvent: (event: PromptEvent) => Promise<void>;
  openOptions: () => void;
}

interface NoteRuntime {
  key: string;
  prompts: NotePromptState;
  evaluator: { evaluate(text: string): { hits: RuleHit[] } };
  visible: RuleHit[];
  responses: Map<string, ResponseCode>;
  hadText: boolean;
}

/**
 * The case-note session of one frame: notices the worker writing in a case-note field, evaluates
 * the text locally when they pause, and shows passive prompts. The note's text is read here and
 * goes no further: only rule ids and codes leave this object.
 */
export class CaseNoteSession {
  readonly #deps: SessionDeps;
  #compiled: CompiledPack | undefined;
  #state: ActiveState | undefined;
  #t: Translate = translator('en');
  #locale: UiLocale = 'en';
  #field: HTMLElement | undefined;
  #observer: MutationObserver | undefined;
  readonly #keys = new NoteKeys();
  readonly #notes = new WeakMap<HTMLElement, NoteRuntime>();
  #ui: UiHost | undefined;
  #sidebarOpen = false;
  #sidebarTakesFocus = false;
  #announcement = '';
  #positionFrame = 0;
  readonly #schedule;

  constructor(deps: SessionDeps) {
    this.#deps = deps;
    this.#schedule = idleScheduler(() => this.#evaluate(), deps.signal);
    const options = { capture: true, passive: true, signal: deps.signal } as const;
    const doc = deps.window.document;
    doc.addEventListener('focusin', (event) => this.#onFocus(event.composedPath()[0] ?? event.target), options);
    doc.addEventListener('input', (event) => this.#onInput(event.composedPath()[0] ?? event.target), options);
    deps.window.addEventListener('scroll', () => this.#reposition(), options);
    deps.window.addEventListener('resize', () => this.#reposition(), options);
  }

  /** Applies a new pack or settings. A pack that fails its checks is refused and the last good kept. */
  applyState(state: ActiveState): void {
    const parsed = parseRulePack(state.pack);
    if (!parsed.ok) {
      console.warn(`Share to Protect: refused a rule pack (${parsed.problems.length} problems); keeping the last good one.`);
      if (this.#compiled) return;
      return;
    }
    this.#state = state;
    this.#compiled = compilePack(parsed.pack, {
      jurisdiction: state.settings.jurisdiction,
      disabledRules: state.settings.disabledRules,
    });
    this.#locale = chooseLocale(state.settings.locale, this.#deps.window.navigator.language);
    this.#t = translator(this.#locale);
    // Evaluators hold per-pack caches, so every note is re-read with the new pack.
    if (this.#field) {
      this.#notes.delete(this.#field);
      this.#schedule.request();
    }
    this.#render();
  }

  toggleSidebar(takeFocus: boolean): void {
    this.#sidebarOpen ? this.closeSidebar() : this.openSidebar(takeFocus);
  }

  openSidebar(takeFocus: boolean): void {
    this.#sidebarOpen = true;
    this.#sidebarTakesFocus = takeFocus;
    this.#render();
  }

  closeSidebar(): void {
    const hadFocus = this.#sidebarTakesFocus;
    this.#sidebarOpen = false;
    this.#sidebarTakesFocus = false;
    this.#render();
    // Return the worker to their note if they came from it by keyboard; focusing a field keeps
    // its own selection, so the caret is where they left it.
    if (hadFocus && this.#field?.isConnected) this.#field.focus({ preventScroll: true });
  }

  #onFocus(target: EventTarget | null): void {
    const field = caseNoteField(target, this.#fieldSelectors());
    if (!field || field === this.#field) return;
    this.#attach(field);
    this.#schedule.request();
  }

  #onInput(target: EventTarget | null): void {
    const field = caseNoteField(target, this.#fieldSelectors());
    if (!field) return;
    if (field !== this.#field) this.#attach(field);
    this.#schedule.request();
  }

  #fieldSelectors(): string[] {
    return this.#state?.settings.sites.flatMap((site) => site.fieldSelectors ?? []) ?? [];
  }

  #attach(field: HTMLElement): void {
    this.#field = field;
    this.#observer?.disconnect();
    if (field.isContentEditable) {
      // Some editors change their DOM without an input event (paste handlers, collaborative
      // edits, toolbar commands): watch the editing host itself, nothing wider.
      this.#observer = new MutationObserver(() => this.#schedule.request());
      this.#observer.observe(field, { childList: true, subtree: true, characterData: true });
      this.#deps.signal.addEventListener('abort', () => this.#observer?.disconnect(), { once: true });
    }
  }

  #note(field: HTMLElement): NoteRuntime | undefined {
    if (!this.#compiled || !this.#state) return undefined;
    let note = this.#notes.get(field);
    if (!note) {
      note = {
        key: this.#keys.keyFor(field),
        prompts: new NotePromptState(this.#keys.keyFor(field), { maxPrompts: this.#state.settings.maxPromptsPerNote }),
        evaluator: createNoteEvaluator(this.#compiled),
        visible: [],
        responses: new Map(),
        hadText: false,
      };
      this.#notes.set(field, note);
    }
    return note;
  }

  #evaluate(): void {
    const field = this.#field;
    if (!field?.isConnected) {
      this.#render();
      return;
    }
    let note = this.#note(field);
    if (!note) return;
    const text = readFieldText(field);
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
    const { visible, newlyShown } = note.prompts.select(hits);
    note.visible = visible;
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
      id: crypto.randomUUID(),
      at: new Date().toISOString(),
      kind,
      ruleId: hit.ruleId,
      packId: this.#compiled.packId,
      packVersion: this.#compiled.packVersion,
      concern: hit.concern,
      severity: hit.severity,
      systemId: this.#deps.systemId,
      origin: this.#deps.origin,
      noteKey: note.key,
      ...(response ? { response } : {}),
    };
    this.#deps.logEvent(event).catch((error: unknown) => {
      console.warn('Share to Protect: could not log a prompt event', error);
    });
  }

  #reposition(): void {
    if (!this.#field || this.#sidebarOpen) return;
    if (this.#positionFrame) return;
    this.#positionFrame = this.#deps.window.requestAnimationFrame(() => {
      this.#positionFrame = 0;
      this.#render();
    });
  }

  #render(): void {
    const field = this.#field;
    const note = field ? this.#notes.get(field) : undefined;
    const prompts = note?.visible ?? [];
    if (prompts.length === 0 && !this.#sidebarOpen && !this.#ui) return; // Nothing shown yet: touch no DOM.
    const win = this.#deps.window;
    this.#ui ??= createUiHost(win.document);
    this.#ui.show();
    const settings = this.#state?.settings;
    const indicator =
      field?.isConnected && prompts.length > 0
        ? indicatorPosition(field.getBoundingClientRect(), { width: win.innerWidth, height: win.innerHeight })
        : undefined;
    render(
      h(CaseNoteUi, {
        t: this.#t,
        locale: this.#locale,
        prompts,
        indicator,
        sidebarOpen: this.#sidebarOpen,
        sidebarTakesFocus: this.#sidebarTakesFocus,
        announcement: this.#announcement,
        contacts: settings?.contacts ?? [],
        allowSnooze: settings?.allowSnooze ?? true,
        responses: note?.responses ?? new Map(),
        onOpenSidebar: () => this.openSidebar(false),
        onCloseSidebar: () => this.closeSidebar(),
        onOpenDetail: (hit) => note && this.#log('opened', hit, note),
        onRespond: (hit, code) => {
          if (!note) return;
          note.responses.set(hit.ruleId, code);
          this.#log('responded', hit, note, code);
          this.#announcement = this.#t('responseRecorded', code);
          this.#render();
        },
        onSnooze: (hit) => {
          if (!note) return;
          note.prompts.snooze(hit.ruleId);
          note.visible = note.visible.filter((visible) => visible.ruleId !== hit.ruleId);
          this.#log('snoozed', hit, note);
          this.#render();
        },
        onOpenLog: () => this.#deps.openOptions(),
      }),
      this.#ui.container,
    );
  }

  destroy(): void {
    this.#observer?.disconnect();
    if (this.#ui) {
      render(null, this.#ui.container);
      this.#ui.remove();
    }
  }
}
