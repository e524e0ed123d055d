import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Tx } from '../platform/db/db.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { VOLUNTEER_ORGANISERS, VOLUNTEER_READERS } from '../../shared/volunteers.ts';
import { presentActivity, presentSignup, presentTeam } from './presenters.ts';
import { listActivities, listSignups, listTeams, manages, readerOf, yearBounds, type VolunteerReader } from './store.ts';
import { checkIn, checkOut, closeActivity, createActivity, signUp } from './activities.ts';
import * as s from './schemas.ts';

const TAGS = ['volunteers'];

const requestKeyOf = (req: FastifyRequest, p: Principal) => {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${p.accountId}:${key}`;
};

/** Volunteer activities and 微讲堂: sign-up, check-in/out, hours and their points; the resident's own page. */
export async function activityRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (id: string, p: Principal) => {
    const r = await readerOf(app.db, app.pii, p);
    const a = (await listActivities(app.db, r, { id }))[0];
    if (!a) throw notFound('activity');
    const manager = manages(r, a.org_path);
    return {
      ...presentActivity(a, r, app.clock()),
      signupList: r.staff ? (await listSignups(app.db, id)).map(presentSignup) : [],
      checkinUrl: manager && a.status === 'open' ? `/m/activities/${a.id}/check-in?token=${a.checkin_token}` : null,
    };
  };
  const signupResult = async (id: string, person: { personKey: string }, points: number | null = null) => {
    const row = (await app.db.query<{ signed_up_at: Date; checked_in_at: Date | null; checked_out_at: Date | null; hours: string | null }>(
      'select signed_up_at, checked_in_at, checked_out_at, hours from activity_signups where activity_id = $1 and person_key = $2', [id, person.personKey])).rows[0]!;
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      activityId: id, signedUpAt: new Date(row.signed_up_at).toISOString(), checkedInAt: iso(row.checked_in_at), checkedOutAt: iso(row.checked_out_at),
      hours: row.hours === null ? null : Number(row.hours), pointsAwarded: points,
    };
  };

  app.get('/api/volunteers/activities', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'Volunteer activities and 微讲堂', tags: TAGS, querystring: s.ActivityListQuery, response: { 200: s.ActivityList },
      description: 'Activities and talks of the units in or holding the caller\'s scope (a resident: of their community), newest first, or with `upcoming=true` those not yet ended, soonest first. Filters orgUnitId, kind, status, teamId; at most `limit` (100). Each with sign-up and check-in counts, hours, the caller\'s own sign-up and `policies`.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.ActivityListQuery>;
    const r = await readerOf(app.db, app.pii, p);
    const now = app.clock();
    const rows = await listActivities(app.db, r, {
      orgUnitId: q.orgUnitId ?? null, kind: q.kind ?? null, status: q.status ?? null, teamId: q.teamId ?? null,
      endedAfter: q.upcoming ? now : null, limit: q.limit ?? 100,
    });
    return { items: rows.map((a) => presentActivity(a, r, now)), policies: r.organiser ? ['create' as const] : [] };
  });

  app.post('/api/volunteers/activities', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Create an activity or a 微讲堂 talk', tags: TAGS, body: s.NewActivityBody, response: { 200: s.ActivityDetail, 201: s.ActivityDetail },
      description: 'An activity (kind activity) or a 微讲堂 talk (kind lecture, `speaker` required: else 422 VOLUNTEER_INVALID) at a unit of the organiser\'s scope (else 404), optionally of a team of that community, with a place, times (ends after it starts, within a week) and an optional capacity; a sign-in token for its QR code. 201 with the activity; 200 with the first for a repeated Idempotency-Key. Audited (volunteer.activity.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const now = app.clock();
    const r0 = await app.db.transaction(async (tx) => createActivity(tx, await readerOf(tx, app.pii, p), req.body as Static<typeof s.NewActivityBody>,
      { now, ip: req.ip, requestKey: requestKeyOf(req, p) }));
    return reply.status(r0.created ? 201 : 200).send(await detail(r0.id, p));
  });

  app.get('/api/volunteers/activities/:id', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'A volunteer activity', tags: TAGS, params: s.IdParams, response: { 200: s.ActivityDetail },
      description: 'The activity with its counts and the caller\'s sign-up; for staff of its scope the sign-up list with names, check-in/out, hours and the points awarded; for organisers who manage it the sign-in link with its token (for the QR code) while open. 404 when the caller does not read it.',
    },
  }, async (req) => detail((req.params as { id: string }).id, requirePrincipal(req)));

  const personRoute = (path: string, summary: string, description: string, body: typeof s.SignUpBody | typeof s.CheckInBody | typeof s.CheckOutBody,
    run: (tx: Tx, r: VolunteerReader, id: string, b: { residentId?: string; token?: string }, now: Date, ip: string) => Promise<{ personKey: string; points?: number | null }>) => {
    app.post(`/api/volunteers/activities/:id/${path}`, {
      config: { access: [...VOLUNTEER_ORGANISERS, 'resident'] },
      schema: { summary, tags: TAGS, params: s.IdParams, body, response: { 200: s.SignupResult }, description },
    }, async (req) => {
      const p = requirePrincipal(req);
      const { id } = req.params as { id: string };
      const now = app.clock();
      const out = await app.db.transaction(async (tx) => run(tx, await readerOf(tx, app.pii, p), id, req.body as { residentId?: string; token?: string }, now, req.ip));
      return signupResult(id, out, out.points ?? null);
    });
  };

  personRoute('sign-up', 'Sign up for an activity',
    'A resident signs themself up as their registry person (outside the registry 422 PERSON_NOT_IN_REGISTRY); an organiser who manages the activity signs up `residentId`, a registry person of their scope. One sign-up per person (a repeat changes nothing). The capacity reached → 409 ACTIVITY_FULL { capacity }; over or cancelled → 409 ACTIVITY_STATE_CONFLICT. Audited (volunteer.activity.sign_up).',
    s.SignUpBody, (tx, r, id, b, now, ip) => signUp(tx, app.pii, r, id, b.residentId, { now, ip }));

  personRoute('check-in', 'Check in at an activity',
    'A resident checks in with the `token` of the activity\'s sign-in QR code (a wrong or missing token → 422 VOLUNTEER_INVALID); an organiser who manages it checks in `residentId`. From an hour before the start to the end (else 409 ACTIVITY_STATE_CONFLICT); a person not signed up is signed up (within the capacity). A repeat changes nothing. Audited (volunteer.activity.check_in).',
    s.CheckInBody, (tx, r, id, b, now, ip) => checkIn(tx, app.pii, r, id, b, { now, ip }));

  personRoute('check-out', 'Check out of an activity',
    'Ends a person\'s service (the resident themself, or an organiser for `residentId`): the hours between check-in and check-out within the activity, to the half hour (at most 12), and the points of the community\'s published volunteerHour rule for those hours (event activity:<id>, once per subject; none without a rule). Not checked in, or out already → 409 ACTIVITY_STATE_CONFLICT. Audited (volunteer.activity.check_out).',
    s.CheckOutBody, async (tx, r, id, b, now, ip) => {
      const out = await checkOut(tx, app.pii, r, id, b.residentId, { now, ip });
      return { personKey: out.person.personKey, points: out.points };
    });

  app.post('/api/volunteers/activities/:id/actions', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Close an activity (done or cancel)', tags: TAGS, params: s.IdParams, body: s.ActivityActionBody, response: { 200: s.ActivityDetail },
      description: '`done`: the activity is over — those checked in and not out are checked out at its end (hours and points as at check-out); not started yet → 409 ACTIVITY_STATE_CONFLICT. `cancel`: closed without hours. Closed already → 409 ACTIVITY_STATE_CONFLICT; `version` not the current one → 409 CONFLICT; not managed by the organiser → 403 (404 when not read). Audited (volunteer.activity.done, volunteer.activity.cancel).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const now = app.clock();
    await app.db.transaction(async (tx) => closeActivity(tx, await readerOf(tx, app.pii, p), id, req.body as Static<typeof s.ActivityActionBody>, { now, ip: req.ip }));
    return detail(id, p);
  });

  app.get('/api/volunteers/me', {
    config: { access: ['resident'] },
    schema: {
      summary: 'My volunteering', tags: TAGS, response: { 200: s.MyVolunteering },
      description: 'The resident\'s teams, their sign-ups (newest first) and their service hours and activities this year (Beijing time), by their registry person; outside the registry `inRegistry: false` and empty lists.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const r = await readerOf(app.db, app.pii, p);
    const now = app.clock();
    if (!r.person) return { inRegistry: false, teams: [], signups: [], hoursThisYear: 0, activitiesThisYear: 0 };
    const teams = (await listTeams(app.db, r, {})).filter((t) => t.mine);
    const signups = await listActivities(app.db, r, { mine: true, limit: 100 });
    const { from, to } = yearBounds(now);
    const year = (await app.db.query<{ hours: string; n: number }>(
      `select coalesce(sum(s.hours), 0) as hours, count(*) filter (where s.checked_in_at is not null)::int as n
         from activity_signups s join volunteer_activities a on a.id = s.activity_id
        where s.person_key = $1 and a.starts_at >= $2 and a.starts_at < $3`, [r.person.personKey, from, to])).rows[0]!;
    return {
      inRegistry: true, teams: teams.map((t) => presentTeam(t, r)), signups: signups.map((a) => presentActivity(a, r, now)),
      hoursThisYear: Number(year.hours), activitiesThisYear: year.n,
    };
  });
}
