import { useEffect, useState } from 'preact/hooks';
import type { PromptLogDb } from '../../log/db.ts';
import { weeklyCounts, type WeeklyCounts } from '../../log/weekly.ts';
import { useOptionsText } from './OptionsText.ts';

const weekCount = 12;
const width = 640;
const height = 180;
const margin = { top: 10, right: 10, bottom: 28, left: 36 };

/**
 * Fills with at least 3:1 contrast against white (WCAG 1.4.11). Colour is never the only key:
 * the legend names each concern and the table below the chart gives every figure.
 */
const palette = ['#1d6fb8', '#c2410c', '#7e22ce', '#15803d', '#b91c1c', '#a16207', '#0e7490', '#be185d'];

/** Prompts shown per week over the last 12 weeks, stacked by concern, with the figures as a table. */
export function WeeklyChart({ db, refresh }: { db: PromptLogDb; refresh: number }) {
  const { t, count, number, day } = useOptionsText();
  const [counts, setCounts] = useState<WeeklyCounts | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    weeklyCounts(db, weekCount).then(setCounts, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [db, refresh]);

  if (error) return <p class="opt-error">{t('options_chart_failed', error)}</p>;
  if (!counts) return <p aria-busy="true">{t('options_chart_counting')}</p>;
  const concerns = [...counts.byConcern.keys()].sort();
  const totals = counts.weeks.map((_, week) => concerns.reduce((sum, concern) => sum + (counts.byConcern.get(concern)?.[week] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const slot = plotWidth / counts.weeks.length;
  const total = totals.reduce((a, b) => a + b, 0);

  return (
    <section aria-labelledby="log-chart-heading" class="log-chart">
      <h3 id="log-chart-heading">{t('options_chart_heading')}</h3>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={count(total, 'options_chart_label_one', 'options_chart_label', number(weekCount))}
        data-testid="weekly-chart"
      >
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} class="log-axis" />
        <text x={margin.left - 6} y={margin.top + 8} text-anchor="end" class="log-tick">
          {number(max)}
        </text>
        {counts.weeks.map((week, i) => {
          let y = height - margin.bottom;
          return (
            <g key={week}>
              {concerns.map((concern, c) => {
                const value = counts.byConcern.get(concern)?.[i] ?? 0;
                const h = (value / max) * plotHeight;
                y -= h;
                return value > 0 ? (
                  <rect key={concern} x={margin.left + i * slot + 2} y={y} width={slot - 4} height={h} fill={palette[c % palette.length]} />
                ) : null;
              })}
              {i % 2 === 0 ? (
                <text x={margin.left + i * slot + slot / 2} y={height - 8} text-anchor="middle" class="log-tick">
                  {day(week, 'dayMonth')}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul class="log-legend">
        {concerns.map((concern, c) => (
          <li key={concern}>
            <span class="log-swatch" style={{ background: palette[c % palette.length] }} aria-hidden="true" />
            {concern}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('options_chart_show_table')}</summary>
        <div class="opt-table-wrap">
          <table class="opt-table">
            <caption class="opt-visually-hidden">{t('options_chart_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_chart_week_starting')}</th>
                {concerns.map((concern) => (
                  <th scope="col" key={concern}>
                    {concern}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {counts.weeks.map((week, i) => (
                <tr key={week}>
                  <th scope="row">
                    <time dateTime={week}>{day(week, 'date')}</time>
                  </th>
                  {concerns.map((concern) => (
                    <td key={concern}>{number(counts.byConcern.get(concern)?.[i] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
