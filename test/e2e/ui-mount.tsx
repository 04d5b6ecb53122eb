/**
 * Test-only entry, bundled by ui-components.ts: mounts the worker's UI (the same Preact components
 * and CSS the extension renders in its closed shadow root) into an OPEN shadow root of a plain
 * page, where axe-core and Playwright locators can see it. Callbacks record what they were
 * called with in `window.uiCalls`.
 */
import { h, render } from 'preact';
import { CaseNoteUi } from '../../components/CaseNoteUi.tsx';
import type { IndicatorPosition } from '../../components/Indicator.tsx';
import { translator, type UiLocale } from '../../i18n/t.ts';
import type { RuleHit } from '../../rules/evaluate.ts';
import type { Contact } from '../../policy/settings.ts';

export interface MountSpec {
  css: string;
  locale: UiLocale;
  prompts: RuleHit[];
  indicator?: IndicatorPosition;
  sidebarOpen: boolean;
  contacts: Contact[];
  announcement?: string;
  heldBack?: number;
  /** What "Insert into note" reports back. */
  insertOutcome?: 'inserted' | 'field-gone' | 'not-inserted';
}

declare global {
  interface Window {
    mountUi: (spec: MountSpec) => void;
    uiCalls: string[];
  }
}

window.uiCalls = [];
window.mountUi = (spec) => {
  let host = document.getElementById('ui-host');
  if (!host) {
    host = document.createElement('div');
    host.id = 'ui-host';
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = spec.css;
    const container = document.createElement('div');
    shadow.append(style, container);
  }
  const container = host.shadowRoot?.lastElementChild;
  if (!container) throw new Error('ui-host lost its container');
  const call = (name: string) => (hit?: RuleHit, extra?: string) => {
    window.uiCalls.push([name, hit?.ruleId, extra].filter(Boolean).join(':'));
  };
  let sidebarOpen = spec.sidebarOpen;
  let takesFocus = spec.sidebarOpen;
  const draw = () =>
    render(
      h(CaseNoteUi, {
        t: translator(spec.locale),
        locale: spec.locale,
        prompts: spec.prompts,
        heldBack: spec.heldBack ?? 0,
        indicator: spec.indicator,
        sidebarOpen,
        sidebarTakesFocus: takesFocus,
        announcement: spec.announcement ?? '',
        contacts: spec.contacts,
        allowSnooze: true,
        responses: new Map(),
        today: '2026-11-26',
        onOpenSidebar: (byKeyboard) => {
          call('open')();
          sidebarOpen = true;
          takesFocus = byKeyboard;
          draw();
        },
        onCloseSidebar: () => {
          call('close')();
          sidebarOpen = false;
          draw();
        },
        onOpenDetail: (hit) => call('detail')(hit),
        onRespond: (hit, code) => call('respond')(hit, code),
        onSnooze: (hit) => call('snooze')(hit),
        onOpenSource: (hit) => call('source')(hit),
        onOpenLog: () => call('log')(),
        onInsertDecision: async (hit, text) => {
          call('insert')(hit, text);
          return spec.insertOutcome ?? 'inserted';
        },
      }),
      container,
    );
  draw();
};
