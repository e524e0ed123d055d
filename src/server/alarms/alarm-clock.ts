import type { BackgroundService, CapabilityContext } from '../platform/capability.ts';

// filled in by its owner (issue 13): rule deadlines, care orders, escalation, webhooks
export function alarmClockService(_ctx: CapabilityContext): BackgroundService {
  return { name: 'alarm-clock', runsOn: ['api', 'worker'], start: async () => undefined, stop: async () => undefined };
}
