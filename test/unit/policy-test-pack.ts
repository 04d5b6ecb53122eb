/** A small valid rule pack for policy tests (the bundled pack is the rules engineer's to change). */
export function testPack(overrides: { id?: string; version?: string; ruleId?: string; phrase?: string } = {}): Record<string, unknown> {
  const ruleId = overrides.ruleId ?? 'policy-test-rule';
  return {
    id: overrides.id ?? 'policy-test-pack',
    name: 'Policy test pack',
    version: overrides.version ?? '2.0.0',
    effectiveDate: '2026-01-01',
    jurisdictions: ['england'],
    sources: [{ id: 'ico-10-step', title: 'A 10 step guide', publisher: 'ICO', url: 'https://ico.org.uk/' }],
    contactCategories: [],
    lexicons: {},
    normalisation: { words: {} },
    context: [],
    rules: [
      {
        id: ruleId,
        concern: 'neglect',
        severity: 'warning',
        triggers: [{ phrases: [overrides.phrase ?? 'purple elephant'] }],
        cards: [
          {
            id: `${ruleId}-card`,
            summary: 'A test card',
            detail: 'Detail of the test card.',
            sources: [{ source: 'ico-10-step' }],
            links: [],
            contactCategories: [],
            responses: ['not-relevant'],
          },
        ],
        examples: { match: [`I saw a ${overrides.phrase ?? 'purple elephant'}`], noMatch: ['Nothing to see'] },
      },
    ],
    combinations: [],
  };
}
