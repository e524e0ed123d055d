import type { Role } from './roles.ts';

export const ALARM_STATUSES = ['active', 'acknowledged', 'cleared'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

/** care: a person may need help (a care order); safety: smoke, gas, water (a safety case); maintenance: the device itself. */
export const ALARM_CATEGORIES = ['care', 'safety', 'maintenance'] as const;
export type AlarmCategory = (typeof ALARM_CATEGORIES)[number];

/**
 * Who an escalation step notifies: the grid's workers, the holders (A and B) of the care order's post, the community's
 * staff, the command center's duty officer on the roster now.
 */
export const ESCALATION_ROLES = ['gridWorker', 'carePost', 'communityStaff', 'dutyOfficer'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/**
 * Escalation until someone answers, as configuration per device profile: step 0 goes out when the alarm is raised;
 * each later step goes out `afterMin` minutes after the previous one if nobody has acknowledged; after the last step
 * the last step is re-sent every `repeatEveryMin` minutes until someone does.
 */
export interface EscalationPolicy {
  steps: { notify: EscalationRole[]; afterMin: number }[];
  repeatEveryMin: number;
}

export const ESCALATION_LIMITS = { steps: 6, maxMin: 24 * 60 } as const;

export const ALARM_LIMITS = { clearNote: 500 } as const;

/** Who sees alarms (inside their territory) and answers them. */
export const ALARM_READERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];
export const ALARM_RESPONDERS = ['admin', 'leader', 'dispatcher', 'communityStaff', 'gridWorker'] as const satisfies readonly Role[];

/** Partners notified of alarms by webhook (family doctor, traffic police, 120): set up by the town's leaders. */
export const WEBHOOK_ADMINS = ['admin', 'leader'] as const satisfies readonly Role[];
/** Other platforms sending alerts with their own API key: registered by the system administrator. */
export const PLATFORM_ADMINS = ['admin'] as const satisfies readonly Role[];

export const PARTNER_LIMITS = { name: 60, url: 500, alertText: 1000, externalId: 100, alertType: 40 } as const;
