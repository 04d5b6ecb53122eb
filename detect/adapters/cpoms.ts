import type { CaseSystemAdapter } from './adapter.ts';

export const cpoms: CaseSystemAdapter = {
  id: 'cpoms',
  name: 'CPOMS',
  matches: ['*://*.cpoms.net/*'],
  fixture: 'cpoms.html',
  testPaths: ['/cpoms.html'],
  fieldHints: { labels: ['Incident'] },
  quirks: ['plain textareas; "Quick incident" adds a modal textarea about a second after the click'],
};
