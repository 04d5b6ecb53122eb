import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { PromptLogDb } from '../../log/db.ts';
import type { PromptEvent } from '../../log/event.ts';
import type { LogFilter } from '../../log/filter.ts';
import { countEvents, pageOfEvents } from '../../log/query.ts';
import type { Settings } from '../../policy/settings.ts';
import { LogClear } from './LogClear.tsx';
import { LogExport } from './LogExport.tsx';
import { LogFilters } from './LogFilters.tsx';
import { LogProblemsNotice } from './LogProblemsNotice.tsx';
import { LogTable } from './LogTable.tsx';
import { WeeklyChart } from './WeeklyChart.tsx';
import './log.css';

const pageSize = 50;

/**
 * The log of prompts shown: filters, one page of events (updated live as events arrive), the
 * weekly chart, export and clearing. Reads Dexie directly (this is an extension page); every
 * change goes through the background.
 */
export function LogView({ db, settings }: { db: PromptLogDb; settings: Settings | undefined }) {
  const [filter, setFilter] = useState<LogFilter>({});
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<PromptEvent[] | undefined>();
  const [total, setTotal] = useState(0);
  const [readError, setReadError] = useState<string | undefined>();
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    const onBlocked = () => setReadError('another window holds an older version of the log open; close other Share to Protect pages and reload');
    db.on('blocked', onBlocked);
    return () => db.on('blocked').unsubscribe(onBlocked);
  }, [db]);

  useEffect(() => {
    const subscription = liveQuery(async () => ({
      rows: await pageOfEvents(db, filter, pageSize, page),
      total: await countEvents(db, filter),
    })).subscribe({
      next: (result) => {
        setRows(result.rows);
        setTotal(result.total);
        setReadError(undefined);
        // For `npm run bench`: how long the first view takes with a long log.
        if (performance.getEntriesByName('stp-log-first-rows').length === 0) performance.mark('stp-log-first-rows');
      },
      error: (e: unknown) => setReadError(e instanceof Error ? `${e.name}: ${e.message}` : String(e)),
    });
    return () => subscription.unsubscribe();
  }, [db, filter, page]);

  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section aria-labelledby="opt-log-heading" class="log-view">
      <h2 id="opt-log-heading">Prompts shown</h2>
      <p>
        Which prompts were shown and what was done, kept for {settings?.logRetentionDays ?? 180} days. The note text is
        never logged.
      </p>
      <LogProblemsNotice readError={readError} refresh={refresh} />
      <LogFilters
        db={db}
        onChange={(next) => {
          // The filters report on mount too; an unchanged filter must not re-read the log.
          if (JSON.stringify(next) === JSON.stringify(filter)) return;
          setFilter(next);
          setPage(0);
        }}
      />
      <p aria-live="polite" data-testid="log-total">
        {rows === undefined ? 'Reading the log…' : total === 1 ? '1 event' : `${total.toLocaleString()} events`}
      </p>
      <LogTable rows={rows ?? []} page={page} pages={pages} onPage={setPage} />
      <LogExport db={db} filter={filter} allowed={settings?.allowLogExport} />
      <LogClear allowed={settings?.allowLogClear} total={total} onCleared={() => setRefresh((n) => n + 1)} />
      {/* After the first page, so the chart's longer read never delays the table. */}
      {rows === undefined ? null : <WeeklyChart db={db} refresh={refresh} />}
    </section>
  );
}
