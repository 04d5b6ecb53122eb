import type { OptionsMessageKey } from '../../i18n/options.ts';
import type { MessageKey } from '../../i18n/t.ts';
import type { EventKind, PromptEvent, ResponseCode } from '../../log/event.ts';

/**
 * Catalogue keys of the codes the log stores, for the table and the filters. Severities and
 * responses use the sidebar's own words, so the log names them as the worker saw them.
 * Concerns, rules and systems are ids from the rule pack and adapters, and are shown as they are.
 */
export const severityLabelKeys: Record<PromptEvent['severity'], MessageKey> = {
  info: 'severity_info',
  warning: 'severity_warning',
  critical: 'severity_critical',
};

export const eventKindLabelKeys: Record<EventKind, OptionsMessageKey> = {
  shown: 'options_event_shown',
  opened: 'options_event_opened',
  responded: 'options_event_responded',
  snoozed: 'options_event_snoozed',
  'decision-recorded': 'options_event_decision_recorded',
  'source-opened': 'options_event_source_opened',
};

export const responseLabelKeys: Record<ResponseCode, MessageKey> = {
  shared: 'response_shared',
  'will-share': 'response_will_share',
  'seeking-advice': 'response_seeking_advice',
  'emergency-services': 'response_emergency_services',
  'not-relevant': 'response_not_relevant',
  'already-known': 'response_already_known',
};
