import type { CaseSystemAdapter } from './adapter.ts';

export const salesforce: CaseSystemAdapter = {
  id: 'salesforce',
  name: 'Salesforce Nonprofit Cloud',
  matches: ['*://*.lightning.force.com/*'],
  fixture: 'salesforce.html',
  testPaths: ['/salesforce.html'],
  fieldHints: { labels: ['Meeting Notes', 'Next Steps'] },
  quirks: [
    'Lightning web components: rich text (Quill) inside shadow roots, open or closed',
    'a closed root stops composedPath() at its host: reached with dom.openOrClosedShadowRoot',
  ],
};
