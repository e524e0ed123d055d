import type { Capability } from '../platform/capability.ts';
import { WorkingCalendarCache } from './calendar-cache.ts';
import { calendarRoutes } from './routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    calendar: WorkingCalendarCache;
  }
}

/** The working calendar that working-day deadlines count on. */
export const calendar: Capability = {
  name: 'calendar',
  setup: async (app, { db }) => {
    app.decorate('calendar', new WorkingCalendarCache(db));
  },
  routes: [calendarRoutes],
};
