import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { VOLUNTEER_ORGANISERS, VOLUNTEER_READERS } from '../../shared/volunteers.ts';
import { presentMember, presentTeam } from './presenters.ts';
import { listMembers, listTeams, readerOf } from './store.ts';
import { addMember, createTeam, joinTeam, removeMember, teamOf } from './teams.ts';
import * as s from './schemas.ts';

const TAGS = ['volunteers'];

/** 五色志愿服务队: the teams of a community and their members. */
export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const detail = async (id: string, p: Principal) => {
    const r = await readerOf(app.db, app.pii, p);
    const t = await teamOf(app.db, r, id);
    const members = await listMembers(app.db, id, app.clock());
    return { ...presentTeam(t, r), memberList: members.map((m) => presentMember(m, r)) };
  };

  app.get('/api/volunteers/teams', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'Volunteer teams', tags: TAGS, querystring: s.TeamListQuery, response: { 200: s.TeamList },
      description: 'The five-colour teams (民聚红 · 民兴金 · 民和橙 · 民康绿 · 民安蓝) of the communities in or holding the caller\'s scope (of `orgUnitId` when given); a resident those of their community, with `mine` when they are a member.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.TeamListQuery>;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listTeams(app.db, r, { orgUnitId: q.orgUnitId ?? null });
    return { items: rows.map((t) => presentTeam(t, r)), policies: r.organiser ? ['create' as const] : [] };
  });

  app.post('/api/volunteers/teams', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Form a volunteer team', tags: TAGS, body: s.NewTeamBody, response: { 201: s.TeamDetail },
      description: 'A team of one of the five colours in a community of the organiser\'s scope (else 404; not a community → 422 VOLUNTEER_INVALID), named and focused by its colour unless given. The colour taken already in that community → 409 CONFLICT. Audited (volunteer.team.create).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const now = app.clock();
    const id = await app.db.transaction(async (tx) => createTeam(tx, await readerOf(tx, app.pii, p), req.body as Static<typeof s.NewTeamBody>, { now, ip: req.ip }));
    return reply.status(201).send(await detail(id, p));
  });

  app.get('/api/volunteers/teams/:id', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'A volunteer team and its members', tags: TAGS, params: s.IdParams, response: { 200: s.TeamDetail },
      description: 'The team with its current members and their service hours this year: staff see names and registry ids, residents the names masked (张*) and their own whole. 404 when the caller does not read it.',
    },
  }, async (req) => detail((req.params as { id: string }).id, requirePrincipal(req)));

  app.post('/api/volunteers/teams/:id/members', {
    config: { access: VOLUNTEER_ORGANISERS },
    schema: {
      summary: 'Add a member to a team', tags: TAGS, params: s.IdParams, body: s.AddMemberBody, response: { 200: s.TeamDetail },
      description: 'An organiser adds a registry person of their scope (else 404) who lives in the team\'s community (else 422 VOLUNTEER_INVALID); a member already → nothing changes. Audited (volunteer.team.member_add).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const now = app.clock();
    await app.db.transaction(async (tx) => addMember(tx, await readerOf(tx, app.pii, p), id, (req.body as Static<typeof s.AddMemberBody>).residentId, { now, ip: req.ip }));
    return detail(id, p);
  });

  app.post('/api/volunteers/teams/:id/join', {
    config: { access: ['resident'] },
    schema: {
      summary: 'Join a team', tags: TAGS, params: s.IdParams, response: { 200: s.TeamDetail },
      description: 'A resident joins a team of their community as their registry person (outside the registry 422 PERSON_NOT_IN_REGISTRY; another community\'s team 404 or 422 VOLUNTEER_INVALID); a member already → nothing changes. Audited (volunteer.team.join).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const now = app.clock();
    await app.db.transaction(async (tx) => joinTeam(tx, app.pii, await readerOf(tx, app.pii, p), id, { now, ip: req.ip }));
    return detail(id, p);
  });

  app.delete('/api/volunteers/teams/:id/members/:residentId', {
    config: { access: [...VOLUNTEER_ORGANISERS, 'resident'] },
    schema: {
      summary: 'Remove a member (or leave)', tags: TAGS, params: s.MemberParams, response: { 200: s.TeamDetail },
      description: 'An organiser who manages the team removes a member; a resident removes themself (leaves). The membership is kept with its end, and the person may join again. Not a member → 404; someone else\'s membership for a resident → 403. Audited (volunteer.team.member_remove, volunteer.team.leave).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, residentId } = req.params as { id: string; residentId: string };
    const now = app.clock();
    await app.db.transaction(async (tx) => removeMember(tx, await readerOf(tx, app.pii, p), id, residentId, { now, ip: req.ip }));
    return detail(id, p);
  });
}
