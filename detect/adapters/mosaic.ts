import type { CaseSystemAdapter } from './adapter.ts';

export const mosaic: CaseSystemAdapter = {
  id: 'mosaic',
  name: 'Mosaic',
  // Each council hosts Mosaic on its own domain: activated by policy `sites`.
  matches: [],
  fixture: 'mosaic.html',
  testPaths: ['/mosaic.html'],
  fieldHints: { labels: ['Note', 'Case note'] },
  quirks: [
    'single-page app: "Add case note" changes route with history.pushState, no reload',
    'CKEditor 5 is created after the route change and destroyed and re-created when the panel reopens',
  ],
};
