import type { FastifyInstance } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError } from '../platform/errors.ts';
import type { Tx } from '../platform/db/db.ts';
import { VOLUNTEER_ORGANISERS, VOLUNTEER_READERS } from '../../shared/volunteers.ts';
import { personNotInRegistry, personOfResident } from './person.ts';
import { cancelHelp, finishHelp, helpNotFound, lockHelp, openHelpRequest, takeHelp, type HelpRow } from './help.ts';
import { findHelp, helpPolicies, listHelp, loadHelp, presentHelp } from './help-presenters.ts';
import {
  actorOf, decodeCursor, encodeCursor, isHelpOrganiserOf, isResident, readerOf, requestKeyOf, type Actor, type Reader,
} from './scope.ts';
import { IdParams } from './matter-schemas.ts';
import type { HelpPolicy } from './help-schemas.ts';
import * as s from './help-schemas.ts';

const TAGS = ['participation'];

/**
 * 家事 (issue 16): neighbour help requests — the list (staff: their scope; a resident: theirs, the ones they took and
 * the open ones of their grid), asking for help (a resident for themself; staff for a registry person), and take /
 * done (the helper's helpDone points) / cancel.
 */
export async function helpRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/help-requests', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'List neighbour help requests (邻里互助)', tags: TAGS, querystring: s.HelpListQuery, response: { 200: s.HelpList },
      description: 'Newest first, paged by `cursor`: staff read the requests of their scope; a resident theirs, the ones they took and the open ones of their grid (names masked: 张*). `mine=true`: only the caller\'s own and taken ones.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.HelpListQuery>;
    const limit = q.limit ?? 50;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listHelp(app.db, r, { status: q.status ?? null, mine: q.mine === true }, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    const canCreate = (p.scopePath !== null && p.roles.some((x) => (VOLUNTEER_ORGANISERS as readonly string[]).includes(x))) || (isResident(p) && r.person !== null);
    return {
      items: page.map((h) => presentHelp(r, h)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      policies: canCreate ? ['create' as const] : [],
    };
  });

  app.post('/api/help-requests', {
    config: { access: [...VOLUNTEER_ORGANISERS, 'resident'] },
    schema: {
      summary: 'Ask for neighbour help', tags: TAGS, body: s.NewHelpBody, response: { 200: s.HelpView, 201: s.HelpView },
      description: 'A resident asks for themself (their registry person\'s grid; 422 PERSON_NOT_IN_REGISTRY); staff for a registry person of their scope (residentId, else 422 VOLUNTEER_INVALID). 201 with the request (open); 200 with the first one for a repeated Idempotency-Key. Audited (participation.help.open).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const b = req.body as Static<typeof s.NewHelpBody>;
    const who = actorOf(p, req.ip, app.clock(), requestKeyOf(req, p));
    const out = await app.db.transaction(async (tx) => {
      const r = await readerOf(tx, app.pii, p);
      const organiser = p.scopePath !== null && p.roles.some((x) => (VOLUNTEER_ORGANISERS as readonly string[]).includes(x));
      let requester;
      if (organiser) {
        requester = b.residentId ? await personOfResident(tx, b.residentId) : null;
        if (!requester || !requester.orgPath.startsWith(p.scopePath!)) {
          throw new AppError('VOLUNTEER_INVALID', 'Name a registry person of your scope who needs the help.', '请选择您范围内需要帮助的居民。', { field: 'residentId' });
        }
      } else {
        if (b.residentId) throw new AppError('VOLUNTEER_INVALID', 'A resident asks for themself only.', '居民只能为自己求助。', { field: 'residentId' });
        if (!r.person) throw personNotInRegistry();
        requester = r.person;
      }
      const made = await openHelpRequest(tx, {
        gridId: requester.gridId, title: b.title, description: b.description, requesterId: requester.residentId,
        idempotencyKey: who.requestKey ?? null, who,
      });
      return { created: made.created, view: await loadHelp(tx, r, made.id) };
    });
    return reply.status(out.created ? 201 : 200).send(out.view);
  });

  app.get('/api/help-requests/:id', {
    config: { access: VOLUNTEER_READERS },
    schema: {
      summary: 'A neighbour help request', tags: TAGS, params: IdParams, response: { 200: s.HelpView },
      description: 'The request with who asked and who took it (masked for other residents), the helper\'s points, `policies`. 404 when the caller does not read it.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return loadHelp(app.db, await readerOf(app.db, app.pii, p), (req.params as { id: string }).id);
  });

  const action = <B extends TSchema>(name: HelpPolicy, body: B, summary: string, description: string,
    run: (tx: Tx, r: Reader, h: HelpRow, b: Static<B>, who: Actor) => Promise<unknown>) => {
    app.post(`/api/help-requests/:id/actions/${name}`, {
      config: { access: [...VOLUNTEER_ORGANISERS, 'resident'] },
      schema: { summary, description, tags: TAGS, params: IdParams, body, response: { 200: s.HelpView } },
    }, async (req) => {
      const p = requirePrincipal(req);
      const who = actorOf(p, req.ip, app.clock(), requestKeyOf(req, p));
      const { id } = req.params as { id: string };
      return app.db.transaction(async (tx) => {
        const r = await readerOf(tx, app.pii, p);
        const seen = await findHelp(tx, r, id);
        if (!seen) throw helpNotFound();
        const h = await lockHelp(tx, id);
        if (!helpPolicies(r, h).includes(name)) {
          if (!isHelpOrganiserOf(p, h.org_path) && !isResident(p)) throw helpNotFound();
          if (isResident(p) && !r.person && name === 'take') throw personNotInRegistry();
          throw new AppError('HELP_STATE_CONFLICT', `The help request is ${h.status}: "${name}" is not possible for you now.`, '互助请求当前状态下您不能进行此操作。', { status: h.status });
        }
        await run(tx, r, h, req.body as Static<B>, who);
        return loadHelp(tx, r, id);
      });
    });
  };
  action('take', s.TakeHelpBody, 'Take a help request',
    'open → taken. A resident of its grid takes it themself (not their own request); organisers of its scope name a registry person (helperResidentId) and/or a volunteer team (helperTeamId). Not allowed now → 409 HELP_STATE_CONFLICT; 422 VOLUNTEER_INVALID for an unknown helper. Audited (participation.help.take).',
    async (tx, r, h, b, who) => {
      if (isHelpOrganiserOf(r.p, h.org_path)) {
        await takeHelp(tx, h, { residentId: b.helperResidentId ?? null, teamId: b.helperTeamId ?? null }, who);
      } else {
        await takeHelp(tx, h, { residentId: r.person!.residentId, teamId: null }, who);
      }
    });
  action('done', s.DoneHelpBody, 'Mark a help request done',
    'taken → done with a note, by organisers of its scope, the helper or the requester; the helper (a registry person) gets the points of the community\'s helpDone rule once (event help:<id>). 409 HELP_STATE_CONFLICT otherwise. Audited (participation.help.done).',
    (tx, _r, h, b, who) => finishHelp(tx, h, b.note, who));
  action('cancel', s.CancelHelpBody, 'Cancel a help request',
    'open | taken → cancelled with the reason, by organisers of its scope or the requester. 409 HELP_STATE_CONFLICT otherwise. Audited (participation.help.cancel).',
    (tx, _r, h, b, who) => cancelHelp(tx, h, b.reason, who));
}
