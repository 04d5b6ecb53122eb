import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { requestBackground } from '../../messaging/client.ts';
import type { Status } from '../../messaging/protocol.ts';
import type { UserSettings } from '../../policy/user-settings.ts';
import { useOptionsText } from './OptionsText.ts';
import { jurisdictionLabelKeys, localeLabelKeys, settingLabelKeys } from './SettingsLabels.ts';

type Editable = Required<UserSettings>;

const labelStyle = { minWidth: '14em', fontWeight: 600 };

/**
 * The settings a worker may choose. A setting the administrator fixed is shown, disabled, with
 * the reason next to it, so the worker knows why it cannot be changed and who to ask.
 */
export function SettingsForm({ status, onSaved }: { status: Status; onSaved: () => void }) {
  const { t } = useOptionsText();
  const locked = new Set(status.lockedSettings);
  const [draft, setDraft] = useState<Editable>(() => pick(status.settings));
  // The outcome, not its words: saving a new language re-renders this message in that language.
  const [outcome, setOutcome] = useState<{ saved: true } | { saved: false; reason: string } | undefined>();
  // A policy push changes what is in force while the page is open: show it.
  const inForce = JSON.stringify(pick(status.settings));
  useEffect(() => setDraft(pick(status.settings)), [inForce]);

  const set = <K extends keyof Editable>(key: K, value: Editable[K]) => setDraft({ ...draft, [key]: value });
  const hint = (key: keyof Editable) =>
    locked.has(key) ? (
      <span id={`opt-set-${key}-locked`} style={{ fontStyle: 'italic' }}>
        {t('options_settings_locked')}
      </span>
    ) : null;
  const described = (key: keyof Editable) => (locked.has(key) ? `opt-set-${key}-locked` : undefined);

  const save = async (event: Event) => {
    event.preventDefault();
    const mine = Object.fromEntries(Object.entries(draft).filter(([key]) => !locked.has(key))) as UserSettings;
    try {
      await requestBackground({ type: 'save-user-settings', settings: mine });
      setOutcome({ saved: true });
      onSaved();
    } catch (error) {
      setOutcome({ saved: false, reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="opt-settings-heading">
      <h2 id="opt-settings-heading">{t('options_settings_heading')}</h2>
      <form onSubmit={save}>
        <Row>
        <label style={labelStyle} for="opt-set-jurisdiction">{t(settingLabelKeys.jurisdiction)}</label>
        <select
          id="opt-set-jurisdiction"
          value={draft.jurisdiction}
          disabled={locked.has('jurisdiction')}
          aria-describedby={described('jurisdiction')}
          onChange={(e) => set('jurisdiction', e.currentTarget.value as Editable['jurisdiction'])}
        >
          {Object.entries(jurisdictionLabelKeys).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
        {hint('jurisdiction')}
        </Row>
        <Row>
        <label style={labelStyle} for="opt-set-locale">{t(settingLabelKeys.locale)}</label>
        <select
          id="opt-set-locale"
          value={draft.locale}
          disabled={locked.has('locale')}
          aria-describedby={described('locale')}
          onChange={(e) => set('locale', e.currentTarget.value as Editable['locale'])}
        >
          {Object.entries(localeLabelKeys).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
        {hint('locale')}
        </Row>
        <Row>
        <NumberField id="maxPromptsPerNote" min={1} max={50} value={draft.maxPromptsPerNote} locked={locked.has('maxPromptsPerNote')} onChange={(v) => set('maxPromptsPerNote', v)} />
        {hint('maxPromptsPerNote')}
        </Row>
        <Row>
        <NumberField id="logRetentionDays" min={1} max={3650} value={draft.logRetentionDays} locked={locked.has('logRetentionDays')} onChange={(v) => set('logRetentionDays', v)} />
        {hint('logRetentionDays')}
        </Row>
        <Row>
          <button type="submit">{t('options_settings_save')}</button>
          <span role="status" class={outcome?.saved === false ? 'opt-error' : undefined}>
            {outcome === undefined ? '' : outcome.saved ? t('options_settings_saved') : t('options_settings_not_saved', outcome.reason)}
          </span>
        </Row>
      </form>
    </section>
  );
}

/** One setting per line; the label's width is fixed so the controls line up. */
function Row({ children }: { children: ComponentChildren }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 12px', alignItems: 'center', margin: '8px 0' }}>{children}</div>;
}

function NumberField(props: { id: 'maxPromptsPerNote' | 'logRetentionDays'; min: number; max: number; value: number; locked: boolean; onChange: (value: number) => void }) {
  const { t } = useOptionsText();
  const id = `opt-set-${props.id}`;
  return (
    <>
      <label style={labelStyle} for={id}>{t(settingLabelKeys[props.id])}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        required
        min={props.min}
        max={props.max}
        step={1}
        value={props.value}
        disabled={props.locked}
        aria-describedby={props.locked ? `${id}-locked` : undefined}
        onInput={(e) => {
          const value = e.currentTarget.valueAsNumber;
          if (Number.isInteger(value)) props.onChange(value);
        }}
      />
    </>
  );
}

function pick(settings: Status['settings']): Editable {
  const { jurisdiction, locale, maxPromptsPerNote, logRetentionDays } = settings;
  return { jurisdiction, locale, maxPromptsPerNote, logRetentionDays };
}
