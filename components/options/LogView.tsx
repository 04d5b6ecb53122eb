import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { PromptLogDb } from '../../log/db.ts';
import type { PromptEvent } from '../../log/event.ts';
import type { LogFilter } from '../../log/filter.ts';
import { boundaryOf, countEvents, pageOfEvents, type PageBoundary } from '../../log/query.ts';
import type { Settings } from '../../policy/settings.ts';
import { LogClear } from './LogClear.tsx';
import { LogExport } from './LogExport.tsx';
import { LogFilters } from './LogFilters.tsx';
import { LogProblemsNotice, type LogReadError } from './LogProblemsNotice.tsx';
import { LogTable } from './LogTable.tsx';
import { useOptionsText } from './OptionsText.ts';
import { WeeklyChart } from './WeeklyChart.tsx';
import './log.css';

const pageSize = 50;

/**
 * The log of prompts shown: filters, one page of events (updated live as events arrive), the
 * weekly chart, export and clearing. Reads Dexie directly (this is an extension page); every
 * change goes through the background.
 */
export function LogView({ db, settings }: { db: PromptLogDb; settings: Settings | undefined }) {
  const { t, count } = useOptionsText();
  const [filter, setFilter] = useState<LogFilter>({});
  // Where each page visited starts (undefined: the newest); the last is the page shown.
  const [starts, setStarts] = useState<Array<PageBoundary | undefined>>([undefined]);
  const [rows, setRows] = useState<PromptEvent[] | undefined>();
  const [total, setTotal] = useState<number | undefined>();
  const [readError, setReadError] = useState<LogReadError | undefined>();
  const [refresh, setRefresh] = useState(0);
  const [countedOnce, setCountedOnce] = useState(false);
  const page = starts.length - 1;
  const start = starts[page];
  const firstRowsShown = rows !== undefined;

  useEffect(() => {
    const onBlocked = () => setReadError({ kind: 'blocked' });
    db.on('blocked', onBlocked);
    return () => db.on('blocked').unsubscribe(onBlocked);
  }, [db]);

  const onReadError = (e: unknown) => setReadError({ kind: 'failed', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });

  // The page of rows and the count are separate live queries: the rows are a short index walk,
  // while the count of a long log takes longer, and the table must not wait for it.
  useEffect(() => {
    const subscription = liveQuery(() => pageOfEvents(db, filter, pageSize, start)).subscribe({
      next: (next) => {
        setRows(next);
        setReadError(undefined);
      },
      error: onReadError,
    });
    return () => subscription.unsubscribe();
  }, [db, filter, start]);

  // Started once the first rows are in, so its read queues behind theirs rather than ahead.
  useEffect(() => {
    if (!firstRowsShown) return;
    setTotal(undefined);
    const subscription = liveQuery(() => countEvents(db, filter)).subscribe({
      next: (next) => {
        setTotal(next);
        setCountedOnce(true);
      },
      error: (e: unknown) => {
        onReadError(e);
        setCountedOnce(true);
      },
    });
    return () => subscription.unsubscribe();
  }, [db, filter, firstRowsShown]);

  useEffect(() => {
    // For `npm run bench`: navigation start to the first page of rows painted (the frame after
    // they are committed; the count and chart may follow).
    if (rows === undefined || performance.getEntriesByName('stp-log-first-rows').length > 0) return;
    requestAnimationFrame(() => setTimeout(() => performance.mark('stp-log-first-rows'), 0));
  }, [rows]);

  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
  const hasOlder = pages === undefined ? (rows?.length ?? 0) === pageSize : page + 1 < pages;
  // Newer goes back to where that page started; Older starts after the last row shown.
  const goTo = (next: number) => setStarts((current) => (next < current.length ? current.slice(0, next + 1) : [...current, boundaryOf(rows ?? [])]));
  return (
    <section aria-labelledby="opt-log-heading" class="log-view">
      <h2 id="opt-log-heading">{t('options_log_heading')}</h2>
      <p>{count(settings?.logRetentionDays ?? 180, 'options_log_intro_one', 'options_log_intro')}</p>
      <LogProblemsNotice readError={readError} refresh={refresh} />
      <LogFilters
        db={db}
        listChoices={firstRowsShown}
        onChange={(next) => {
          // The filters report on mount too; an unchanged filter must not re-read the log.
          if (JSON.stringify(next) === JSON.stringify(filter)) return;
          setFilter(next);
          setStarts([undefined]);
        }}
      />
      <p aria-live="polite" data-testid="log-total">
        {rows === undefined ? t('options_log_reading') : total === undefined ? t('options_log_counting') : count(total, 'options_log_total_one', 'options_log_total')}
      </p>
      <LogTable rows={rows ?? []} page={page} pages={pages} hasOlder={hasOlder} onPage={goTo} />
      <LogExport db={db} filter={filter} allowed={settings?.allowLogExport} />
      <LogClear
        allowed={settings?.allowLogClear}
        total={total ?? 0}
        onCleared={() => {
          setRefresh((n) => n + 1);
          setStarts([undefined]);
        }}
      />
      {/* After the first page and the first count, so its longer read queues behind theirs. */}
      {countedOnce ? <WeeklyChart db={db} refresh={refresh} /> : null}
    </section>
  );
}
