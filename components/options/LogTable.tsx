import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { PromptLogDb } from '../../log/db.ts';
import type { PromptEvent } from '../../log/event.ts';
import { recentEvents } from '../../log/store.ts';

const pageSize = 50;

/** The log of prompts shown, newest first, updated live as events arrive. */
export function LogTable({ db }: { db: PromptLogDb }) {
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState<PromptEvent[] | undefined>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const subscription = liveQuery(async () => ({
      rows: await recentEvents(db, pageSize, page * pageSize),
      total: await db.events.count(),
    })).subscribe({
      next: (result) => {
        setRows(result.rows);
        setTotal(result.total);
      },
      error: (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    });
    return () => subscription.unsubscribe();
  }, [db, page]);

  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section aria-labelledby="opt-log-heading">
      <h2 id="opt-log-heading">Prompts shown</h2>
      {error ? <p role="alert" class="opt-error">The log could not be read: {error}</p> : null}
      <p aria-live="polite">{total === 1 ? '1 event' : `${total} events`}</p>
      <div class="opt-table-wrap">
        <table class="opt-table" data-testid="log-table">
          <caption class="opt-visually-hidden">Prompt log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Rule</th>
              <th scope="col">Concern</th>
              <th scope="col">Severity</th>
              <th scope="col">System</th>
              <th scope="col">Site</th>
              <th scope="col">Response</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time>
                </td>
                <td>{event.kind}</td>
                <td>{event.ruleId}</td>
                <td>{event.concern}</td>
                <td>{event.severity}</td>
                <td>{event.systemId}</td>
                <td>{event.origin}</td>
                <td>{event.response ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Log pages" class="opt-pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Newer
        </button>
        <span>
          Page {page + 1} of {pages}
        </span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          Older
        </button>
      </nav>
    </section>
  );
}
