import type { PromptEvent } from '../../log/event.ts';

interface LogTableProps {
  rows: PromptEvent[];
  page: number;
  /** Undefined while the log is still being counted. */
  pages: number | undefined;
  hasOlder: boolean;
  onPage: (page: number) => void;
}

function pageName(page: number, pages: number | undefined): string {
  return pages === undefined ? `Page ${page + 1}` : `Page ${page + 1} of ${pages}`;
}

/** One page of the log, newest first, with a pager (paging keeps 100,000 events quick to show). */
export function LogTable({ rows, page, pages, hasOlder, onPage }: LogTableProps) {
  return (
    <>
      <div class="opt-table-wrap">
        <table class="opt-table" data-testid="log-table">
          <caption class="opt-visually-hidden">Prompt log, newest first. {pageName(page, pages)}</caption>
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
            {rows.map((event) => (
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
        <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
          Newer
        </button>
        <span>{pageName(page, pages)}</span>
        <button type="button" disabled={!hasOlder} onClick={() => onPage(page + 1)}>
          Older
        </button>
      </nav>
    </>
  );
}
