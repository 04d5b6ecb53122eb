import { useState } from 'preact/hooks';
import { requestBackground } from '../../messaging/client.ts';
import { useOptionsText } from './OptionsText.ts';

interface LogClearProps {
  allowed: boolean | undefined;
  total: number;
  onCleared: () => void;
}

/** How the last clear went; kept as facts, not words, so a change of language re-words it. */
type ClearOutcome = { cleared: true } | { cleared: false; reason: string };

/**
 * Clearing the whole log, when policy allows (`settings.allowLogClear`). Asks once more in place
 * (not a browser dialog) and goes through the background, the log's only writer.
 */
export function LogClear({ allowed, total, onCleared }: LogClearProps) {
  const { t, count } = useOptionsText();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<ClearOutcome | undefined>();

  if (allowed === undefined) return null;
  if (!allowed) return <p data-testid="log-clear-off">{t('options_clear_off')}</p>;

  const clear = async () => {
    setConfirming(false);
    try {
      await requestBackground({ type: 'clear-log' });
      setOutcome({ cleared: true });
      onCleared();
    } catch (error) {
      setOutcome({ cleared: false, reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div class="log-actions">
      {confirming ? (
        <div role="group" aria-labelledby="log-clear-question">
          <span id="log-clear-question">{count(total, 'options_clear_question_one', 'options_clear_question')}</span>
          <button type="button" class="log-danger" onClick={() => void clear()}>
            {t('options_clear_confirm')}
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t('options_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" disabled={total === 0} onClick={() => setConfirming(true)}>
          {t('options_clear_start')}
        </button>
      )}
      <p aria-live="polite" data-testid="log-clear-status">
        {outcome === undefined ? '' : outcome.cleared ? t('options_clear_done') : t('options_clear_failed', outcome.reason)}
      </p>
    </div>
  );
}
