import { useEffect, useState } from 'preact/hooks';
import { PromptLogDb } from '../../log/db.ts';
import { PackStatus } from './PackStatus.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { useLiveStatus } from './SettingsLiveStatus.tsx';
import { LogView } from './LogView.tsx';

/** The options page: what is in force, why, and the log of prompts shown. */
export function OptionsApp() {
  const { status, error, reload } = useLiveStatus();
  const [db] = useState(() => new PromptLogDb());

  useEffect(() => () => db.close(), [db]);

  return (
    <main class="opt-main">
      <h1>Share to Protect</h1>
      <p class="opt-lead">
        Prompts and guidance on sharing information to safeguard children. The note you write is checked on this
        device only; this page shows which prompts were shown and what you did, never the note itself.
      </p>
      {error ? <p role="alert" class="opt-error">Could not reach the extension: {error}</p> : null}
      {status ? <PackStatus status={status} /> : <p aria-busy="true">Loading…</p>}
      {status ? <SettingsForm status={status} onSaved={reload} /> : null}
      <LogView db={db} settings={status?.settings} />
    </main>
  );
}
