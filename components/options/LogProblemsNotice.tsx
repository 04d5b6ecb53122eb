import { useEffect, useState } from 'preact/hooks';
import type { LogProblem } from '../../log/problems.ts';
import { requestBackground } from '../../messaging/client.ts';

/**
 * What is wrong with the log, in words: the background's recent write problems (full disk,
 * refused events, a database it cannot open) and this page's own failure to read it.
 */
export function LogProblemsNotice({ readError, refresh }: { readError: string | undefined; refresh: number }) {
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
      <p>There is a problem with the prompt log:</p>
      <ul>
        {readError ? <li>The log could not be read: {readError}. Nothing has been deleted.</li> : null}
        {unreachable ? <li>Could not ask the extension about logging problems: {unreachable}</li> : null}
        {problems.map((problem) => (
          <li key={`${problem.kind}:${problem.message}`}>
            <time dateTime={problem.at}>{new Date(problem.at).toLocaleString()}</time>: {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
