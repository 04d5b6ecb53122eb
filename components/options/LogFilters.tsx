import { useEffect, useState } from 'preact/hooks';
import type { OptionsMessageKey } from '../../i18n/options.ts';
import type { PromptLogDb } from '../../log/db.ts';
import { EventKindSchema, SeveritySchema } from '../../log/event.ts';
import type { LogFilter } from '../../log/filter.ts';
import { distinctValues } from '../../log/query.ts';
import { eventKindLabelKeys, severityLabelKeys } from './LogCodeLabels.ts';
import { useOptionsText } from './OptionsText.ts';

/** `YYYY-MM-DD` from a date input as the start of that local day, as an ISO time. */
function startOfLocalDay(value: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

interface Choices {
  concern: string[];
  systemId: string[];
}

interface SelectProps {
  id: string;
  label: string;
  value: string | undefined;
  options: readonly string[];
  /** Catalogue keys of coded values; values without one (pack and system ids) show as they are. */
  optionLabels?: Readonly<Record<string, OptionsMessageKey>>;
  onChange: (value: string | undefined) => void;
}

function FilterSelect({ id, label, value, options, optionLabels, onChange }: SelectProps) {
  const { t } = useOptionsText();
  return (
    <div class="log-filter">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
        <option value="">{t('options_filter_all')}</option>
        {options.map((option) => {
          const labelKey = optionLabels?.[option];
          return (
            <option key={option} value={option}>
              {labelKey ? t(labelKey) : option}
            </option>
          );
        })}
      </select>
    </div>
  );
}

interface FiltersProps {
  db: PromptLogDb;
  /** False until the first page of the log is in: listing the choices reads the log too, and waits. */
  listChoices: boolean;
  onChange: (filter: LogFilter) => void;
}

/**
 * The log's filters. Applied as they change (each is one control, so nothing is half-entered);
 * the dates are whole local days, the "to" day included.
 */
export function LogFilters({ db, listChoices, onChange }: FiltersProps) {
  const { t } = useOptionsText();
  const [choices, setChoices] = useState<Choices>({ concern: [], systemId: [] });
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [picked, setPicked] = useState<Omit<LogFilter, 'from' | 'to'>>({});

  useEffect(() => {
    if (!listChoices) return;
    Promise.all([distinctValues(db, 'concern'), distinctValues(db, 'systemId')]).then(
      ([concern, systemId]) => setChoices({ concern, systemId }),
      (error: unknown) => console.warn('Share to Protect: could not list the log’s concerns and systems', error),
    );
  }, [db, listChoices]);

  useEffect(() => {
    const from = startOfLocalDay(fromDay);
    const to = startOfLocalDay(toDay, 1);
    onChange({ ...picked, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }, [fromDay, toDay, picked]);

  const pick = (field: keyof typeof picked) => (value: string | undefined) => setPicked((current) => ({ ...current, [field]: value }));

  return (
    <fieldset class="log-filters">
      <legend>{t('options_filter_legend')}</legend>
      <div class="log-filter">
        <label for="log-from">{t('options_filter_from')}</label>
        <input id="log-from" type="date" value={fromDay} onChange={(e) => setFromDay(e.currentTarget.value)} />
      </div>
      <div class="log-filter">
        <label for="log-to">{t('options_filter_to')}</label>
        <input id="log-to" type="date" value={toDay} onChange={(e) => setToDay(e.currentTarget.value)} />
      </div>
      <FilterSelect id="log-concern" label={t('options_column_concern')} value={picked.concern} options={choices.concern} onChange={pick('concern')} />
      <FilterSelect
        id="log-severity"
        label={t('options_column_severity')}
        value={picked.severity}
        options={SeveritySchema.options}
        optionLabels={severityLabelKeys}
        onChange={pick('severity')}
      />
      <FilterSelect id="log-system" label={t('options_column_system')} value={picked.systemId} options={choices.systemId} onChange={pick('systemId')} />
      <FilterSelect
        id="log-kind"
        label={t('options_column_event')}
        value={picked.kind}
        options={EventKindSchema.options}
        optionLabels={eventKindLabelKeys}
        onChange={pick('kind')}
      />
    </fieldset>
  );
}
