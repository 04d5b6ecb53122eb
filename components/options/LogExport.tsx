import { useState } from 'preact/hooks';
import type { PromptLogDb } from '../../log/db.ts';
import { exportLog, type ExportFormat } from '../../log/export.ts';
import type { LogFilter } from '../../log/filter.ts';

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

/** Export of the events matching the filters, when policy allows (`settings.allowLogExport`). */
export function LogExport({ db, filter, allowed }: { db: PromptLogDb; filter: LogFilter; allowed: boolean | undefined }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  if (allowed === undefined) return null;
  if (!allowed) return <p data-testid="log-export-off">Exporting the log is turned off by your administrator.</p>;

  const run = async (format: ExportFormat) => {
    setBusy(true);
    setMessage(`Preparing the ${format.toUpperCase()} export…`);
    try {
      performance.mark('stp-log-export-start');
      const result = await exportLog(db, filter, format);
      download(result.blob, result.fileName);
      performance.measure(`stp-log-export-${format}`, 'stp-log-export-start');
      setMessage(`Exported ${result.count.toLocaleString()} events as ${format.toUpperCase()} (${result.fileName}).`);
    } catch (error) {
      setMessage(`The export failed: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="log-actions" role="group" aria-labelledby="log-export-label">
      <span id="log-export-label">Export the events shown by the filters:</span>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={busy} onClick={() => void run('json')}>
        Export JSON
      </button>
      <p aria-live="polite" data-testid="log-export-status">
        {message}
      </p>
    </div>
  );
}
