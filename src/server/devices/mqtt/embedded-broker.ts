import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { deviceIdOfTopic, gatherByTurn, storeMessage, type DeviceVerifier, type ReadingSink } from './reading-message.ts';

export interface EmbeddedBroker {
  /** the port it listens on (the one asked for, or the one the system gave for 0) */
  port: number;
  close(): Promise<void>;
}

interface DeviceSession {
  deviceId: string;
  token: string;
}

const sessions = new WeakMap<Client, DeviceSession>();

function refusal(message: string): AuthenticateError {
  // CONNACK return code 4: bad user name or password
  return Object.assign(new Error(message), { returnCode: 4 }) as AuthenticateError;
}

/**
 * The in-process MQTT broker devices publish to: user name = device id, password = device token; a device may publish
 * only to `devices/{its id}/readings` and subscribe to nothing. Each reading is stored (ReadingIngest.submit) inside
 * authorizePublish, which aedes runs before it writes the QoS 1 PUBACK (lib/handlers/publish.js: authorizePublish,
 * then enqueuePublish writes the PUBACK): a reading is acknowledged only once it is committed, and a message that could
 * not be stored closes the connection unacknowledged, so the device sends it again.
 */
export async function startEmbeddedBroker(o: {
  port: number;
  host?: string;
  sink: ReadingSink;
  verifier: DeviceVerifier;
  log: (line: string) => void;
}): Promise<EmbeddedBroker> {
  const sink = gatherByTurn(o.sink);
  const broker = await Aedes.createBroker({
    // a device's will would be published when it drops off: devices have no say outside their readings
    preConnect: (_client, packet, done) => {
      delete packet.will;
      done(null, true);
    },
    authenticate: (client, username, password, done) => {
      if (!username || !password) return done(refusal('a device signs in with its id and token'), false);
      const token = password.toString('utf8');
      o.verifier.verify(username, token).then(
        (ok) => {
          if (!ok) return done(refusal('wrong device id or token'), false);
          sessions.set(client, { deviceId: username, token });
          done(null, true);
        },
        (err: Error) => {
          o.log(`mqtt: could not check device ${username}: ${err.message}`);
          done(Object.assign(new Error('server unavailable'), { returnCode: 3 }) as AuthenticateError, false);
        },
      );
    },
    authorizePublish: (client, packet, done) => {
      const session = client ? sessions.get(client) : undefined;
      if (!session) return done(new Error('not a signed-in device'));
      if (deviceIdOfTopic(packet.topic) !== session.deviceId) return done(new Error(`device ${session.deviceId} may publish only to devices/${session.deviceId}/readings`));
      // nothing is kept for later subscribers (there are none: devices may not subscribe)
      packet.retain = false;
      // re-checked on each message (the authenticator caches for a few seconds): a retired device or a rotated token
      // stops here within that time, not only at its next connect
      o.verifier.verify(session.deviceId, session.token)
        .then((ok) => {
          if (!ok) throw new Error(`device ${session.deviceId}: token no longer valid`);
          return storeMessage(sink, session.deviceId, packet.payload as Buffer, o.log);
        })
        .then(() => done(null), (err: Error) => {
          o.log(`mqtt: not acknowledged, device ${session.deviceId} will send again: ${err.message}`);
          done(err);
        });
    },
    // devices only send; subscriptions are answered with SUBACK 128 (refused)
    authorizeSubscribe: (_client, _sub, done) => done(null, null),
  });
  const server: Server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await closed;
    },
  };
}
