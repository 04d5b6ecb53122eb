import type { IndicatorPosition } from '../components/Indicator.tsx';

const badgeWidth = 56;
const badgeHeight = 32;
const gap = 6;

/**
 * Where the indicator goes for a field: just outside its bottom-right corner, so it never covers
 * the text being typed; docked to the viewport's right edge when the field leaves no room.
 * `frameOffset` shifts a field inside an iframe into the top document's coordinates.
 */
export function indicatorPosition(
  field: DOMRectReadOnly,
  viewport: { width: number; height: number },
  frameOffset: { top: number; left: number } = { top: 0, left: 0 },
): IndicatorPosition | undefined {
  const top = field.top + frameOffset.top;
  const bottom = field.bottom + frameOffset.top;
  const right = field.right + frameOffset.left;
  if (bottom < 0 || top > viewport.height) return undefined; // Field scrolled out of view.
  const clampedTop = Math.min(Math.max(bottom - badgeHeight, 4), viewport.height - badgeHeight - 4);
  if (right + gap + badgeWidth <= viewport.width - 4) {
    return { top: clampedTop, left: right + gap, docked: false };
  }
  return { top: clampedTop, left: viewport.width - badgeWidth - 4, docked: true };
}
