// The light of an indicator's value against its target, in the indicator's direction:
//   - none: no value or no target;
//   - higher is better: green when value ≥ target; yellow when target − warnBand ≤ value < target; red below;
//   - lower is better:  green when value ≤ target; yellow when target < value ≤ target + warnBand; red above;
//   - no warn band (null or 0): never yellow.
import type { IndicatorDirection, IndicatorLight } from '../../shared/indicators.ts';

export interface LightInput {
  value: number | null;
  target: number | null;
  warnBand: number | null;
  direction: IndicatorDirection;
}

export function lightOf({ value, target, warnBand, direction }: LightInput): IndicatorLight {
  if (value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target)) return 'none';
  const band = warnBand && warnBand > 0 ? warnBand : 0;
  if (direction === 'higher') {
    if (value >= target) return 'green';
    return value >= target - band ? 'yellow' : 'red';
  }
  if (value <= target) return 'green';
  return value <= target + band ? 'yellow' : 'red';
}
