import type { Capability } from '../platform/capability.ts';
import { loadMapSettings, type MapSettings } from './settings.ts';
import { PlaceSources } from './place-sources.ts';
import { orgUnitPlaces } from './org-places.ts';
import { mapRoutes, publicMapRoutes } from './routes.ts';
import { allowBasemapHosts } from './content-policy.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mapSettings: MapSettings;
    /** the address search's sources: org units here; the registry adds its buildings and places in its setup */
    places: PlaceSources;
  }
}

/** Maps: where a map opens, the basemap by configuration, the address search. */
export const maps: Capability = {
  name: 'maps',
  setup: async (app, { config }) => {
    const settings = loadMapSettings(config.env);
    app.decorate('mapSettings', settings);
    allowBasemapHosts(app, settings.basemap);
    const places = new PlaceSources();
    places.register(orgUnitPlaces);
    app.decorate('places', places);
  },
  routes: [mapRoutes, publicMapRoutes],
};
