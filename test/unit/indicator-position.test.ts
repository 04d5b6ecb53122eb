import { describe, expect, it } from 'vitest';
import { indicatorPosition } from '../../casenote/indicator-position.ts';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, right: left + width, bottom: top + height, width, height, x: left, y: top, toJSON: () => ({}) }) as DOMRectReadOnly;
const viewport = { width: 1280, height: 800 };

function overlaps(field: DOMRectReadOnly, at: { top: number; left: number }): boolean {
  return at.left < field.right && at.left + 56 > field.left && at.top < field.bottom && at.top + 32 > field.top;
}

describe('indicatorPosition', () => {
  it('sits just outside the bottom-right corner when there is room', () => {
    const field = rect(100, 100, 600, 200);
    const at = indicatorPosition(field, viewport);
    expect(at).toMatchObject({ left: 706, docked: false });
    expect(overlaps(field, at!)).toBe(false);
  });

  it('goes below a field that reaches the right edge, and above it when there is no room below', () => {
    const wide = rect(0, 100, 1280, 200);
    const below = indicatorPosition(wide, viewport)!;
    expect(below.top).toBe(306);
    expect(overlaps(wide, below)).toBe(false);
    const low = rect(0, 500, 1280, 290);
    const above = indicatorPosition(low, viewport)!;
    expect(above.top).toBeLessThan(500);
    expect(overlaps(low, above)).toBe(false);
  });

  it('docks at the edge only when the field fills the viewport', () => {
    expect(indicatorPosition(rect(0, 0, 1280, 800), viewport)).toMatchObject({ docked: true });
  });

  it('hides while the field is scrolled out of view, and follows a frame offset', () => {
    expect(indicatorPosition(rect(100, -400, 600, 200), viewport)).toBeUndefined();
    expect(indicatorPosition(rect(10, 10, 100, 100), viewport, { top: 50, left: 200 })).toMatchObject({ left: 316 });
  });
});
