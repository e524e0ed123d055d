import type { Tx } from '../platform/db/db.ts';
import { likePrefix } from '../platform/db/sql.ts';
import { reachSql, type Territory } from '../registry/reach.ts';
import type { DeviceBindingKind, DeviceState, DeviceType, RuleOverrides } from '../../shared/devices.ts';

/*
 * SQL of devices: the caller's territory (org_path, a grid worker's grids) inside every read that answers a caller; the
 * token only as its SHA-256. The binding's name and address are joined from the registry for the presenter to mask.
 */

export interface DeviceRow {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; device_type: DeviceType;
  profile_id: string; name: string; serial_no: string | null; binding_kind: DeviceBindingKind; binding_id: string;
  lng: number | null; lat: number | null; address: string | null; overrides: RuleOverrides; battery: number | null;
  last_seen_at: Date | null; last_event_at: Date | null; offline_since: Date | null; status: 'active' | 'retired';
  created_at: Date; updated_at: Date;
  grid_name: string; profile_name: string; state: DeviceState; active_alarms: number;
  /** the bound resident's name, a household's head's name, a place's name (unmasked: the presenter masks) */
  binding_name: string | null; binding_address: string | null; binding_tags: string[];
}

/** never heard / offline (its offline rule fired, nothing heard since) / online: as domain/devices/device-state.ts */
const STATE_SQL = `case when d.last_seen_at is null then 'never' when d.offline_since is not null then 'offline' else 'online' end`;

const deviceSelect = (from = 'devices d') => `select d.id, d.version, d.town_id, d.grid_id, d.org_path, d.device_type, d.profile_id, d.name, d.serial_no,
    d.binding_kind, d.binding_id, d.lng, d.lat, d.address, d.overrides, d.battery, d.last_seen_at, d.last_event_at,
    d.offline_since, d.status, d.created_at, d.updated_at,
    g.name as grid_name, pr.name as profile_name,
    ${STATE_SQL} as state,
    (select count(*)::int from alarms a where a.device_id = d.id and a.status <> 'cleared') as active_alarms,
    coalesce(br.name, bhd.name, bp.name) as binding_name,
    coalesce(brh.address, bh.address, bp.address) as binding_address,
    case d.binding_kind when 'resident' then coalesce(br.tags, '{}')
      when 'household' then coalesce((select array_agg(distinct t) from registry_residents x, unnest(x.tags) t
                                       where x.household_id = d.binding_id and x.left_at is null), '{}')
      else '{}' end as binding_tags
  from ${from}
  join org_units g on g.id = d.grid_id
  join device_profiles pr on pr.id = d.profile_id
  left join registry_residents br on d.binding_kind = 'resident' and br.id = d.binding_id
  left join registry_households brh on brh.id = br.household_id
  left join registry_households bh on d.binding_kind = 'household' and bh.id = d.binding_id
  left join registry_residents bhd on bhd.id = bh.head_resident_id
  left join registry_places bp on d.binding_kind = 'place' and bp.id = d.binding_id`;

export async function findDevice(tx: Tx, t: Territory | null, id: string): Promise<DeviceRow | null> {
  const params: unknown[] = [id];
  const where = t ? ` and ${reachSql(t, 'd', params)}` : '';
  return (await tx.query<DeviceRow>(`${deviceSelect()} where d.id = $1${where}`, params)).rows[0] ?? null;
}

/** The device's own row, locked, for a command: inside the territory, else null. */
export async function lockDevice(tx: Tx, t: Territory, id: string): Promise<DeviceRecord | null> {
  const params: unknown[] = [id];
  const r = await tx.query<DeviceRecord>(`select d.* from devices d where d.id = $1 and ${reachSql(t, 'd', params)} for update`, params);
  return r.rows[0] ?? null;
}

export interface DeviceRecord {
  id: string; version: number; town_id: string; grid_id: string; org_path: string; device_type: DeviceType;
  profile_id: string; name: string; serial_no: string | null; binding_kind: DeviceBindingKind; binding_id: string;
  lng: number | null; lat: number | null; address: string | null; overrides: RuleOverrides; status: 'active' | 'retired';
  created_at: Date;
}

export interface DeviceFilter {
  status?: 'active' | 'retired' | undefined;
  type?: DeviceType | undefined;
  q?: string | undefined;
  underPath?: string | null | undefined;
  state?: DeviceState | undefined;
  bindingKind?: DeviceBindingKind | undefined;
  bindingId?: string | undefined;
}

