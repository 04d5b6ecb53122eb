import type { IndicatorPosition } from '../components/Indicator.tsx';

const badgeWidth = 56;
const badgeHeight = 32;
const gap = 6;
const margin = 4;

/**
 * Where the indicator goes for a field, never over the text being typed: just outside its
 * bottom-right corner; where the field reaches the viewport's right edge, just below (or, with no
 * room below, above) its right end; where the field fills the viewport, docked to the right edge
 * at the field's bottom, the corner least likely to hold the caret.
 * `frameOffset` shifts a field inside an iframe into this document's coordinates.
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
  const edgeLeft = viewport.width - badgeWidth - margin;
  if (right + gap + badgeWidth <= viewport.width - margin) {
    const besideTop = Math.min(Math.max(bottom - badgeHeight, margin), viewport.height - badgeHeight - margin);
    return { top: besideTop, left: right + gap, docked: false };
  }
  const left = Math.min(right - badgeWidth, edgeLeft);
  if (bottom + gap + badgeHeight <= viewport.height - margin) return { top: bottom + gap, left, docked: false };
  if (top - gap - badgeHeight >= margin) return { top: top - gap - badgeHeight, left, docked: false };
  return { top: viewport.height - badgeHeight - margin, left: edgeLeft, docked: true };
}
