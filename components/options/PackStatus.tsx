import type { Status } from '../../messaging/protocol.ts';
import { jurisdictionLabels, settingLabels } from './SettingsLabels.ts';

const sourceLabels: Record<Status['packInfo']['source'], string> = {
  bundled: 'bundled with the extension',
  'policy-inline': 'set by your administrator (policy)',
  'policy-url': 'downloaded from your administrator’s address (policy)',
};

/**
 * The rule pack in force and the policy status, so a worker or an administrator checking a push
 * can see what applies, where it came from, and every reason a policy value was refused.
 */
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
        <dd data-testid="pack-effective">{packInfo.effectiveDate}</dd>
        <dt>Source</dt>
        <dd data-testid="pack-source">{sourceLabels[packInfo.source]}</dd>
        <dt>Jurisdiction</dt>
        <dd>{jurisdictionLabels[settings.jurisdiction]}</dd>
        {settings.disabledRules.length > 0 ? (
          <>
            <dt>Rules switched off</dt>
            <dd data-testid="disabled-rules">{settings.disabledRules.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <h2 id="opt-policy-heading">Policy status</h2>
      <div aria-live="polite">
        {policyProblems.length === 0 ? (
          <p data-testid="policy-ok">No problems with the settings from your administrator.</p>
        ) : (
          <div class="opt-error" data-testid="policy-status">
            <p>
              Part of your administrator’s latest policy was refused ({policyProblems.length}{' '}
              {policyProblems.length === 1 ? 'problem' : 'problems'}). The last good pack and settings stay in force;
              prompts continue.
            </p>
            <ul data-testid="policy-problems">
              {policyProblems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  {problem.path ? <code>{problem.path}</code> : 'Policy'}: {problem.message}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {lockedSettings.length > 0 ? (
        <p>
          Set by your administrator (you cannot change these):{' '}
          <span data-testid="locked-settings">{lockedSettings.map((key) => settingLabels[key] ?? key).join(', ')}</span>
        </p>
      ) : null}
    </section>
  );
}
