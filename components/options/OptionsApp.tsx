import { useEffect, useState } from 'preact/hooks';
import { requestBackground } from '../../messaging/client.ts';
import type { Status } from '../../messaging/protocol.ts';
import { PromptLogDb } from '../../log/db.ts';
import { PackStatus } from './PackStatus.tsx';
import { LogView } from './LogView.tsx';

/** The options page: what is in force, why, and the log of prompts shown. */
export function OptionsApp() {
  const [status, setStatus] = useState<Status | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [db] = useState(() => new PromptLogDb());

  useEffect(() => {
    requestBackground({ type: 'get-status' }).then(setStatus, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
    return () => db.close();
  }, [db]);

  return (
    <main class="opt-main">
      <h1>Share to Protect</h1>
      <p class="opt-lead">
        Prompts and guidance on sharing information to safeguard children. The note you write is checked on this
        device only; this page shows which prompts were shown and what you did, never the note itself.
      </p>
      {error ? <p role="alert" class="opt-error">Could not reach the extension: {error}</p> : null}
      {status ? <PackStatus status={status} /> : <p aria-busy="true">Loading…</p>}
      <LogView db={db} settings={status?.settings} />
    </main>
  );
}
