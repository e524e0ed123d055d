import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Tx } from '../platform/db/db.ts';
import type { PiiCipher } from '../platform/pii-cipher.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { serviceHours } from '../../domain/volunteers/hours.ts';
import type { ActivityKind } from '../../shared/volunteers.ts';
import { personOfResident, requirePersonOfAccount, type RegistryPerson } from '../participation/person.ts';
import { awardForEvent } from '../points/ledger.ts';
import { manages, readSql, volunteerInvalid, type ActivityRow, type VolunteerReader } from './store.ts';

/*
 * Activities and 微讲堂 (issue 16, H5). An organiser of the scope creates one (a lecture names its speaker); registry
 * people sign up (a resident themself, an organiser for someone of their scope) up to the capacity — the activity row is
 * locked while the sign-ups are counted, so two last sign-ups never both get in; they check in with the QR token (or
 * an organiser checks them in: a walk-in is signed up then) and out; the hours come from H1's serviceHours (within the
 * activity, to the half hour) and the points from H4's awardForEvent (volunteerHour, units = hours, event
 * `activity:<id>`: once per subject). Closing the activity (done) checks out those still in at its end.
 */

export interface Opts { now: Date; ip: string | null; requestKey?: string | null }

/** what closes an activity */
export type ActivityAction = 'done' | 'cancel';

const stateConflict = (en: string, zh: string) => new AppError('ACTIVITY_STATE_CONFLICT', en, zh);

