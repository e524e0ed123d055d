import type { Capability } from '../platform/capability.ts';
import { GridLocatorCache } from './locator-cache.ts';
import { orgRoutes } from './routes.ts';
import { publicOrgRoutes } from './public-routes.ts';
import { demoRosterStep } from './demo-roster.ts';

declare module 'fastify' {
  interface FastifyInstance {
    locator: GridLocatorCache;
  }
}

/** The organisation tree, grids and their boundaries, boards and posts, grid teams; the demo's duty roster. */
export const org: Capability = {
  name: 'org',
  setup: async (app, { db }) => {
    app.decorate('locator', new GridLocatorCache(db));
  },
  routes: [orgRoutes, publicOrgRoutes],
  demo: demoRosterStep,
};
