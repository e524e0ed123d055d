import { decodeCaseCursor, encodeCaseCursor } from './cursor.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { STAFF_ROLES } from '../../shared/roles.ts';
import type { CaseSource } from '../../shared/cases.ts';
import type { ReporterKind } from '../../domain/cases/case-state.ts';
import { policies } from '../../domain/cases/lifecycle.ts';
import { mineFilter } from '../../domain/cases/mine-lists.ts';
import { dateRangeWindow } from '../../domain/cases/list-window.ts';
import { reporterContactView } from '../../domain/cases/reporter-contact.ts';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { applyCaseAction } from './apply-case-action.ts';
import { reportCase } from './report-case.ts';
import { previewRouting } from './preview-routing.ts';
import { actorOf, assigneeId, toCaseState, toMatter, viewerOf } from './case-mapping.ts';
import { namedIds, presentCaseDetail, presentCaseListItem, presentDuplicates } from './presenters.ts';
import { verifierKinds } from '../../domain/cases/verification.ts';
import { routeReason, type RouteReason } from '../../domain/matters/routing.ts';
import type { Matter } from '../../domain/matters/matter.ts';
import type { CaseState } from '../../domain/cases/case-state.ts';
import { findMatterById } from '../matters/store.ts';
import * as store from './store.ts';
import { listUnitsByIds } from '../org/store.ts';
import * as s from './schemas.ts';
import { audit } from '../audit/audit-log.ts';
import { findThingSummary } from '../registry/thing-cases-store.ts';
import { registryReachOf, reportReach } from '../registry/thing-cases-reach.ts';
import { presentCaseThing } from '../registry/thing-cases-presenters.ts';

/**
 * Where a signed-in account's report comes from, by role: grid workers report from their app, residents by 随手拍, other
 * staff enter what reached them. Who reported it: a 12345 call's caller (the dispatcher entered it: the actor, not the
 * reporter), another platform, or the staff member who found it on a visit or task.
 */
function sourceFor(p: Principal, asked: CaseSource | undefined): { source: CaseSource; kind: ReporterKind } {
  if (p.roles.includes('gridWorker')) return { source: 'gridWorker', kind: 'gridWorker' };
  if (p.kind === 'resident') return { source: 'resident', kind: 'resident' };
  const source = asked && !['gridWorker', 'resident', 'sensor', 'plan', 'dispute', 'enforcement'].includes(asked) ? asked : 'hotline';
  return { source, kind: source === 'hotline' ? 'caller' : source === 'platform' || source === 'open311' ? 'platform' : 'staff' };
}

/** The reporter a signed-in account's report names: itself, or (a call, another platform) the contact it entered. */
function reporterOf(p: Principal, kind: ReporterKind, given: { name?: string; phone?: string } | undefined) {
  const own = kind === 'gridWorker' || kind === 'resident' || kind === 'staff';
  return { kind, accountId: own ? p.accountId : null, name: given?.name ?? (own ? p.name : null), phone: given?.phone ?? null };
}

