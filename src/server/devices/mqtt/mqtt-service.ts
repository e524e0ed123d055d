import os from 'node:os';
import type { BackgroundService, CapabilityContext } from '../../platform/capability.ts';
import { ReadingIngest, alarmsRaised } from '../ingest.ts';
import { deviceAuthenticatorFor } from '../device-auth.ts';
import { startEmbeddedBroker } from './embedded-broker.ts';
import { startBrokerSubscriber } from './broker-subscriber.ts';
import type { DeviceVerifier, ReadingSink } from './reading-message.ts';

/** Where readings come in over MQTT, from the environment: MQTT=off, MQTT_URL, MQTT_PORT, MQTT_SHARED, MQTT_SHARE_GROUP, MQTT_CLIENT_ID, MQTT_CONNECTIONS. */
export type MqttSettings =
  | { mode: 'off' }
  | { mode: 'embedded'; port: number; host: string }
  | { mode: 'external'; url: string; shared: boolean; group: string; clientId: string; connections: number };

export function mqttSettings(env: Readonly<Record<string, string | undefined>>, host = '0.0.0.0'): MqttSettings {
  if (env.MQTT?.trim().toLowerCase() === 'off') return { mode: 'off' };
  const url = env.MQTT_URL?.trim();
  if (url) {
    return {
      mode: 'external',
      url,
      shared: env.MQTT_SHARED?.trim().toLowerCase() !== 'off',
      group: env.MQTT_SHARE_GROUP?.trim() || 'zhizhi',
      // stable across restarts, so the broker keeps this node's session (clean: false) while it is down
      clientId: env.MQTT_CLIENT_ID?.trim() || `zhizhi-${os.hostname()}`,
      connections: Math.min(64, Math.max(1, Number(env.MQTT_CONNECTIONS) || 8)),
    };
  }
  const port = env.MQTT_PORT?.trim() ? Number(env.MQTT_PORT) : 1883;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`MQTT_PORT must be a port number, not ${env.MQTT_PORT}`);
  return { mode: 'embedded', port, host };
}

/**
 * Readings over MQTT (issue 13): the embedded broker on MQTT_PORT (default 1883) when MQTT_URL is unset, else a
 * subscriber to the broker at MQTT_URL; MQTT=off runs neither. Every reading goes through ReadingIngest.submit and is
 * acknowledged only after it is stored. The embedded broker runs on API nodes; the subscriber also on workers.
 * `deps` lets tests and the benchmark pass their own ingest or device check.
 */
export function mqttService(
  ctx: CapabilityContext,
  deps: { sink?: ReadingSink; verifier?: DeviceVerifier; log?: (line: string) => void } = {},
): BackgroundService & { port(): number | null } {
  const settings = mqttSettings(ctx.config.env, ctx.config.host);
  const log = deps.log ?? ((line: string) => console.warn(line));
  let stopAll: (() => Promise<void>) | null = null;
  let port: number | null = null;
  return {
    /** the embedded broker's port once started (MQTT_PORT=0 lets the system pick one) */
    port: () => port,
    name: settings.mode === 'external' ? 'mqtt-subscriber' : 'mqtt',
    runsOn: settings.mode === 'external' ? ['api', 'worker'] : settings.mode === 'embedded' ? ['api'] : [],
    start: async () => {
      if (settings.mode === 'off' || stopAll) return;
      // its alarms kick the alarm clock at once, as the HTTP route's do
      const ingest = deps.sink ? null : new ReadingIngest(ctx.db, { clock: ctx.clock ?? (() => new Date()), onAlarms: (ids) => alarmsRaised(ctx.db, ids) });
      const sink = deps.sink ?? ingest!;
      try {
        if (settings.mode === 'embedded') {
          const broker = await startEmbeddedBroker({ port: settings.port, host: settings.host, sink, verifier: deps.verifier ?? deviceAuthenticatorFor(ctx.db), log });
          port = broker.port;
          log(`mqtt: devices publish to devices/{deviceId}/readings on port ${broker.port} (user name = device id, password = token)`);
          stopAll = async () => {
            port = null;
            await broker.close();
            await ingest?.close();
          };
        } else {
          const subscriber = await startBrokerSubscriber({ ...settings, sink, log });
          log(`mqtt: taking readings from ${redact(settings.url)} (${settings.shared ? `shared subscription, ${settings.connections} connections` : 'one connection'})`);
          stopAll = async () => {
            await subscriber.close();
            await ingest?.close();
          };
        }
      } catch (err) {
        await ingest?.close();
        // the HTTP API (and its readings route) stays up when the MQTT port is taken; said loudly, not hidden
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          log(`mqtt: port ${settings.mode === 'embedded' ? settings.port : ''} is in use: readings over MQTT are OFF on this node (set MQTT_PORT, or MQTT=off)`);
          return;
        }
        throw err;
      }
    },
    stop: async () => {
      const s = stopAll;
      stopAll = null;
      await s?.();
    },
  };
}

/** The broker's address without its password, for the log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'MQTT_URL';
  }
}
