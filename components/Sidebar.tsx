import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate, UiLocale } from '../i18n/t.ts';
import type { RuleHit } from '../rules/evaluate.ts';
import type { ResponseCode } from '../log/event.ts';
import type { Contact } from '../policy/settings.ts';
import type { InsertOutcome } from '../casenote/insert-text.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { PromptCardView, cardText } from './PromptCard.tsx';

export interface SidebarProps {
  t: Translate;
  locale: UiLocale;
  prompts: readonly RuleHit[];
  contacts: readonly Contact[];
  allowSnooze: boolean;
  responses: ReadonlyMap<string, ResponseCode>;
  /** Move focus into the sidebar when it opens (the worker asked for it by keyboard). */
  takeFocus: boolean;
  onClose: () => void;
  onOpenDetail: (hit: RuleHit) => void;
  onRespond: (hit: RuleHit, code: ResponseCode) => void;
  onSnooze: (hit: RuleHit) => void;
  onOpenSource: (hit: RuleHit) => void;
  onOpenLog: () => void;
  /** Non-critical prompts held back by the per-note cap. */
  heldBack: number;
  /** Today as yyyy-mm-dd (passed in so tests and the worker's clock agree). */
  today: string;
  /** Inserts the decision record at the note's caret and logs that a decision was recorded. */
  onInsertDecision: (hit: RuleHit, text: string) => Promise<InsertOutcome>;
  /**
   * Set for a note in a cross-origin child frame: "Record my decision" is handed to that frame,
   * whose own form writes the record, so the record's words never leave the note's frame.
   */
  onRecordDecisionElsewhere?: (hit: RuleHit) => void;
  /** A rule id whose decision form opens with the sidebar (handed over from the top frame). */
  decisionFirst?: string;
}

const severityRank = { critical: 2, warning: 1, info: 0 } as const;

const minWidth = 280;
const preferredWidth = 380;

function clampWidth(next: number): number {
  return Math.round(Math.min(Math.max(next, minWidth), window.innerWidth * maxWidthShare));
}
const maxWidthShare = 0.6;

/**
 * The guidance sidebar, docked to the right edge and opened only on demand. Resizable by its
 * edge (mouse or arrow keys) and collapsible, so the case system stays usable beside it.
 */
export function Sidebar(props: SidebarProps) {
  const { t, prompts } = props;
  // Never more than its share of a narrow window, at first or after the window changes.
  const [width, setWidth] = useState(() => clampWidth(preferredWidth));
  useEffect(() => {
    const fit = () => setWidth((current) => clampWidth(current));
    window.addEventListener('resize', fit, { passive: true });
    return () => window.removeEventListener('resize', fit);
  }, []);
  const [collapsed, setCollapsed] = useState(false);
  const [decisionFor, setDecisionFor] = useState<{ hit: RuleHit; summary: string; returnTo: string } | undefined>(undefined);
  const openDecision = (hit: RuleHit, card: RuleHit['cards'][number]) =>
    setDecisionFor({ hit, summary: cardText(card, props.locale).summary, returnTo: `${hit.ruleId}:${card.id}` });
  useEffect(() => {
    const hit = props.prompts.find((prompt) => prompt.ruleId === props.decisionFirst);
    const card = hit?.cards[0];
    if (hit && card) openDecision(hit, card);
  }, [props.decisionFirst]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const ordered = [...prompts].sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);

  useEffect(() => {
    if (props.takeFocus) headingRef.current?.focus({ preventScroll: true });
  }, [props.takeFocus]);

  const startResize = (event: PointerEvent) => {
    event.preventDefault();
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => setWidth(clampWidth(window.innerWidth - e.clientX));
    const stop = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', stop);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', stop);
  };

  const closeDecision = (refocus: boolean) => {
    const returnTo = decisionFor?.returnTo;
    setDecisionFor(undefined);
    // Back to the button that opened the form, so a keyboard user keeps their place; but after an
    // insertion the worker is back in their note, and stays there.
    if (returnTo && refocus) requestAnimationFrame(() => bodyRef.current?.querySelector<HTMLElement>(`[data-decision-for="${returnTo}"]`)?.focus());
  };

  return (
    <aside
      class={`stp-sidebar${collapsed ? ' stp-collapsed' : ''}`}
      style={{ width: collapsed ? undefined : `${width}px` }}
      aria-label={t('sidebarTitle')}
      onKeyDown={(event) => {
        // Keys typed here are the sidebar's: the case system's own shortcuts must not see them.
        event.stopPropagation();
        if (event.key !== 'Escape') return;
        if (decisionFor) closeDecision(true);
        else props.onClose();
      }}
    >
      {!collapsed ? (
        <div
          class="stp-resizer"
          role="separator"
          aria-orientation="vertical"
          aria-valuenow={width}
          aria-valuemin={minWidth}
          aria-label={t('resize')}
          aria-valuemax={Math.round(window.innerWidth * maxWidthShare)}
          tabIndex={0}
          onPointerDown={startResize}
          onKeyDown={(event) => {
            if (event.key === 'ArrowLeft') setWidth(clampWidth(width + 20));
            if (event.key === 'ArrowRight') setWidth(clampWidth(width - 20));
          }}
        />
      ) : null}
      <header class="stp-header">
        <h2 class="stp-title" tabIndex={-1} ref={headingRef}>
          {t('sidebarTitle')}
        </h2>
        <div class="stp-header-actions">
          <button type="button" class="stp-icon-button" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
            {collapsed ? t('expand') : t('collapse')}
          </button>
          <button type="button" class="stp-icon-button" onClick={props.onClose}>
            {t('close')}
          </button>
        </div>
      </header>
      {!collapsed ? (
        <div class="stp-body" ref={bodyRef}>
          {decisionFor ? (
            <DecisionForm
              t={t}
              about={decisionFor.summary}
              today={props.today}
              onInsert={(text) => props.onInsertDecision(decisionFor.hit, text)}
              onDone={(inserted) => closeDecision(!inserted)}
            />
          ) : (
            <>
              <p class="stp-muted">{t('sidebarSubtitle')}</p>
              {prompts.length === 0 ? <p>{t('noPrompts')}</p> : null}
              {ordered.flatMap((hit) =>
                hit.cards.map((card) => (
                  <PromptCardView
                    key={`${hit.ruleId}:${card.id}`}
                    t={t}
                    locale={props.locale}
                    hit={hit}
                    card={card}
                    contacts={props.contacts}
                    allowSnooze={props.allowSnooze}
                    response={props.responses.get(hit.ruleId)}
                    onOpenDetail={() => props.onOpenDetail(hit)}
                    onRespond={(code) => props.onRespond(hit, code)}
                    onSnooze={() => props.onSnooze(hit)}
                    onOpenSource={() => props.onOpenSource(hit)}
                    onRecordDecision={() => (props.onRecordDecisionElsewhere ? props.onRecordDecisionElsewhere(hit) : openDecision(hit, card))}
                  />
                )),
              )}
              {props.heldBack > 0 ? <p class="stp-muted">{t('heldBack', props.heldBack)}</p> : null}
              <p class="stp-muted stp-shortcut">{t('shortcutHint')}</p>
              <p>
                <button type="button" class="stp-link-button" onClick={props.onOpenLog}>
                  {t('openLog')}
                </button>
              </p>
            </>
          )}
        </div>
      ) : null}
    </aside>
  );
}
