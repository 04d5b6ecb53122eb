/** Names of settings as an administrator or worker reads them on the options page. */
export const settingLabels: Record<string, string> = {
  jurisdiction: 'Jurisdiction',
  disabledRules: 'Rules switched off',
  sites: 'Case systems',
  contacts: 'Local contacts',
  logRetentionDays: 'Days the log is kept',
  allowSnooze: 'Snoozing prompts',
  allowLogExport: 'Exporting the log',
  allowLogClear: 'Clearing the log',
  locale: 'Language',
  maxPromptsPerNote: 'Most prompts per note',
};

export const jurisdictionLabels = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
} as const;

export const localeLabels = { auto: 'Same as the browser', en: 'English', cy: 'Cymraeg (Welsh)' } as const;
