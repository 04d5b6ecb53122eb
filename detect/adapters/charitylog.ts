import type { CaseSystemAdapter } from './adapter.ts';

export const charitylog: CaseSystemAdapter = {
  id: 'charitylog',
  name: 'Charitylog',
  matches: ['*://*.charitylog.co.uk/*'],
  fixture: 'charitylog.html',
  testPaths: ['/charitylog.html'],
  fieldHints: { labels: ['Details of contact', 'Further Action'] },
  quirks: ['TinyMCE 6 classic: the editable body is in an iframe with srcdoc'],
};
