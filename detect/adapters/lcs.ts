import type { CaseSystemAdapter } from './adapter.ts';

export const lcs: CaseSystemAdapter = {
  id: 'lcs',
  name: 'Liquidlogic LCS / EHM',
  // Hosted per council (on premises or by the supplier): activated by policy `sites`.
  matches: [],
  fixture: 'lcs.html',
  testPaths: ['/lcs.html'],
  fieldHints: { labels: ['Case Note', 'Casenote', 'Diary record'] },
  quirks: [
    'CKEditor 4 classic: the editable body lives in an about:blank iframe written with document.write, which Chromium never injects into',
  ],
};
