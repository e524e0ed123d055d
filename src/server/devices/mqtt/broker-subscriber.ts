import mqtt, { type MqttClient } from 'mqtt';
import { READINGS_TOPIC_FILTER, deviceIdOfTopic, storeMessage, type ReadingSink } from './reading-message.ts';

export interface BrokerSubscriber {
  /**
   * Disconnects. The broker keeps this node's session and its share of the subscription (clean: false), queueing its
   * messages until the node is back — a restart loses nothing. `leave` also unsubscribes and ends the session: a node
   * taken away for good, whose share the other nodes should take from now on.
   */
  close(o?: { leave?: boolean }): Promise<void>;
}

/** The shared subscription every node joins (`group` zhizhi unless set): the broker hands each message to one of the group's connections. */
export const sharedTopic = (group = 'zhizhi') => `$share/${group}/${READINGS_TOPIC_FILTER}`;

/**
 * Takes readings from an external broker (MQTT_URL; devices authenticate there, by the broker's own ACL). Each message
 * is acknowledged (PUBACK) only after its readings are committed: mqtt.js writes the PUBACK when `handleMessage` calls
 * back, so the callback waits for ReadingIngest.submit. A message that could not be stored is left unacknowledged and
 * the connection is dropped, so the broker sends it again on reconnect (clean: false keeps the session).
 *
 * mqtt.js hands a connection's messages over one at a time, so `connections` connections share the work (a shared
 * subscription spreads the messages over them; the ingest batches what arrives together into one transaction). With
 * `shared` off (a broker without shared subscriptions) one connection subscribes to the plain topic.
 */
export async function startBrokerSubscriber(o: {
  url: string;
  shared: boolean;
  /** the shared subscription's group: every node of one deployment uses the same */
  group?: string;
  connections: number;
  /** this node's client id; each connection appends its number */
  clientId: string;
  sink: ReadingSink;
  log: (line: string) => void;
}): Promise<BrokerSubscriber> {
  const count = o.shared ? Math.max(1, o.connections) : 1;
  const topic = o.shared ? sharedTopic(o.group) : READINGS_TOPIC_FILTER;
  const clients: MqttClient[] = [];
  for (let i = 0; i < count; i++) {
    const client = mqtt.connect(o.url, { clientId: `${o.clientId}-${i}`, clean: false, reconnectPeriod: 1000, connectTimeout: 10_000 });
    client.handleMessage = (packet, callback) => {
      if (packet.cmd !== 'publish') return callback();
      const deviceId = deviceIdOfTopic(packet.topic);
      if (!deviceId) return callback();
      storeMessage(o.sink, deviceId, packet.payload as Buffer, o.log).then(() => callback(), (err: Error) => {
        o.log(`mqtt: not acknowledged, the broker will send it again: ${err.message}`);
        callback(err);
        // MQTT 3.1.1 resends an unacknowledged message only on a new connection
        client.stream.destroy();
      });
    };
    client.on('error', (err) => o.log(`mqtt: ${o.url}: ${err.message}`));
    clients.push(client);
  }
  const ready = Promise.all(clients.map(async (client) => {
    if (!client.connected) {
      await new Promise<void>((resolve, reject) => {
        const fail = (err: Error) => reject(err);
        client.once('connect', () => {
          client.off('error', fail);
          resolve();
        });
        client.once('error', fail);
      });
    }
    // with clean: false the broker may still hold the subscription; subscribing again is harmless
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    if (granted.some((g) => g.qos === 128)) throw new Error(`the broker at ${o.url} refused the subscription to ${topic}`);
  }));
  try {
    await ready;
  } catch (err) {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    throw err;
  }
  return {
    close: async (c = {}) => {
      await Promise.all(clients.map(async (client) => {
        if (c.leave && client.connected) await client.unsubscribeAsync(topic).catch(() => undefined);
        await client.endAsync();
      }));
    },
  };
}
