import { PARTNER_LIMITS } from '../../shared/alarms.ts';

/** Alert levels other platforms send, in our words (the same three as an alarm's). */
export const ALERT_LEVELS = ['red', 'orange', 'yellow'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

const LEVEL_NAMES: Record<AlertLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色' };

/** An alert type: letters, digits, dot, dash, underscore (the sender's own code, e.g. `fire.smoke`). */
export const ALERT_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export type TypeMatters = Record<string, string>;

export type MappingRefusal =
  | { code: 'typeInvalid'; type: string }
  | { code: 'matterUnknown'; type: string; matterCode: string }
  | { code: 'tooMany' };

export const MAX_TYPES = 50;

/**
 * The refusals of a platform's type → matter map: each type a well-formed code, each matter one of the catalog's
 * (`knownMatters`), at most 50 types. Empty when it holds.
 */
export function checkTypeMatters(map: TypeMatters, knownMatters: ReadonlySet<string>): MappingRefusal[] {
  const out: MappingRefusal[] = [];
  const entries = Object.entries(map);
  if (entries.length > MAX_TYPES) out.push({ code: 'tooMany' });
  for (const [type, matterCode] of entries) {
    if (!ALERT_TYPE_PATTERN.test(type) || type.length > PARTNER_LIMITS.alertType) out.push({ code: 'typeInvalid', type });
    else if (!knownMatters.has(matterCode)) out.push({ code: 'matterUnknown', type, matterCode });
  }
  return out;
}

/** The matter an alert of this type becomes, or null when the platform mapped none. Types match exactly. */
export function matterOf(map: TypeMatters, alertType: string): string | null {
  return Object.hasOwn(map, alertType) ? map[alertType]! : null;
}

/** The case's description, in Chinese: who sent it, the type, the level, the sender's text. */
export function alertCaseDescription(platformName: string, a: { type: string; level: AlertLevel; text: string }): string {
  return `【${platformName}·${LEVEL_NAMES[a.level]}告警】${a.type}：${a.text}`;
}

/** Whether a point lies inside the platform's ground (the org path of the grid it falls in starts with the platform's). */
export const onGround = (gridPath: string | null, platformPath: string): boolean => gridPath !== null && gridPath.startsWith(platformPath);
