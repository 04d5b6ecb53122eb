import type { PromptEvent } from '../../log/event.ts';

/** Builds valid log events for tests, one field at a time overridable. */
export function logEvent(overrides: Partial<PromptEvent> = {}): PromptEvent {
  return {
    id: crypto.randomUUID(),
    at: '2026-11-26T10:00:00.000Z',
    kind: 'shown',
    ruleId: 'physical-abuse.disclosure',
    packId: 'uk-default',
    packVersion: '1.0.0',
    concern: 'physical-abuse',
    severity: 'warning',
    systemId: 'generic',
    origin: 'http://127.0.0.1:8080',
    noteKey: '9b2a8f5e-7d1c-4e0a-9f3b-2c6d8e1a4b5c',
    ...overrides,
  };
}

const concerns = ['physical-abuse', 'neglect', 'sexual-abuse', 'emotional-abuse', 'domestic-abuse'] as const;
const kinds = ['shown', 'shown', 'shown', 'opened', 'responded', 'snoozed'] as const;
const severities = ['info', 'warning', 'critical'] as const;

/** `count` varied events spread over `days` days before `end`, deterministic for a given count. */
export function manyEvents(count: number, end = Date.parse('2026-11-26T12:00:00.000Z'), days = 180): PromptEvent[] {
  const span = days * 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return logEvent({
      id: crypto.randomUUID(),
      at: new Date(end - Math.floor((i * span) / count)).toISOString(),
      kind,
      concern: concerns[i % concerns.length]!,
      severity: severities[i % severities.length]!,
      systemId: i % 2 === 0 ? 'mosaic' : 'lcs',
      ruleId: `${concerns[i % concerns.length]!}.rule-${i % 7}`,
      ...(kind === 'responded' ? { response: 'seeking-advice' as const } : {}),
    });
  });
}