const likeAny = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Devices in the territory, newest first; keyset on (created_at, id) after the cursor's row. */
export async function listDevices(tx: Tx, t: Territory, f: DeviceFilter, after: [string, string] | null, limit: number): Promise<DeviceRow[]> {
  const params: unknown[] = [];
  const where = [reachSql(t, 'd', params)];
  if (f.status) { params.push(f.status); where.push(`d.status = $${params.length}`); }
  if (f.type) { params.push(f.type); where.push(`d.device_type = $${params.length}`); }
  if (f.underPath) { params.push(likePrefix(f.underPath)); where.push(`d.org_path like $${params.length}`); }
  if (f.bindingKind) { params.push(f.bindingKind); where.push(`d.binding_kind = $${params.length}`); }
  if (f.bindingId) { params.push(f.bindingId); where.push(`d.binding_id = $${params.length}`); }
  if (f.state) { params.push(f.state); where.push(`(${STATE_SQL}) = $${params.length}`); }
  if (f.q) {
    params.push(likeAny(f.q));
    where.push(`(d.name like $${params.length} or d.serial_no like $${params.length} or d.id like $${params.length} or d.address like $${params.length})`);
  }
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(d.created_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::text)`);
  }
  params.push(limit);
  // the page's ids first (on devices alone, by the path index), then the joins and counts for those rows only
  const page = `(select d.id from devices d where ${where.join(' and ')} order by d.created_at desc, d.id desc limit $${params.length}) page
    join devices d on d.id = page.id`;
  const r = await tx.query<DeviceRow>(`${deviceSelect(page)} order by d.created_at desc, d.id desc`, params);
  return r.rows;
}

export async function insertDevice(tx: Tx, row: Omit<DeviceRecord, 'version' | 'status'> & { token_hash: string; created_by: string; updated_at: Date }): Promise<void> {
  const cols = Object.keys(row) as (keyof typeof row)[];
  await tx.query(`insert into devices (${cols.join(', ')}) values (${cols.map((c, i) => c === 'overrides' ? `$${i + 1}::jsonb` : `$${i + 1}`).join(', ')})`,
    cols.map((c) => (c === 'overrides' ? JSON.stringify(row[c]) : row[c])));
}

/** Sets the given columns and bumps the version (the caller locked the row and checked the version). */
export async function updateDevice(tx: Tx, id: string, set: Record<string, unknown>, now: Date): Promise<void> {
  const cols = Object.keys(set);
  const params: unknown[] = [id, now, ...cols.map((c) => (c === 'overrides' ? JSON.stringify(set[c]) : set[c]))];
  const assign = cols.map((c, i) => `${c} = $${i + 3}${c === 'overrides' ? '::jsonb' : ''}`).join(', ');
  await tx.query(`update devices set ${assign}${cols.length ? ', ' : ''}version = version + 1, updated_at = $2 where id = $1`, params);
}

/** The token hash of an active device (none for a retired or unknown one): device authentication, no territory. */
export async function findActiveTokenHash(tx: Tx, id: string): Promise<string | null> {
  const r = await tx.query<{ token_hash: string }>(`select token_hash from devices where id = $1 and status = 'active'`, [id]);
  return r.rows[0]?.token_hash ?? null;
}

/** A retired device's rules look at nothing again: its deadlines are dropped. */
export async function disarmDevice(tx: Tx, id: string): Promise<void> {
  await tx.query('update device_rule_states set deadline_at = null where device_id = $1', [id]);
}

export interface AlarmRefRow {
  id: string; alarm_type: string; category: 'care' | 'safety' | 'maintenance'; level: 'red' | 'orange' | 'yellow';
  status: 'active' | 'acknowledged' | 'cleared'; raised_at: Date; case_id: string | null;
}

/** The device's alarms not cleared, then its latest cleared ones: at most `limit`. */
export async function listDeviceAlarms(tx: Tx, deviceId: string, limit = 20): Promise<AlarmRefRow[]> {
  const r = await tx.query<AlarmRefRow>(
    `select id, alarm_type, category, level, status, raised_at, case_id from alarms where device_id = $1
      order by (status = 'cleared'), raised_at desc, id limit $2`, [deviceId, limit]);
  return r.rows;
}

export interface HouseholdDeviceRow {
  id: string;
  name: string;
  device_type: string;
  binding_kind: string;
  binding_id: string;
  state: string;
  battery: number | null;
  last_seen_at: Date | null;
  active_alarms: number;
}

/**
 * The active devices that care for a household: bound to it or to one of its members. Only for a household the caller
 * already reads (the household file is scoped), and the devices follow the household's grid.
 */
export async function listHouseholdDevices(tx: Tx, householdId: string, memberIds: readonly string[]): Promise<HouseholdDeviceRow[]> {
  const r = await tx.query<HouseholdDeviceRow>(
    `select d.id, d.name, d.device_type, d.binding_kind, d.binding_id, ${STATE_SQL} as state, d.battery, d.last_seen_at,
            (select count(*)::int from alarms a where a.device_id = d.id and a.status <> 'cleared') as active_alarms
       from devices d
      where d.status = 'active'
        and ((d.binding_kind = 'household' and d.binding_id = $1) or (d.binding_kind = 'resident' and d.binding_id = any($2::text[])))
      order by d.created_at`,
    [householdId, memberIds],
  );
  return r.rows;
}
