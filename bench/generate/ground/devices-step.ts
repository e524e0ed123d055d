import { createHash } from 'node:crypto';
import { seedId } from '../../../src/server/platform/seed/demo-town.ts';
import { DEFAULT_PROFILES } from '../../../src/server/devices/default-profiles.ts';
import { hashDeviceToken } from '../../../src/server/devices/device-auth.ts';
import { armNewDevice } from '../../../src/domain/devices/rules.ts';
import { resolveRules } from '../../../src/domain/devices/overrides.ts';
import type { GenerateStep } from '../context.ts';

/**
 * Care devices in old people's homes, as the devices capability stores a registered one (create-device.ts): a door
 * magnet for each chosen resident of 70 or more, and a wristband for every third of them, bound to the resident, at
 * the household's point and address, on the platform's default profile, its rules armed at `now`.
 * devicesPer100Residents of the residents get one; which ones follows the seed. A device's token is
 * `deviceToken(seed, id)` (a bench can compute it), stored as its SHA-256 like any other.
 */

export const deviceToken = (seed: number, deviceId: string): string =>
  createHash('sha256').update(`zhizhi generated device:${seed}:${deviceId}`).digest('base64url').slice(0, 32);

const DEVICE_COLUMNS = ['id', 'town_id', 'grid_id', 'org_path', 'device_type', 'profile_id', 'name', 'serial_no', 'binding_kind', 'binding_id',
  'lng', 'lat', 'address', 'token_hash', 'overrides', 'battery', 'last_seen_at', 'status', 'created_at', 'updated_at'] as const;

export const devicesStep: GenerateStep = {
  name: 'care devices',
  async run(ctx) {
    const at = ctx.now;
    // the platform's profiles, as the devices capability's set-up inserts them
    await ctx.pool.query(
      `insert into device_profiles (id, town_id, device_type, name, rules, escalation, updated_at)
       select t.id, null, t.device_type, t.name, t.rules, t.escalation, $2
         from jsonb_to_recordset($1::jsonb) as t(id text, device_type text, name text, rules jsonb, escalation jsonb)
       on conflict (id) do nothing`,
      [JSON.stringify(DEFAULT_PROFILES.map((p) => ({ id: p.id, device_type: p.deviceType, name: p.name, rules: p.rules, escalation: p.escalation }))), at]);
    const total = (await ctx.pool.query<{ n: number }>('select count(*)::int as n from registry_residents')).rows[0]!.n;
    const wanted = Math.round((total * ctx.scale.devicesPer100Residents) / 100);
    const today = new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const people = (await ctx.pool.query<{ id: string; name: string; town_id: string; grid_id: string; org_path: string; lng: number; lat: number; address: string }>(
      `select r.id, r.name, r.town_id, r.grid_id, r.org_path, h.lng, h.lat, h.address
         from registry_residents r join registry_households h on h.id = r.household_id
        where r.birth_date <= ($1::date - interval '70 years') and r.left_at is null
        order by md5($2 || r.id) limit $3`, [today, String(ctx.seed), wanted])).rows;
    const profiles = new Map(DEFAULT_PROFILES.map((p) => [p.deviceType, p]));
    const devices: unknown[][] = [];
    const states: unknown[][] = [];
    people.forEach((p, i) => {
      for (const type of i % 3 === 0 ? ['doorMagnet', 'wristband'] as const : ['doorMagnet'] as const) {
        const profile = profiles.get(type)!;
        const id = seedId('device', `${p.id}:${type}`);
        const serial = `GEN${type === 'doorMagnet' ? 'DM' : 'WB'}${String(i + 1).padStart(7, '0')}`;
        devices.push([id, p.town_id, p.grid_id, p.org_path, type, profile.id, `${p.name}家${profile.name.replace(/（.*）/, '')}`, serial,
          'resident', p.id, p.lng, p.lat, p.address, hashDeviceToken(deviceToken(ctx.seed, id)), {}, 90, at, 'active', at, at]);
        const armed = armNewDevice(resolveRules(profile.rules, {}), at.getTime());
        for (const [ruleId, state] of Object.entries(armed)) {
          const deadline = (state as { deadlineAt?: number | null }).deadlineAt;
          states.push([id, ruleId, state, deadline ? new Date(deadline) : null, at]);
        }
      }
    });
    await ctx.copy('devices', DEVICE_COLUMNS, devices);
    await ctx.copy('device_rule_states', ['device_id', 'rule_id', 'state', 'deadline_at', 'updated_at'], states);
    ctx.log(`  ${devices.length.toLocaleString('en-US')} devices for ${people.length.toLocaleString('en-US')} residents of 70 or more`);
  },
};
