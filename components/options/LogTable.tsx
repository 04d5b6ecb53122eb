import type { OptionsMessageKey } from '../../i18n/options.ts';
import type { PromptEvent } from '../../log/event.ts';
import { eventKindLabelKeys, responseLabelKeys, severityLabelKeys } from './LogCodeLabels.ts';
import { useOptionsText, type OptionsText } from './OptionsText.ts';

interface LogTableProps {
  rows: PromptEvent[];
  page: number;
  /** Undefined while the log is still being counted. */
  pages: number | undefined;
  hasOlder: boolean;
  onPage: (page: number) => void;
}

const columns: OptionsMessageKey[] = [
  'options_column_time',
  'options_column_event',
  'options_column_rule',
  'options_column_concern',
  'options_column_severity',
  'options_column_system',
  'options_column_site',
  'options_column_response',
];

function pageName({ t, number }: OptionsText, page: number, pages: number | undefined): string {
  return pages === undefined ? t('options_page', number(page + 1)) : t('options_page_of', number(page + 1), number(pages));
}

/** One page of the log, newest first, with a pager (paging keeps 100,000 events quick to show). */
export function LogTable({ rows, page, pages, hasOlder, onPage }: LogTableProps) {
  const text = useOptionsText();
  const { t, dateTime } = text;
  return (
    <>
      <div class="opt-table-wrap">
        <table class="opt-table" data-testid="log-table">
          <caption class="opt-visually-hidden">{t('options_table_caption', pageName(text, page, pages))}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  {t(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={event.at}>{dateTime(event.at)}</time>
                </td>
                <td>{t(eventKindLabelKeys[event.kind])}</td>
                <td>{event.ruleId}</td>
                <td>{event.concern}</td>
                <td>{t(severityLabelKeys[event.severity])}</td>
                <td>{event.systemId}</td>
                <td>{event.origin}</td>
                <td>{event.response ? t(responseLabelKeys[event.response]) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t('options_pager')} class="opt-pager">
        <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
          {t('options_newer')}
        </button>
        <span>{pageName(text, page, pages)}</span>
        <button type="button" disabled={!hasOlder} onClick={() => onPage(page + 1)}>
          {t('options_older')}
        </button>
      </nav>
    </>
  );
}
