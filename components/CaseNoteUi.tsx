import { useEffect, useState } from 'preact/hooks';
import type { Translate, UiLocale } from '../i18n/t.ts';
import type { RuleHit } from '../rules/evaluate.ts';
import type { ResponseCode } from '../log/event.ts';
import type { Contact } from '../policy/settings.ts';
import type { InsertOutcome } from '../casenote/insert-text.ts';
import { Indicator, type IndicatorPosition } from './Indicator.tsx';
import { Sidebar } from './Sidebar.tsx';

export interface CaseNoteUiProps {
  t: Translate;
  locale: UiLocale;
  prompts: readonly RuleHit[];
  /** Non-critical prompts held back by the per-note cap. */
  heldBack: number;
  indicator: IndicatorPosition | undefined;
  sidebarOpen: boolean;
  sidebarTakesFocus: boolean;
  /** Polite status text for screen readers; changes are announced without moving focus. */
  announcement: string;
  contacts: readonly Contact[];
  allowSnooze: boolean;
  responses: ReadonlyMap<string, ResponseCode>;
  /** Today as yyyy-mm-dd, for the decision form. */
  today: string;
  /** `byKeyboard`: the worker pressed the indicator from the keyboard, so focus follows into the sidebar. */
  onOpenSidebar: (byKeyboard: boolean) => void;
  onCloseSidebar: () => void;
  onOpenDetail: (hit: RuleHit) => void;
  onRespond: (hit: RuleHit, code: ResponseCode) => void;
  onSnooze: (hit: RuleHit) => void;
  onOpenSource: (hit: RuleHit) => void;
  onOpenLog: () => void;
  onInsertDecision: (hit: RuleHit, text: string) => Promise<InsertOutcome>;
  /** See SidebarProps: for a note in a cross-origin child frame. */
  onRecordDecisionElsewhere?: (hit: RuleHit) => void;
  decisionFirst?: string;
}

const severityRank = { critical: 2, warning: 1, info: 0 } as const;

/**
 * A live region only speaks about changes made after it is in the accessibility tree, so the
 * first announcement waits a moment after the region appears.
 */
function useDeferredAnnouncement(announcement: string): string {
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(announcement), 150);
    return () => clearTimeout(timer);
  }, [announcement]);
  return spoken;
}

/** Everything the worker sees on a case-system page, rendered inside the extension's shadow root. */
export function CaseNoteUi(props: CaseNoteUiProps) {
  const spoken = useDeferredAnnouncement(props.announcement);
  const top = props.prompts.reduce<RuleHit | undefined>(
    (best, hit) => (!best || severityRank[hit.severity] > severityRank[best.severity] ? hit : best),
    undefined,
  );
  return (
    <div class="stp-root" lang={props.locale}>
      <div class="stp-live" role="status" aria-live="polite" aria-atomic="true">
        {spoken}
      </div>
      {top && props.indicator && !props.sidebarOpen ? (
        <Indicator
          t={props.t}
          count={props.prompts.length}
          severity={top.severity}
          position={props.indicator}
          onOpen={props.onOpenSidebar}
        />
      ) : null}
      {props.sidebarOpen ? (
        <Sidebar
          t={props.t}
          locale={props.locale}
          prompts={props.prompts}
          heldBack={props.heldBack}
          contacts={props.contacts}
          allowSnooze={props.allowSnooze}
          responses={props.responses}
          takeFocus={props.sidebarTakesFocus}
          today={props.today}
          onClose={props.onCloseSidebar}
          onOpenDetail={props.onOpenDetail}
          onRespond={props.onRespond}
          onSnooze={props.onSnooze}
          onOpenSource={props.onOpenSource}
          onOpenLog={props.onOpenLog}
          onInsertDecision={props.onInsertDecision}
          onRecordDecisionElsewhere={props.onRecordDecisionElsewhere}
          decisionFirst={props.decisionFirst}
        />
      ) : null}
    </div>
  );
}
