import type { Translate } from '../i18n/t.ts';
import type { Severity } from '../rules/schema.ts';

export interface IndicatorPosition {
  /** Viewport coordinates of the indicator's top-left corner. */
  top: number;
  left: number;
  /** Docked at the page edge because the field leaves no room beside it. */
  docked: boolean;
}

export interface IndicatorProps {
  t: Translate;
  count: number;
  severity: Severity;
  position: IndicatorPosition;
  onOpen: (byKeyboard: boolean) => void;
}

/**
 * The passive prompt: a small badge beside the note field. It never takes focus on its own;
 * a mouse press on it is kept from moving focus out of the note (so the caret stays put), and
 * it is still a real button for keyboard and screen-reader users.
 */
export function Indicator({ t, count, severity, position, onOpen }: IndicatorProps) {
  const label = count === 1 ? t('indicatorLabelOne') : t('indicatorLabel', count);
  return (
    <button
      type="button"
      class={`stp-indicator stp-${severity}${position.docked ? ' stp-docked' : ''}`}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      aria-label={label}
      title={label}
      onMouseDown={(event) => event.preventDefault()}
      // A click with no pointer (detail 0) came from Enter or Space: the indicator is about to
      // disappear under the sidebar, so focus must move into the sidebar or it would be lost.
      onClick={(event) => onOpen(event.detail === 0)}
    >
      <span class="stp-indicator-mark" aria-hidden="true">
        {severity === 'critical' ? '!' : 'i'}
      </span>
      <span class="stp-indicator-count" aria-hidden="true">
        {count}
      </span>
    </button>
  );
}
