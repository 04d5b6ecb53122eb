import type { CaseSystemAdapter } from './adapter.ts';

export const dynamics: CaseSystemAdapter = {
  id: 'dynamics-365',
  name: 'Dynamics 365 case management',
  // UK region tenants (crm11); other regions are added by policy `sites`.
  matches: ['*://*.crm11.dynamics.com/*'],
  fixture: 'dynamics.html',
  testPaths: ['/dynamics.html', '/dynamics/notes-frame.html'],
  fieldHints: { labels: ['Enter a note', 'Notes'] },
  quirks: [
    'classic notes: CKEditor 4 inside a web-resource iframe, so the editable body is two frames below the record',
    'modern timeline: a role=textbox contenteditable in the record document',
  ],
};