export async function createActivity(tx: Tx, r: VolunteerReader, b: {
  orgUnitId: string; kind: ActivityKind; title: string; body?: string | null; speaker?: string | null; place: string;
  startsAt: string; endsAt: string; capacity?: number | null; teamId?: string | null;
}, o: Opts): Promise<{ id: string; created: boolean }> {
  if (o.requestKey) {
    const first = await tx.query<{ id: string }>('select id from volunteer_activities where idempotency_key = $1', [o.requestKey]);
    if (first.rows[0]) return { id: first.rows[0].id, created: false };
  }
  const startsAt = new Date(b.startsAt);
  const endsAt = new Date(b.endsAt);
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
    throw volunteerInvalid('The activity must end after it starts.', '活动结束时间须晚于开始时间。', { field: 'endsAt' });
  }
  if (endsAt.getTime() - startsAt.getTime() > 7 * 86_400_000) {
    throw volunteerInvalid('An activity lasts a week at most.', '单次活动不超过 7 天。', { field: 'endsAt' });
  }
  if (b.kind === 'lecture' && !b.speaker?.trim()) throw volunteerInvalid('A 微讲堂 talk names its speaker.', '微讲堂须填写主讲人。', { field: 'speaker' });
  const params: unknown[] = [b.orgUnitId];
  const unit = (await tx.query<{ id: string; path: string; name: string }>(
    `select id, path, name from org_units u where u.id = $1 and ${readSql(r, 'u.path', params)}`, params)).rows[0];
  if (!unit || !r.organiser || !unit.path.startsWith(r.p.scopePath!)) throw notFound('organisation unit');
  if (b.teamId) {
    const team = (await tx.query<{ org_path: string }>('select org_path from volunteer_teams where id = $1', [b.teamId])).rows[0];
    if (!team || !(unit.path.startsWith(team.org_path) || team.org_path.startsWith(unit.path))) {
      throw volunteerInvalid('The team is not one of the activity\'s community.', '所选队伍不属于活动所在社区。', { field: 'teamId' });
    }
  }
  const ins = await tx.query<{ id: string }>(
    `insert into volunteer_activities (team_id, org_unit_id, org_path, kind, title, body, speaker, place, starts_at, ends_at, capacity,
                                       checkin_token, created_by, idempotency_key, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [b.teamId ?? null, unit.id, unit.path, b.kind, b.title.trim(), b.body?.trim() || null, b.kind === 'lecture' ? b.speaker!.trim() : (b.speaker?.trim() || null),
      b.place.trim(), startsAt, endsAt, b.capacity ?? null, randomBytes(18).toString('base64url'), r.p.accountId, o.requestKey ?? null, o.now]);
  const id = ins.rows[0]!.id;
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'volunteer.activity.create', targetType: 'volunteer_activity',
    targetId: id, success: true, detail: { kind: b.kind, title: b.title, orgUnit: unit.name, startsAt: b.startsAt, capacity: b.capacity ?? null },
  });
  return { id, created: true };
}

/** What the commands read of an activity. */
type LockedActivity = Pick<ActivityRow, 'id' | 'title' | 'org_path' | 'status' | 'starts_at' | 'ends_at' | 'capacity' | 'checkin_token' | 'version'>;

/** The activity, locked, as the caller reads it (404 otherwise). */
async function lockedActivity(tx: Tx, r: VolunteerReader, id: string): Promise<LockedActivity> {
  const params: unknown[] = [id];
  const a = (await tx.query<LockedActivity>(
    `select a.id, a.title, a.org_path, a.status, a.starts_at, a.ends_at, a.capacity, a.checkin_token, a.version
       from volunteer_activities a where a.id = $1 and ${readSql(r, 'a.org_path', params)} for update`, params)).rows[0];
  if (!a) throw notFound('activity');
  return a;
}

/** Whom the command is for: the resident themself, or (organisers) the registry person named. */
async function subjectOf(tx: Tx, pii: PiiCipher, r: VolunteerReader, a: LockedActivity, residentId: string | undefined): Promise<RegistryPerson> {
  if (residentId !== undefined && !(r.person && r.person.residentId === residentId)) {
    if (!manages(r, a.org_path)) throw forbidden();
    const person = await personOfResident(tx, residentId);
    if (!person || !(person.orgPath.startsWith(r.p.scopePath!) || r.p.scopePath!.startsWith(person.orgPath))) throw notFound('resident');
    return person;
  }
  return r.person ?? await requirePersonOfAccount(tx, pii, r.p.accountId);
}

async function insertSignup(tx: Tx, a: LockedActivity, person: RegistryPerson, accountId: string | null, now: Date): Promise<boolean> {
  if (a.capacity !== null) {
    const n = (await tx.query<{ n: number }>('select count(*)::int as n from activity_signups where activity_id = $1', [a.id])).rows[0]!.n;
    const already = (await tx.query('select 1 from activity_signups where activity_id = $1 and person_key = $2', [a.id, person.personKey])).rows.length > 0;
    if (!already && n >= a.capacity) {
      throw new AppError('ACTIVITY_FULL', `The activity is full (${a.capacity} places).`, `报名已满（共 ${a.capacity} 个名额）。`, { capacity: a.capacity });
    }
  }
  const ins = await tx.query(
    `insert into activity_signups (activity_id, person_key, resident_id, account_id, signed_up_at) values ($1, $2, $3, $4, $5)
     on conflict (activity_id, person_key) do nothing returning activity_id`, [a.id, person.personKey, person.residentId, accountId, now]);
  return ins.rows.length > 0;
}

export async function signUp(tx: Tx, pii: PiiCipher, r: VolunteerReader, id: string, residentId: string | undefined, o: Opts): Promise<RegistryPerson> {
  const a = await lockedActivity(tx, r, id);
  const person = await subjectOf(tx, pii, r, a, residentId);
  if (a.status !== 'open' || new Date(a.ends_at).getTime() <= o.now.getTime()) {
    throw stateConflict('The activity takes no more sign-ups: it is over or cancelled.', '活动已结束或已取消，不能报名。');
  }
  const self = r.person?.residentId === person.residentId;
  if (await insertSignup(tx, a, person, self ? r.p.accountId : null, o.now)) {
    await appendAudit(tx, {
      at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'volunteer.activity.sign_up', targetType: 'volunteer_activity',
      targetId: id, success: true, detail: { title: a.title, residentId: person.residentId, byOrganiser: !self },
    });
  }
  return person;
}

const tokenMatches = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export async function checkIn(tx: Tx, pii: PiiCipher, r: VolunteerReader, id: string, b: { token?: string; residentId?: string }, o: Opts): Promise<RegistryPerson> {
  const a = await lockedActivity(tx, r, id);
  const person = await subjectOf(tx, pii, r, a, b.residentId);
  const self = r.person?.residentId === person.residentId;
  if (self && !manages(r, a.org_path) && (!b.token || !tokenMatches(b.token, a.checkin_token))) {
    throw volunteerInvalid('Scan the activity\'s sign-in QR code to check in.', '请扫描活动现场的签到二维码签到。', { field: 'token' });
  }
  const starts = new Date(a.starts_at).getTime();
  if (a.status !== 'open' || o.now.getTime() < starts - 3_600_000 || o.now.getTime() > new Date(a.ends_at).getTime()) {
    throw stateConflict('Check-in opens an hour before the activity starts and closes at its end.', '签到时间为活动开始前 1 小时至活动结束。');
  }
  await insertSignup(tx, a, person, self ? r.p.accountId : null, o.now);
  const u = await tx.query(`update activity_signups set checked_in_at = $3 where activity_id = $1 and person_key = $2 and checked_in_at is null returning activity_id`,
    [id, person.personKey, o.now]);
  if (u.rows.length) {
    await appendAudit(tx, {
      at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'volunteer.activity.check_in', targetType: 'volunteer_activity',
      targetId: id, success: true, detail: { title: a.title, residentId: person.residentId, byOrganiser: !self },
    });
  }
  return person;
}

/** Checks one person out at `at`: their hours, and the points of the community's volunteerHour rule. */
async function checkOutPerson(tx: Tx, a: LockedActivity, person: { residentId: string | null; personKey: string }, at: Date, by: string | null): Promise<{ hours: number; points: number | null }> {
  const row = (await tx.query<{ checked_in_at: Date | null; checked_out_at: Date | null }>(
    'select checked_in_at, checked_out_at from activity_signups where activity_id = $1 and person_key = $2', [a.id, person.personKey])).rows[0];
  if (!row?.checked_in_at) throw stateConflict('Check in first.', '尚未签到，不能签退。');
  if (row.checked_out_at) throw stateConflict('Checked out already.', '已签退。');
  const hours = serviceHours({ checkedInAt: new Date(row.checked_in_at), checkedOutAt: at, startsAt: new Date(a.starts_at), endsAt: new Date(a.ends_at) });
  await tx.query('update activity_signups set checked_out_at = $3, hours = $4 where activity_id = $1 and person_key = $2', [a.id, person.personKey, at, hours]);
  let points: number | null = null;
  if (hours > 0 && person.residentId) {
    const award = await awardForEvent(tx, { residentId: person.residentId, autoEvent: 'volunteerHour', eventRef: `activity:${a.id}`, units: hours, at, by });
    points = award?.points ?? null;
  }
  return { hours, points };
}

export async function checkOut(tx: Tx, pii: PiiCipher, r: VolunteerReader, id: string, residentId: string | undefined, o: Opts): Promise<{ person: RegistryPerson; hours: number; points: number | null }> {
  const a = await lockedActivity(tx, r, id);
  const person = await subjectOf(tx, pii, r, a, residentId);
  if (a.status !== 'open') throw stateConflict('The activity is closed.', '活动已结束或已取消。');
  const out = await checkOutPerson(tx, a, person, o.now, r.p.accountId);
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: 'volunteer.activity.check_out', targetType: 'volunteer_activity',
    targetId: id, success: true, detail: { title: a.title, residentId: person.residentId, hours: out.hours, points: out.points },
  });
  return { person, ...out };
}

/** done: closes the activity, checking out at its end those still in; cancel: closes it without hours. */
export async function closeActivity(tx: Tx, r: VolunteerReader, id: string, b: { action: ActivityAction; version?: number; reason?: string }, o: Opts): Promise<void> {
  const a = await lockedActivity(tx, r, id);
  if (!manages(r, a.org_path)) throw forbidden();
  if (b.version !== undefined && b.version !== a.version) throw new AppError('CONFLICT', 'The activity was changed meanwhile: reload it.', '活动已被他人修改，请刷新后再试。');
  if (a.status !== 'open') throw stateConflict('The activity is closed already.', '活动已结束或已取消。');
  if (b.action === 'done' && o.now.getTime() < new Date(a.starts_at).getTime()) {
    throw stateConflict('An activity that has not started cannot be done: cancel it instead.', '活动尚未开始，不能标记为完成；可取消活动。');
  }
  const isDone = b.action === 'done';
  let checkedOut = 0;
  if (isDone) {
    const still = (await tx.query<{ resident_id: string | null; person_key: string }>(
      'select resident_id, person_key from activity_signups where activity_id = $1 and checked_in_at is not null and checked_out_at is null', [id])).rows;
    const at = new Date(Math.min(o.now.getTime(), new Date(a.ends_at).getTime()));
    for (const s of still) await checkOutPerson(tx, a, { residentId: s.resident_id, personKey: s.person_key }, at, r.p.accountId);
    checkedOut = still.length;
  }
  await tx.query('update volunteer_activities set status = $2, version = version + 1 where id = $1', [id, isDone ? 'done' : 'cancelled']);
  await appendAudit(tx, {
    at: o.now, actorId: r.p.accountId, actorName: r.p.name, ip: o.ip, action: isDone ? 'volunteer.activity.done' : 'volunteer.activity.cancel',
    targetType: 'volunteer_activity', targetId: id, success: true, detail: { title: a.title, reason: b.reason ?? null, checkedOut },
  });
}
