import { useEffect, useMemo, useState } from 'preact/hooks';
import { PromptLogDb } from '../../log/db.ts';
import { optionsText, OptionsTextContext } from './OptionsText.ts';
import { PackStatus } from './PackStatus.tsx';
import { usePageLanguage } from './PageLanguage.ts';
import { SettingsForm } from './SettingsForm.tsx';
import { useLiveStatus } from './SettingsLiveStatus.tsx';
import { LogView } from './LogView.tsx';

/** The options page: what is in force, why, and the log of prompts shown. */
export function OptionsApp() {
  const { status, error, reload } = useLiveStatus();
  const [db] = useState(() => new PromptLogDb());
  // The status is the settings in force, policy included, and is re-read after a save or a policy
  // push, so the page changes language when the worker saves a new choice. Until it is in, 'auto'.
  const locale = usePageLanguage(status?.settings.locale ?? 'auto');
  const text = useMemo(() => optionsText(locale), [locale]);
  const { t } = text;

  useEffect(() => () => db.close(), [db]);

  return (
    <OptionsTextContext.Provider value={text}>
      <main class="opt-main">
        <h1>{t('extName')}</h1>
        <p class="opt-lead">{t('options_lead')}</p>
        {error ? <p role="alert" class="opt-error">{t('options_unreachable', error)}</p> : null}
        {status ? <PackStatus status={status} /> : <p aria-busy="true">{t('options_loading')}</p>}
        {status ? <SettingsForm status={status} onSaved={reload} /> : null}
        <LogView db={db} settings={status?.settings} />
      </main>
    </OptionsTextContext.Provider>
  );
}
