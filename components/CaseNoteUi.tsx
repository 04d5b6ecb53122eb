import type { Translate, UiLocale } from '../i18n/t.ts';
import type { RuleHit } from '../rules/evaluate.ts';
import type { ResponseCode } from '../log/event.ts';
import type { Contact } from '../policy/settings.ts';
import { Indicator, type IndicatorPosition } from './Indicator.tsx';
import { Sidebar } from './Sidebar.tsx';

export interface CaseNoteUiProps {
  t: Translate;
  locale: UiLocale;
  prompts: readonly RuleHit[];
  indicator: IndicatorPosition | undefined;
  sidebarOpen: boolean;
  sidebarTakesFocus: boolean;
  /** Polite status text for screen readers; changes are announced without moving focus. */
  announcement: string;
  contacts: readonly Contact[];
  allowSnooze: boolean;
  responses: ReadonlyMap<string, ResponseCode>;
  onOpenSidebar: () => void;
  onCloseSidebar: () => void;
  onOpenDetail: (hit: RuleHit) => void;
  onRespond: (hit: RuleHit, code: ResponseCode) => void;
  onSnooze: (hit: RuleHit) => void;
  onOpenLog: () => void;
}

const severityRank = { critical: 2, warning: 1, info: 0 } as const;

/** Everything the worker sees on a case-system page, rendered inside the extension's shadow root. */
export function CaseNoteUi(props: CaseNoteUiProps) {
  const top = props.prompts.reduce<RuleHit | undefined>(
    (best, hit) => (!best || severityRank[hit.severity] > severityRank[best.severity] ? hit : best),
    undefined,
  );
  return (
    <div class="stp-root" lang={props.locale}>
      <div class="stp-live" role="status" aria-live="polite">
        {props.announcement}
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
          contacts={props.contacts}
          allowSnooze={props.allowSnooze}
          responses={props.responses}
          takeFocus={props.sidebarTakesFocus}
          onClose={props.onCloseSidebar}
          onOpenDetail={props.onOpenDetail}
          onRespond={props.onRespond}
          onSnooze={props.onSnooze}
          onOpenLog={props.onOpenLog}
        />
      ) : null}
    </div>
  );
}
