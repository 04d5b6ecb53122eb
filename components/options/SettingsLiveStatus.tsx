import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestBackground } from '../../messaging/client.ts';
import type { Status } from '../../messaging/protocol.ts';

/** storage.session key the background touches whenever the policy status changes (background/policy-wiring.ts). */
const policyStatusKey = 'policyStatusChanged';

/**
 * The status in force, kept current: an administrator watching this page while pushing a policy
 * sees it take effect (or be refused) without reloading.
 */
export function useLiveStatus(): { status: Status | undefined; error: string | undefined; reload: () => void } {
  const [status, setStatus] = useState<Status | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(() => {
    requestBackground({ type: 'get-status' }).then(
      (next) => {
        setStatus(next);
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  useEffect(() => {
    reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && policyStatusKey in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [reload]);
  return { status, error, reload };
}
