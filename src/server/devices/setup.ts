import type { FastifyInstance } from 'fastify';
import type { CapabilityContext } from '../platform/capability.ts';
import type { Db } from '../platform/db/db.ts';
import { ReadingIngest, alarmsRaised } from './ingest.ts';
import { DEFAULT_PROFILES } from './default-profiles.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** the one way readings enter (HTTP here, MQTT beside it): validated, batched, acknowledged after commit */
    ingest: ReadingIngest;
  }
}

/** Inserts the platform's device profiles that are missing (a leader's edits to existing ones are kept). */
export async function ensureDefaultProfiles(db: Db, now: Date): Promise<void> {
  await db.query(
    `insert into device_profiles (id, town_id, device_type, name, rules, escalation, updated_at)
     select t.id, null, t.device_type, t.name, t.rules, t.escalation, $2
       from jsonb_to_recordset($1::jsonb) as t(id text, device_type text, name text, rules jsonb, escalation jsonb)
     on conflict (id) do nothing`,
    [JSON.stringify(DEFAULT_PROFILES.map((p) => ({ id: p.id, device_type: p.deviceType, name: p.name, rules: p.rules, escalation: p.escalation }))), now],
  );
}

/**
 * The platform's default profiles, and the reading ingest on the app: its alarms kick the alarm clock at once
 * (`onAlarmsRaised` in ingest.ts), so a care order follows an alarm within a second.
 */
export async function devicesSetup(app: FastifyInstance, { db }: CapabilityContext): Promise<void> {
  await ensureDefaultProfiles(db, app.clock());
  const ingest = new ReadingIngest(db, { clock: () => app.clock(), onAlarms: (ids) => alarmsRaised(db, ids) });
  app.decorate('ingest', ingest);
  app.addHook('preClose', async () => ingest.close());
}
