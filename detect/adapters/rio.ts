import type { CaseSystemAdapter } from './adapter.ts';

export const rio: CaseSystemAdapter = {
  id: 'rio',
  name: 'RiO',
  // Hosted per NHS trust: activated by policy `sites`.
  matches: [],
  fixture: 'rio.html',
  testPaths: ['/rio.html', '/rio/progress-notes.html'],
  fieldHints: { labels: ['Progress Notes'] },
  quirks: ['frameset-style layout: the note textarea is in a same-origin iframe with its own src'],
};
