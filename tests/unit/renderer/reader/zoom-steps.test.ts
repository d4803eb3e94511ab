import { describe, expect, it } from 'vitest';
import { steppedZoom } from '../../../../renderer/src/reader/pdf/zoom-steps';

describe('steppedZoom', () => {
  it('goes from a fitted factor to the nearest level that way, then level by level', () => {
    expect(steppedZoom(1.26, 1)).toBe(1.5);
    expect(steppedZoom(1.5, 1)).toBe(1.75);
    expect(steppedZoom(1.26, -1)).toBe(1.25);
  });
  it('counts a factor a hair off a level as that level', () => {
    expect(steppedZoom(0.9999, 1)).toBe(1.1);
    expect(steppedZoom(1.0001, -1)).toBe(0.9);
  });
  it('stays at the ends', () => {
    expect(steppedZoom(4, 1)).toBe(4);
    expect(steppedZoom(0.25, -1)).toBe(0.25);
  });
});
