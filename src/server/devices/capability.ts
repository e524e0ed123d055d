import { demoSwitches, type Capability } from '../platform/capability.ts';
import { devicesSetup } from './setup.ts';
import { deviceRoutes } from './device-routes.ts';
import { profileRoutes } from './profile-routes.ts';
import { readingRoutes } from './reading-routes.ts';
import { readingsMaintenanceJob } from './readings-maintenance-job.ts';
import { retentionMonthsOf } from './reading-partitions.ts';
import { partitionUpkeepJob } from '../platform/db/partition-upkeep-job.ts';
import { mqttService } from './mqtt/mqtt-service.ts';
import { demoDevicesStep } from './demo/demo-step.ts';
import { demoDevicesLiveJob } from './demo/demo-live-job.ts';
import { DEMO_SEED } from '../cases/demo/seed-history.ts';

/**
 * Sensors (issue 13): devices bound to a resident, household or place, their profiles' rules with per-person overrides,
 * readings over HTTP and MQTT (an embedded broker, or an external one with MQTT_URL), the rules' state and deadlines in
 * the database, and the alarms they raise (the `alarms` capability turns those into care orders and escalates them).
 */
export const devices: Capability = {
  name: 'devices',
  setup: devicesSetup,
  routes: [deviceRoutes, profileRoutes, readingRoutes],
  jobs: ({ db, config, clock }) => [
    readingsMaintenanceJob(db, clock ? { clock } : {}),
    // the platform's upkeep of every time-partitioned table (case_events, device_readings), registered here because
    // readings are the one table whose months expire (READINGS_RETENTION_MONTHS)
    partitionUpkeepJob(db, { retentionMonths: { device_readings: retentionMonthsOf(config.env) }, ...(clock ? { clock } : {}) }),
    ...(demoSwitches(config).live ? [demoDevicesLiveJob(db, Number(config.env.DEMO_SEED) || DEMO_SEED, clock)] : []),
  ],
  services: (ctx) => [mqttService(ctx)],
  demo: demoDevicesStep,
};
