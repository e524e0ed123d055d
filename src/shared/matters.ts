/** Tiers of handling (分级处置), lowest first: escalation moves a case one step right. */
export const TIERS = ['grid', 'community', 'town', 'district'] as const;
export type Tier = (typeof TIERS)[number];

/** Which duty list a Matter is on: 基本职责 / 配合履职 / 上级部门收回 (the department handles it). */
export const MATTER_LISTS = ['basic', 'cooperative', 'withdrawn'] as const;
export type MatterList = (typeof MATTER_LISTS)[number];

/** The SLA clocks of a case, in the order they usually run. */
export const CLOCK_NAMES = ['accept', 'dispatch', 'arrive', 'handle', 'verify'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

/** min = minutes, h = hours (both wall-clock), wd = working days of the town's calendar. */
export const LIMIT_UNITS = ['min', 'h', 'wd'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];
