import type { BackgroundService, CapabilityContext } from '../platform/capability.ts';

/** placeholder: the plans' trigger service (issue 14, its owner fills it in) */
export function planTriggerService(_ctx: CapabilityContext): BackgroundService {
  return { name: 'plan-triggers', runsOn: ['api', 'worker'], start: async () => {}, stop: async () => {} };
}
