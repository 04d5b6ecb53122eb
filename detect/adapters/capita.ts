import type { CaseSystemAdapter } from './adapter.ts';

export const capita: CaseSystemAdapter = {
  id: 'capita-one',
  name: 'Capita One',
  // Hosted per local authority: activated by policy `sites`.
  matches: [],
  fixture: 'capita.html',
  testPaths: ['/capita.html'],
  fieldHints: { labels: ['Case Note Detail'] },
  quirks: [
    'ASP.NET web forms: the whole screen is one <form> with __VIEWSTATE',
    'RadEditor-style legacy editor: an about:blank iframe in designMode, no contenteditable attribute',
  ],
};
