import { useState } from 'preact/hooks';
import type { PromptLogDb } from '../../log/db.ts';
import { exportLog, type ExportFormat } from '../../log/export.ts';
import type { LogFilter } from '../../log/filter.ts';
import { useOptionsText, type OptionsText } from './OptionsText.ts';

/** Hands a Blob to the browser as a download, without a round trip through the background. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has taken its copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where an export stands; kept as facts, not words, so a change of language re-words it. */
type ExportState =
  | { step: 'preparing'; format: ExportFormat }
  | { step: 'done'; format: ExportFormat; count: number; fileName: string }
  | { step: 'failed'; reason: string };

function exportStatus({ t, count }: OptionsText, state: ExportState | undefined): string {
  if (state === undefined) return '';
  if (state.step === 'failed') return t('options_export_failed', state.reason);
  const format = state.format.toUpperCase();
  if (state.step === 'preparing') return t('options_export_preparing', format);
  return count(state.count, 'options_export_done_one', 'options_export_done', format, state.fileName);
}

/**
 * Export of the events matching the filters, when policy allows (`settings.allowLogExport`).
 * The file's column names and codes stay English whatever the page's language: they are a data
 * format (documented in docs/log.md) that spreadsheets and scripts read, not words for the worker.
 */
export function LogExport({ db, filter, allowed }: { db: PromptLogDb; filter: LogFilter; allowed: boolean | undefined }) {
  const text = useOptionsText();
  const { t } = text;
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<ExportState | undefined>();

  if (allowed === undefined) return null;
  if (!allowed) return <p data-testid="log-export-off">{t('options_export_off')}</p>;

  const run = async (format: ExportFormat) => {
    setBusy(true);
    setState({ step: 'preparing', format });
    try {
      performance.mark('stp-log-export-start');
      const result = await exportLog(db, filter, format);
      download(result.blob, result.fileName);
      performance.measure(`stp-log-export-${format}`, 'stp-log-export-start');
      setState({ step: 'done', format, count: result.count, fileName: result.fileName });
    } catch (error) {
      setState({ step: 'failed', reason: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="log-actions" role="group" aria-labelledby="log-export-label">
      <span id="log-export-label">{t('options_export_label')}</span>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {t('options_export_csv')}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('json')}>
        {t('options_export_json')}
      </button>
      <p aria-live="polite" data-testid="log-export-status">
        {exportStatus(text, state)}
      </p>
    </div>
  );
}
