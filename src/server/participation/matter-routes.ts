import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal } from '../platform/auth.ts';
import { PARTICIPATION_READERS, PARTICIPATION_STAFF } from '../../shared/participation.ts';
import { classMatter, submitMatter } from './matters.ts';
import { listMatters, loadMatterDetail, presentMatter } from './matter-presenters.ts';
import { actorOf, decodeCursor, encodeCursor, isParticipationStaff, isResident, readerOf, requestKeyOf } from './scope.ts';
import * as s from './matter-schemas.ts';

const TAGS = ['participation'];

/**
 * 三事分流 (issue 16): residents' matters — the list (staff: their scope; a resident: their own), entering one (a
 * resident their own; staff for a registry person or a place), the matter page, and classing it 公事/共事/家事 (and
 * again with a reason) which sends it down its path.
 */
export async function matterRoutes(app: FastifyInstance): Promise<void> {
  const locate = async (lng: number, lat: number) => (await app.locator.current()).locate(lng, lat);

  app.get('/api/participation/matters', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'List residents\' matters (三事分流)', tags: TAGS, querystring: s.MatterListQuery, response: { 200: s.MatterList },
      description: 'Newest first, paged by `cursor`: staff read the matters of their scope, a resident their own. Filters: status, class (the class, or the suggested one while unclassed). Each with the suggested class and its reasons, the class chosen, links to the case, proposal or help request it became, and `policies` (class | reclass).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.MatterListQuery>;
    const limit = q.limit ?? 50;
    const r = await readerOf(app.db, app.pii, p);
    const rows = await listMatters(app.db, r, { status: q.status ?? null, class: q.class ?? null }, q.cursor ? decodeCursor(q.cursor) : null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((m) => presentMatter(r, m)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null,
      policies: isParticipationStaff(p) || isResident(p) ? ['create' as const] : [],
    };
  });

  app.post('/api/participation/matters', {
    config: { access: [...PARTICIPATION_STAFF, 'resident'] },
    schema: {
      summary: 'Enter a matter (我有事说)', tags: TAGS, body: s.NewMatterBody, response: { 200: s.MatterDetail, 201: s.MatterDetail },
      description: 'A resident enters their own matter (about their registry person, in their grid; 422 PERSON_NOT_IN_REGISTRY when their phone is in no registry entry); staff enter one for a registry person of their scope (residentId) or at a point of their scope (location), source gridWorker/visit/hotline/meeting. The system suggests its class with reasons (公事: a case; 共事: deliberation; 家事: neighbour help). 201 with the matter; 200 with the first one for a repeated Idempotency-Key. Audited (participation.matter.submit).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const now = app.clock();
    const who = actorOf(p, req.ip, now, requestKeyOf(req, p));
    const body = req.body as Static<typeof s.NewMatterBody>;
    const located = body.location ? await locate(body.location.lng, body.location.lat) : null;
    const out = await app.db.transaction(async (tx) => {
      const made = await submitMatter(tx, app.pii, located, p, body, who, who.requestKey ?? null);
      return { created: made.created, detail: await loadMatterDetail(tx, await readerOf(tx, app.pii, p), made.id) };
    });
    return reply.status(out.created ? 201 : 200).send(out.detail);
  });

  app.get('/api/participation/matters/:id', {
    config: { access: PARTICIPATION_READERS },
    schema: {
      summary: 'A resident\'s matter', tags: TAGS, params: s.IdParams, response: { 200: s.MatterDetail },
      description: 'The matter with its suggestion, class, links and events (submit, class, reclass with reasons) and `policies`. 404 when the caller does not read it (staff outside its scope; a resident, someone else\'s).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return loadMatterDetail(app.db, await readerOf(app.db, app.pii, p), (req.params as { id: string }).id);
  });

  const classRoute = (name: 'class' | 'reclass', body: typeof s.ClassMatterBody | typeof s.ReclassMatterBody, summary: string, description: string) => {
    app.post(`/api/participation/matters/:id/actions/${name}`, {
      config: { access: PARTICIPATION_STAFF },
      schema: { summary, description, tags: TAGS, params: s.IdParams, body, response: { 200: s.MatterDetail } },
    }, async (req) => {
      const p = requirePrincipal(req);
      const { id } = req.params as { id: string };
      const b = req.body as Static<typeof s.ClassMatterBody>;
      const who = actorOf(p, req.ip, app.clock(), requestKeyOf(req, p));
      await classMatter({ db: app.db, locator: app.locator, pii: app.pii, calendar: app.calendar }, p, id, b, who, { reclass: name === 'reclass' });
      return loadMatterDetail(app.db, await readerOf(app.db, app.pii, p), id);
    });
  };
  classRoute('class', s.ClassMatterBody, 'Class a matter (三事分流)',
    'PARTICIPATION_STAFF of the matter\'s scope (else 404). public → a case in the loop (categoryCode, or one read from its words; else 422 PARTICIPATION_INVALID), shared → a proposal on the council of its grid (councilLevel community|town: the council above), private → a neighbour help request. A class other than the suggested one needs a reason (422 MATTER_CLASS_REASON_REQUIRED); a matter already classed → 409 MATTER_STATE_CONFLICT. Repeating an Idempotency-Key answers the matter as it is. Audited (participation.matter.class).');
  classRoute('reclass', s.ReclassMatterBody, 'Class a matter again',
    'With a reason (always). Only while the earlier path\'s artefact is still open: an open proposal is rejected with the reason, an open help request cancelled; a case, a proposal past open or a help request taken → 409 MATTER_STATE_CONFLICT. The matter keeps its earlier links and events. Audited (participation.matter.reclass).');
}
