import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { PARTICIPATION_READERS, PARTICIPATION_STAFF } from '../../shared/participation.ts';
import { actorOf, isParticipationStaff } from './scope.ts';
import {
  actOnMeeting, attendMeeting, commentOnMeeting, createMeeting, findMeetingToRun, listMeetings, readerOf, saveMinutes,
} from './meetings.ts';
import { closeOpenMotions } from './votes.ts';
import { loadMeetingDetail, meetingPolicies, presentMeetingSummary } from './meeting-presenters.ts';
import * as s from './meeting-schemas.ts';

const TAGS = ['participation'];

/** The caller's Idempotency-Key scoped to the caller (one account's key never answers another's request). */
export const requestKeyOf = (req: FastifyRequest, p: Principal) => {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${p.accountId}:${key}`;
};

export const encodeCursor = (parts: (string | number)[]) => Buffer.from(parts.join('|')).toString('base64url');
export function decodeCursor(cursor: string, n: number): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  if (parts.length !== n || parts.some((x) => x.length === 0 || x.length > 64)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  }
  return parts;
}
function cursorTime(x: string): Date {
  const d = new Date(x);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');
  return d;
}

/**
 * 议事活动 (issue 16): meetings of the three councils — list, create with agenda, the meeting page, open/close/cancel,
 * minutes, the sign-in token for the QR code, attendance and comments. Votes: vote-routes.ts.
 */
export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const detail = (id: string, p: Principal) => app.db.transaction(async (tx) => loadMeetingDetail(tx, await readerOf(tx, app.pii, p), id, app.clock()));

  app.get('/api/meetings', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'List meetings', tags: TAGS, querystring: s.MeetingListQuery, response: { 200: s.MeetingList },
      description: 'Meetings (坝坝议事 on site, 云坝会 online) the caller reads, latest start first, paged by `cursor`: staff those of councils in or above their scope, a resident those of the councils of their area (grid, community, town; by their registry person, else their account\'s home unit). Filters: councilId, status, kind.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.MeetingListQuery>;
    const limit = q.limit ?? 50;
    const after = q.cursor ? (([at, id]) => ({ at: cursorTime(at!), id: id! }))(decodeCursor(q.cursor, 2)) : null;
    const { rows, reader } = await app.db.transaction(async (tx) => {
      const reader = await readerOf(tx, app.pii, p);
      return { reader, rows: await listMeetings(tx, reader, { councilId: q.councilId ?? null, status: q.status ?? null, kind: q.kind ?? null }, after, limit + 1) };
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((m) => ({ ...presentMeetingSummary(m), policies: meetingPolicies(reader, m, true) })),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.starts_at).toISOString(), last.id]) : null,
      policies: isParticipationStaff(p) ? ['create' as const] : [],
    };
  });

  app.post('/api/meetings', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'Create a meeting', tags: TAGS, body: s.NewMeetingBody, response: { 200: s.MeetingDetail, 201: s.MeetingDetail },
      description: 'A meeting of a council of the caller\'s scope (PARTICIPATION_STAFF; else 404): on site (坝坝议事, sign-in by QR code) or online (云坝会), with its agenda — open proposals of the council or of councils under it, each moved to scheduled (else 422 PARTICIPATION_INVALID / 409 PROPOSAL_STATE_CONFLICT; nothing written). 201 with the meeting page; 200 with the first one for a repeated Idempotency-Key. Audited (participation.meeting.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const r = await app.db.transaction((tx) => createMeeting(tx, p, req.body as Static<typeof s.NewMeetingBody>, actorOf(p, req.ip, app.clock(), requestKeyOf(req, p))));
    return reply.status(r.created ? 201 : 200).send(await detail(r.id, p));
  });

  app.get('/api/meetings/:id', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'A meeting', tags: TAGS, params: s.IdParams, response: { 200: s.MeetingDetail },
      description: 'The meeting page: agenda, attendance (a count and whether the caller signed in; names for staff of its scope), comments (residents\' names masked to other residents), motions with their rules, the loosening notice, votes so far (a count, never the choices while open), the caller\'s own vote (the choice unless secret), whether they may vote and why not, results when closed, minutes, and `policies`. 404 when the caller does not read it.',
    },
  }, async (req) => detail((req.params as { id: string }).id, requirePrincipal(req)));

  app.post('/api/meetings/:id/actions/:action', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'Open, close or cancel a meeting', tags: TAGS, params: s.MeetingActionParams, body: s.MeetingActionBody, response: { 200: s.MeetingDetail },
      description: 'open: scheduled → open (sign-in and votes); close: open → closed, its open motions closed with their tallies; cancel: scheduled or open → cancelled with a `reason` (required), open motions closed without a result. 409 MEETING_STATE_CONFLICT when the status does not take the step; a repeated Idempotency-Key with the meeting already there changes nothing. 403 for staff outside its council\'s scope. Audited (participation.meeting.open/close/cancel).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, action } = req.params as Static<typeof s.MeetingActionParams>;
    const body = (req.body ?? {}) as Static<typeof s.MeetingActionBody>;
    await app.db.transaction(async (tx) => actOnMeeting(tx, await readerOf(tx, app.pii, p), id, action, body.reason ?? null,
      actorOf(p, req.ip, app.clock(), requestKeyOf(req, p)), closeOpenMotions));
    return detail(id, p);
  });

  app.put('/api/meetings/:id/minutes', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'Save a meeting\'s minutes', tags: TAGS, params: s.IdParams, body: s.MinutesBody, response: { 200: s.MeetingDetail },
      description: 'The minutes (纪要) of an open or closed meeting, replaced whole (409 MEETING_STATE_CONFLICT before it opens or when cancelled). Staff of its council\'s scope. Audited (participation.meeting.minutes).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    await app.db.transaction(async (tx) => saveMinutes(tx, await readerOf(tx, app.pii, p), id, (req.body as Static<typeof s.MinutesBody>).minutes, actorOf(p, req.ip, app.clock())));
    return detail(id, p);
  });

  app.get('/api/meetings/:id/checkin', {
    config: { access: PARTICIPATION_STAFF },
    schema: {
      summary: 'The sign-in QR code\'s link', tags: TAGS, params: s.IdParams, response: { 200: s.CheckinView },
      description: 'For staff of the meeting\'s council scope: the sign-in token and the phone page path the QR code encodes (/m/meetings/:id/check-in?token=…). Reading it is audited (participation.meeting.checkin_read): whoever holds the token can sign in as present.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const now = app.clock();
    return app.db.transaction(async (tx) => {
      const m = await findMeetingToRun(tx, await readerOf(tx, app.pii, p), id);
      await appendAudit(tx, { at: now, actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'participation.meeting.checkin_read', targetType: 'meeting', targetId: id, success: true });
      return { token: m.checkin_token, path: `/m/meetings/${encodeURIComponent(id)}/check-in?token=${encodeURIComponent(m.checkin_token)}` };
    });
  });

  app.post('/api/meetings/:id/attendance', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'Sign in to a meeting', tags: TAGS, params: s.IdParams, body: s.AttendanceBody, response: { 200: s.AttendanceAnswer, 201: s.AttendanceAnswer },
      description: 'Once per person (the registry person\'s key; a second sign-in answers 200 with created false): a resident with the QR code\'s `token` (on site, qr; a wrong token 422 PARTICIPATION_INVALID) or with nothing to join an online meeting (online); staff of its council\'s scope for a registry person of its area by `residentId` (assisted). A resident not in the registry → 422 PERSON_NOT_IN_REGISTRY. Only while the meeting is open (409 MEETING_STATE_CONFLICT). The first sign-in awards meetingAttended points when the person\'s community has such a rule. 201; audited (participation.meeting.attend).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const r = await app.db.transaction(async (tx) => attendMeeting(tx, app.pii, await readerOf(tx, app.pii, p), id,
      req.body as Static<typeof s.AttendanceBody>, actorOf(p, req.ip, app.clock())));
    return reply.status(r.created ? 201 : 200).send({ attended: true as const, channel: r.channel, created: r.created, points: r.points });
  });

  app.post('/api/meetings/:id/comments', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'Comment on a meeting', tags: TAGS, params: s.IdParams, body: s.CommentBody, response: { 201: s.MeetingDetail },
      description: 'A comment on a scheduled or open meeting the caller reads (409 MEETING_STATE_CONFLICT after it closed). Shown to residents with the author\'s name masked. 201 with the meeting page (a repeated Idempotency-Key adds nothing); audited (participation.meeting.comment).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    await app.db.transaction(async (tx) => commentOnMeeting(tx, await readerOf(tx, app.pii, p), id, (req.body as Static<typeof s.CommentBody>).body,
      actorOf(p, req.ip, app.clock(), requestKeyOf(req, p))));
    return reply.status(201).send(await detail(id, p));
  });
}
