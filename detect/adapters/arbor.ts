import type { CaseSystemAdapter } from './adapter.ts';

export const arbor: CaseSystemAdapter = {
  id: 'arbor',
  name: 'Arbor',
  matches: ['*://*.arbor.sc/*'],
  fixture: 'arbor.html',
  testPaths: ['/arbor.html'],
  fieldHints: { labels: ['Concern details', 'Action taken', 'Follow-up note'] },
  quirks: [
    'Lexical rich and plain text editors ([data-lexical-editor])',
    'a TipTap/ProseMirror editor on a tab that stays hidden until opened',
  ],
};
