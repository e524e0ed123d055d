import type { Capability } from '../platform/capability.ts';
import { POPULATION_TAGS } from '../../domain/registry/tags.ts';
import { seedPlatformTags } from './tags-store.ts';
import { registryRoutes } from './routes.ts';
import { thingCaseRoutes } from './thing-cases-routes.ts';
import { mapLayerRoutes } from './map-layers-routes.ts';
import { demoRegistryStep } from './demo/demo-step.ts';
import { registryImportRoutes } from './import-routes.ts';
import { registryImportJobs } from './import-job.ts';
import { hazardListRoutes } from './hazard-list-routes.ts';

/**
 * The grid registry 人房地物 (issue 11): residents, households and the household file, buildings and their layout,
 * places, things and their inspections, the hazard ledger. At setup the platform's key-population tags are added to
 * the catalog (those there already, and a town's own visit frequencies, are kept).
 */
export const registry: Capability = {
  name: 'registry',
  setup: async (_app, { db }) => {
    await db.transaction((tx) => seedPlatformTags(tx, POPULATION_TAGS));
  },
  routes: [registryRoutes, thingCaseRoutes, mapLayerRoutes, registryImportRoutes, hazardListRoutes],
  jobs: registryImportJobs,
  demo: demoRegistryStep,
};