function idempotencyKey(req: FastifyRequest, owner: string): string | null {
  const key = idempotencyKeyOf(req);
  return key === null ? null : `${owner}:${key}`;
}

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const anyone = { access: [...STAFF_ROLES, 'resident'] as const };

  const detail = async (id: string, p: Principal, ip: string) => {
    const row = await store.findCase(app.db, id, viewerOf(p));
    if (!row) throw notFound('case');
    const [events, photos, matter, original, duplicates, thing] = await Promise.all([
      store.listEvents(app.db, id), store.listPhotos(app.db, id), findMatterById(app.db, row.matter_id),
      row.duplicate_of ? store.findCase(app.db, row.duplicate_of, viewerOf(p)) : null, store.listDuplicatesOf(app.db, row.id, viewerOf(p)),
      row.thing_id ? findThingSummary(app.db, row.thing_id) : null,
    ]);
    const names = await store.assigneeNames(app.db, namedIds(row, events));
    const [state, actor] = [toCaseState(row), actorOf(p)];
    const contact = reporterContactView(state, actor);
    const shown = presentCaseDetail(row, names, app.clock(), {
      events, photos, policies: policies(state, actor), contact, urls: app.fileUrls, pii: app.pii,
      verifiers: state.status === 'handled' ? verifierKinds(state) : null,
      routing: matter && routingOf(toMatter(matter), state), original, duplicates,
      thing: thing && presentCaseThing(thing, registryReachOf(p)),
    });
    if (contact === 'full' && (shown.reporter.name !== null || shown.reporter.phone !== null)) {
      // someone else's personal data shown unmasked: every such read is audited (PIPL)
      await audit(app.db, { at: app.clock(), actorId: p.accountId, actorName: p.username, ip, action: 'case.read_contact', targetType: 'case', targetId: row.id, success: true });
    }
    return shown;
  };

  app.post('/api/cases', {
    config: { access: ['dispatcher', 'communityStaff', 'gridWorker', 'handler', 'resident'] },
    schema: {
      summary: 'Report a case',
      tags: ['cases'],
      description: 'Reports a case. Located to its grid, routed by the town\'s Matter, numbered; answers 201 with the case and the nearby open cases of the same category: staff get them as `duplicates`, residents only `similarNearby` (how many, the nearest in metres). `thingId` reports it at a registered thing (在部件处上报): the open cases of the same thing and category come first among the duplicates. `Idempotency-Key`: the same key returns the first case (200).',
      body: s.ReportBody,
      response: { 200: s.ReportedCase, 201: s.ReportedCase },
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof s.ReportBody>;
    const { source, kind } = sourceFor(p, body.source);
    const { thingId, ...report } = body;
    const result = await reportCase(app.db, app, {
      ...report, source, thing: thingId ? { id: thingId, reach: reportReach(p) } : null,
      reporter: reporterOf(p, kind, body.reporter),
      actorName: kind === 'resident' ? null : p.name,
      actorId: p.accountId,
      idempotencyKey: idempotencyKey(req, p.accountId),
    }, app.clock());
    const nearby = presentDuplicates(result.duplicates, p.kind === 'staff');
    return reply.status(result.created ? 201 : 200).send({ ...(await detail(result.caseId, p, req.ip)), ...nearby });
  });

  app.get('/api/cases/routing-preview', {
    config: anyone,
    schema: {
      tags: ['cases'],
      summary: 'Who would handle a report, and why',
      description: 'Runs the routing of intake for a category at a point without reporting: the post, department or grid worker it would go to, the grid, community, town and district, and the reason as a code (rendered by the client in the reader\'s language). Residents are not told a grid worker\'s name. 422 LOCATION_OUTSIDE_GRIDS or CATEGORY_UNKNOWN.',
      querystring: s.RoutingPreviewQuery, response: { 200: s.RoutingPreview },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    return previewRouting(app.db, app.locator, req.query as Static<typeof s.RoutingPreviewQuery>, p.kind === 'staff');
  });

  app.get('/api/cases', {
    config: anyone,
    schema: {
      tags: ['cases'],
      summary: 'List cases',
      description: 'Cases within the caller\'s scope, assigned to the caller\'s posts or department, or reported by the caller; newest first. The filters (status, unit, category, channel, reporting dates, text) only narrow that set; `total=true` also counts all matches.',
      querystring: s.CaseListQuery,
      response: { 200: s.CasePage },
    },
  }, async (req) => {
    const q = req.query as Static<typeof s.CaseListQuery>;
    const p = requirePrincipal(req);
    const limit = q.limit ?? 50;
    let orgUnitPath: string | undefined;
    if (q.orgUnitId) {
      const [unit] = await listUnitsByIds(app.db, [q.orgUnitId]);
      if (!unit) throw notFound('organisation unit');
      orgUnitPath = unit.path;
    }
    const cursor = q.cursor ? decodeCaseCursor(q.cursor) : undefined;
    const created = dateRangeWindow(q.from, q.to);
    if (!created) throw new AppError('VALIDATION_FAILED', 'The date range ends before it begins.', '结束日期早于开始日期。');
    const filter = {
      statuses: q.status, orgUnitPath, overdue: q.overdue, q: q.q, categoryCodes: q.category, sources: q.source, created,
      mine: q.mine && mineFilter(q.mine, actorOf(p)), now: app.clock(),
    };
    // a list may lag the primary by the replica's replay (db.reader); the case itself is read from the primary
    const rows = await store.listCases(app.db.reader, viewerOf(p), { ...filter, beforeCreated: cursor, limit: limit + 1 });
    const total = q.total ? await store.countCases(app.db.reader, viewerOf(p), filter) : undefined;
    const page = rows.slice(0, limit);
    const names = await store.assigneeNames(app.db.reader, page.flatMap((r) => { const id = assigneeId(r.assignee); return id ? [id] : []; }));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => presentCaseListItem(r, names, app.clock(), actorOf(p))),
      nextCursor: rows.length > limit && last ? encodeCaseCursor(last) : null,
      ...(total === undefined ? {} : { total }),
    };
  });

  app.get('/api/cases/:id', {
    config: anyone,
    schema: {
      summary: 'A case with its timeline',
      tags: ['cases'], description: 'The case with its timeline, photos, deadlines and the actions the caller may take now (`policies`).',
      params: s.IdParams, response: { 200: s.CaseDetail },
    },
  }, async (req) => detail((req.params as Static<typeof s.IdParams>).id, requirePrincipal(req), req.ip));

  app.post('/api/cases/:id/actions/:action', {
    config: anyone,
    schema: {
      tags: ['cases'],
      summary: 'Take a step of the case lifecycle',
      description: 'One step of the lifecycle (accept, reject, dispatch, start, report_done, return, escalate, request_suspension, approve_suspension, resume, resolve_on_spot, verify, reopen, rate, revisit), or accept_dispatch (受理并派遣: accept and dispatch to the routed assignee, or to `assignee`, in one transaction; the timeline keeps both steps). 409 with `details.allowed` when the state does not allow it, 403 for the wrong actor, 409 CASE_STALE_VERSION when `version` is old; 422 CASE_REASON_REQUIRED for a dispatch elsewhere than routing proposed without a reason, 422 CASE_SELF_VERIFICATION when the one who handled the case verifies or reopens it. A reject with `duplicateOf` (the original\'s id, e.g. one of intake\'s `duplicates`) links the case to its original in the same transaction: 422 CASE_DUPLICATE_INVALID unless the original is another case of the same town that the caller sees and that was not rejected. `Idempotency-Key`: an action already taken with the key answers the case as it is, without a second step.',
      params: s.ActionParams, body: s.ActionBody, response: { 200: s.CaseDetail },
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id, action } = req.params as Static<typeof s.ActionParams>;
    const body = (req.body ?? {}) as Static<typeof s.ActionBody>;
    await applyCaseAction(app.db, id, { ...body, action, until: body.until ? new Date(body.until) : undefined }, actorOf(p), viewerOf(p), p.name, app.clock(), await app.calendar.current(),
      { requestKey: idempotencyKey(req, `${p.accountId}:${action}`) });
    return detail(id, p, req.ip);
  });
}

/** Why the case's routed assignee was proposed, at the case's tier now; nobody routed means the dispatcher picks. */
function routingOf(m: Matter, c: CaseState): RouteReason & { matter: string } {
  const why = routeReason(m, c.tier);
  return c.routedAssignee === null && why.code !== 'communityTriage' ? { ...why, code: 'dispatcherChooses' } : why;
}

