import type { BackgroundService, CapabilityContext } from '../../platform/capability.ts';

// filled in by its owner (issue 13): the embedded broker, or the subscriber to MQTT_URL
export function mqttService(_ctx: CapabilityContext): BackgroundService {
  return { name: 'mqtt', runsOn: ['api'], start: async () => undefined, stop: async () => undefined };
}
