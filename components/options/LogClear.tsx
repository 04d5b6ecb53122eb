import { useState } from 'preact/hooks';
import { requestBackground } from '../../messaging/client.ts';

interface LogClearProps {
  allowed: boolean | undefined;
  total: number;
  onCleared: () => void;
}

/**
 * Clearing the whole log, when policy allows (`settings.allowLogClear`). Asks once more in place
 * (not a browser dialog) and goes through the background, the log's only writer.
 */
export function LogClear({ allowed, total, onCleared }: LogClearProps) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  if (allowed === undefined) return null;
  if (!allowed) return <p data-testid="log-clear-off">Clearing the log is turned off by your administrator.</p>;

  const clear = async () => {
    setConfirming(false);
    try {
      await requestBackground({ type: 'clear-log' });
      setMessage('The log was cleared.');
      onCleared();
    } catch (error) {
      setMessage(`The log was not cleared: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <div class="log-actions">
      {confirming ? (
        <div role="group" aria-labelledby="log-clear-question">
          <span id="log-clear-question">Delete all {total.toLocaleString()} events from the log? This cannot be undone.</span>
          <button type="button" class="log-danger" onClick={() => void clear()}>
            Yes, clear the log
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" disabled={total === 0} onClick={() => setConfirming(true)}>
          Clear the log…
        </button>
      )}
      <p aria-live="polite" data-testid="log-clear-status">
        {message}
      </p>
    </div>
  );
}
