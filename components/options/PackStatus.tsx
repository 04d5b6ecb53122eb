import type { OptionsMessageKey } from '../../i18n/options.ts';
import type { Status } from '../../messaging/protocol.ts';
import { useOptionsText } from './OptionsText.ts';
import { jurisdictionLabelKeys, settingLabelKey, settingLabelKeys } from './SettingsLabels.ts';

const sourceLabelKeys: Record<Status['packInfo']['source'], OptionsMessageKey> = {
  bundled: 'options_pack_source_bundled',
  'policy-inline': 'options_pack_source_policy_inline',
  'policy-url': 'options_pack_source_policy_url',
};

/**
 * The rule pack in force and the policy status, so a worker or an administrator checking a push
 * can see what applies, where it came from, and every reason a policy value was refused.
 */
export function PackStatus({ status }: { status: Status }) {
  const { t, count } = useOptionsText();
  const { packInfo, settings, policyProblems, lockedSettings } = status;
  return (
    <section aria-labelledby="opt-pack-heading">
      <h2 id="opt-pack-heading">{t('options_pack_heading')}</h2>
      <dl class="opt-facts">
        <dt>{t('options_pack_id')}</dt>
        <dd data-testid="pack-id">{packInfo.id}</dd>
        <dt>{t('options_pack_version')}</dt>
        <dd data-testid="pack-version">{packInfo.version}</dd>
        <dt>{t('options_pack_effective')}</dt>
        <dd data-testid="pack-effective">{packInfo.effectiveDate}</dd>
        <dt>{t('options_pack_source')}</dt>
        <dd data-testid="pack-source">{t(sourceLabelKeys[packInfo.source])}</dd>
        <dt>{t(settingLabelKeys.jurisdiction)}</dt>
        <dd>{t(jurisdictionLabelKeys[settings.jurisdiction])}</dd>
        {settings.disabledRules.length > 0 ? (
          <>
            <dt>{t(settingLabelKeys.disabledRules)}</dt>
            <dd data-testid="disabled-rules">{settings.disabledRules.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <h2 id="opt-policy-heading">{t('options_policy_heading')}</h2>
      <div aria-live="polite">
        {policyProblems.length === 0 ? (
          <p data-testid="policy-ok">{t('options_policy_ok')}</p>
        ) : (
          <div class="opt-error" data-testid="policy-status">
            <p>{count(policyProblems.length, 'options_policy_refused_one', 'options_policy_refused')}</p>
            <ul data-testid="policy-problems">
              {policyProblems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  {problem.path ? <code>{problem.path}</code> : t('options_policy_whole')}:{' '}
                  {/* The validator writes its reasons in English; marked so a screen reader reads them as English. */}
                  <span lang="en">{problem.message}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {lockedSettings.length > 0 ? (
        <p>
          {t('options_locked_list')}{' '}
          <span data-testid="locked-settings">
            {lockedSettings
              .map((key) => {
                const label = settingLabelKey(key);
                return label ? t(label) : key;
              })
              .join(', ')}
          </span>
        </p>
      ) : null}
    </section>
  );
}
