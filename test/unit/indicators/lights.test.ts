import { describe, expect, it } from 'vitest';
import { lightOf } from '../../../src/domain/indicators/lights.ts';

describe('lightOf', () => {
  it.each([
    // higher is better: target 95, band 5 → green from 95, yellow from 90, red below 90
    [96, 95, 5, 'higher', 'green'],
    [95, 95, 5, 'higher', 'green'],
    [94.99, 95, 5, 'higher', 'yellow'],
    [90, 95, 5, 'higher', 'yellow'],
    [89.99, 95, 5, 'higher', 'red'],
    [0, 95, 5, 'higher', 'red'],
    // no band: never yellow
    [94, 95, null, 'higher', 'red'],
    [94, 95, 0, 'higher', 'red'],
    // lower is better: target 5, band 3 → green to 5, yellow to 8, red above
    [0, 5, 3, 'lower', 'green'],
    [5, 5, 3, 'lower', 'green'],
    [5.01, 5, 3, 'lower', 'yellow'],
    [8, 5, 3, 'lower', 'yellow'],
    [8.01, 5, 3, 'lower', 'red'],
    // a count whose target is 0 (重大突发事件数): any one is red
    [0, 0, null, 'lower', 'green'],
    [1, 0, null, 'lower', 'red'],
    // nothing to compare
    [null, 95, 5, 'higher', 'none'],
    [80, null, 5, 'higher', 'none'],
    [null, null, null, 'lower', 'none'],
  ] as const)('value %s, target %s, band %s, %s → %s', (value, target, warnBand, direction, light) => {
    expect(lightOf({ value, target, warnBand, direction })).toBe(light);
  });
});
