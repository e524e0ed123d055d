import type { Capability } from '../platform/capability.ts';
import { alarmRoutes } from './alarm-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';
import { alertRoutes } from './alert-routes.ts';
import { alarmClockService } from './alarm-clock.ts';

/**
 * Alarms and care work orders (关爱工单, issue 13): each alarm a device's rules raise opens a red urgent case in the case
 * loop, is escalated until someone acknowledges it, and goes to partners by webhook; other platforms' alerts become
 * cases through `POST /api/alerts`.
 */
export const alarms: Capability = {
  name: 'alarms',
  routes: [alarmRoutes, webhookRoutes, alertRoutes],
  services: (ctx) => [alarmClockService(ctx)],
};
