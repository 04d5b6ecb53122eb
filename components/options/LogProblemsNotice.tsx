import { useEffect, useState } from 'preact/hooks';
import type { OptionsMessageKey } from '../../i18n/options.ts';
import type { LogProblem, LogProblemKind } from '../../log/problems.ts';
import { requestBackground } from '../../messaging/client.ts';
import { useOptionsText } from './OptionsText.ts';

/** Why this page could not read the log: another page holds an old version open, or a read failed. */
export type LogReadError = { kind: 'blocked' } | { kind: 'failed'; detail: string };

const problemKeys: Record<LogProblemKind, OptionsMessageKey> = {
  'disk-full': 'options_problem_disk_full',
  'refused-event': 'options_problem_refused_event',
  'database-unavailable': 'options_problem_database_unavailable',
  'write-failed': 'options_problem_write_failed',
};

/**
 * What is wrong with the log, in words: the background's recent write problems (full disk,
 * refused events, a database it cannot open) and this page's own failure to read it.
 */
export function LogProblemsNotice({ readError, refresh }: { readError: LogReadError | undefined; refresh: number }) {
  const { t, dateTime } = useOptionsText();
  const [problems, setProblems] = useState<LogProblem[]>([]);
  const [unreachable, setUnreachable] = useState<string | undefined>();

  useEffect(() => {
    requestBackground({ type: 'get-log-problems' }).then(
      (response) => setProblems(response.problems),
      (error: unknown) => setUnreachable(error instanceof Error ? error.message : String(error)),
    );
  }, [refresh]);

  if (!readError && problems.length === 0 && !unreachable) return null;
  return (
    <div role="alert" class="opt-error" data-testid="log-problems">
      <p>{t('options_problems_intro')}</p>
      <ul>
        {readError ? <li>{t('options_problems_read', readError.kind === 'blocked' ? t('options_log_blocked') : readError.detail)}</li> : null}
        {unreachable ? <li>{t('options_problems_unreachable', unreachable)}</li> : null}
        {problems.map((problem) => (
          <li key={`${problem.kind}:${problem.message}`}>
            <time dateTime={problem.at}>{dateTime(problem.at)}</time>: {t(problemKeys[problem.kind])}.{' '}
            {/* The background writes the detail, in English only; marked so a screen reader reads it as English. */}
            <span lang="en">{problem.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
