import type { Status } from '../../messaging/protocol.ts';

const sourceLabels: Record<Status['packInfo']['source'], string> = {
  bundled: 'bundled with the extension',
  'policy-inline': 'set by your administrator (policy)',
  'policy-url': 'downloaded from your administrator’s address (policy)',
};

/** The rule pack in force and the policy status, so a worker or admin can see what applies. */
export function PackStatus({ status }: { status: Status }) {
  const { packInfo, settings, policyProblems, lockedSettings } = status;
  return (
    <section aria-labelledby="opt-pack-heading">
      <h2 id="opt-pack-heading">Rule pack in force</h2>
      <dl class="opt-facts">
        <dt>Pack</dt>
        <dd data-testid="pack-id">{packInfo.id}</dd>
        <dt>Version</dt>
        <dd data-testid="pack-version">{packInfo.version}</dd>
        <dt>Effective from</dt>
        <dd>{packInfo.effectiveDate}</dd>
        <dt>Source</dt>
        <dd data-testid="pack-source">{sourceLabels[packInfo.source]}</dd>
        <dt>Jurisdiction</dt>
        <dd>{settings.jurisdiction}</dd>
      </dl>
      <h2 id="opt-policy-heading">Policy status</h2>
      {policyProblems.length === 0 ? (
        <p data-testid="policy-ok">No problems with the settings from your administrator.</p>
      ) : (
        <div role="alert" class="opt-error">
          <p>Your administrator’s latest policy was refused; the last good settings stay in force:</p>
          <ul data-testid="policy-problems">
            {policyProblems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {lockedSettings.length > 0 ? (
        <p>
          Set by your administrator (you cannot change these): <span data-testid="locked-settings">{lockedSettings.join(', ')}</span>
        </p>
      ) : null}
    </section>
  );
}
