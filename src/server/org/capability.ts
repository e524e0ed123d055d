import type { Capability } from '../platform/capability.ts';
import { GridLocatorCache } from './locator-cache.ts';
import { orgRoutes } from './routes.ts';
import { publicOrgRoutes } from './public-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    locator: GridLocatorCache;
  }
}

/** The organisation tree, grids and their boundaries, boards and posts, grid teams. */
export const org: Capability = {
  name: 'org',
  setup: async (app, { db }) => {
    app.decorate('locator', new GridLocatorCache(db));
  },
  routes: [orgRoutes, publicOrgRoutes],
};
