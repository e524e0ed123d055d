import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import type { Db, Tx } from '../platform/db/db.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { ENFORCEMENT_OFFICERS, ENFORCEMENT_READERS, ENFORCEMENT_REVIEWERS, type EnforcementAction } from '../../shared/enforcement.ts';
import * as s from './schemas.ts';
import * as store from './case-store.ts';
import { findMatterByCode } from './matter-store.ts';
import { isOfficer, openEnforcementCase } from './open-case.ts';
import { applyEnforcementAction } from './case-actions.ts';
import { presentCaseDetail, presentCaseListItem, seesSubjectWhole } from './presenters.ts';

const TAGS = ['enforcement'];
const PAGE = s.ENFORCEMENT_LIMITS.pageSize;

/** What each action route says of itself. */
const ACTIONS: Record<EnforcementAction, { summary: string; description: string }> = {
  'update-facts': { summary: 'Correct the facts', description: 'Officers, while investigating: the facts replaced and the band proposed again (422 ENFORCEMENT_FACT_MISSING / ENFORCEMENT_INVALID / ENFORCEMENT_NO_BENCHMARK as at opening; nothing written).' },
  'add-evidence': { summary: 'Add evidence', description: 'Officers, until the decision: a photo or video (`fileHash` of a file uploaded through POST /api/files; unknown 422 PHOTO_UNKNOWN), a statement or document (its `text` or a file), with when (`takenAt`, default now; not in the future) and where it was taken.' },
  'confirm-band': { summary: 'Confirm the penalty band', description: 'Officers, while investigating: the benchmark and the penalty chosen. A different benchmark than proposed, a kind outside its band or a fine outside its range departs from the benchmark and needs `departureReason` (else 422 ENFORCEMENT_DEPARTURE_REASON_REQUIRED with `details.reasons`). Then awaiting legal review.' },
  review: { summary: 'Legal review (法制审核)', description: 'Reviewers (ENFORCEMENT_REVIEWERS) who are not officers of the case (else 422 ENFORCEMENT_SELF_REVIEW): approved → reviewed; returned → investigating again, counted as a review correction. An opinion either way.' },
  decide: { summary: 'Make the decision', description: 'Officers, once legal review approved it (else 422 ENFORCEMENT_REVIEW_REQUIRED; 409 ENFORCEMENT_STATE_CONFLICT after the decision): the decision numbered (春晖综执罚决字〔2026〕第12号, yearly per town), its time closes the handling time against the 15-minute mark.' },
  pay: { summary: 'Record payment of the fine', description: 'Officers, for a decided fine: the bank receipt and the amount (the fine decided, else 422). Then executed.' },
  execute: { summary: 'Record execution', description: 'Officers, for a decided warning or confiscation: how it was carried out. Then executed. (A fine is paid; a decision of no penalty is closed directly.)' },
  close: { summary: 'Close the case', description: 'Officers, once executed (or decided with no penalty): closed; a case of the loop it came from is handed in (report_done by the officer, when the loop lets them) for the dispatcher to verify.' },
  drop: { summary: 'Drop the case (撤销立案)', description: 'Officers, before the decision (investigating or awaiting review): with the reason; the loop case stays as it is.' },
};

/** 综合执法: enforcement cases of the caller's scope, from opening to closing, each step timed. */
export async function caseRoutes(app: FastifyInstance): Promise<void> {
  /** The case page; an unmasked read (officers and reviewers only) is audited in its own transaction. */
  const detail = async (req: FastifyRequest, id: string, unmask: boolean) => {
    const p = requirePrincipal(req);
    if (unmask && !seesSubjectWhole(p)) throw forbidden();
    const load = async (tx: Tx | Db) => {
      const c = await store.findCase(tx, id, p.scopePath);
      if (!c) throw notFound('enforcement case');
      return c;
    };
    const c = unmask
      ? await app.db.transaction(async (tx) => {
        const row = await load(tx);
        await appendAudit(tx, {
          at: app.clock(), actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'enforcement.subject.read', targetType: 'enforcement_case',
          targetId: row.id, success: true, detail: { number: row.number, fields: ['name', 'idNumber', 'phone'] },
        });
        return row;
      })
      : await load(app.db);
    return present(app, p, c, unmask);
  };

  app.get('/api/enforcement/cases', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'Enforcement cases', tags: TAGS, querystring: s.CaseListQuery, response: { 200: s.CaseList },
      description: 'The enforcement cases of the caller\'s scope, newest first, `limit` a page (`cursor` = the last page\'s `nextCursor`): filter by status, matter, words of the number, description, address or a firm\'s name. A person\'s name is masked. Handling minutes (opened → decided) against the 15-minute mark.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.CaseListQuery>;
    const limit = q.limit ?? PAGE;
    const after = q.cursor ? cursorOf(q.cursor) : null;
    const rows = p.scopePath ? await store.listCases(app.db, p.scopePath, {
      status: q.status ?? null, matterCode: q.matterCode ?? null, q: q.q?.trim() || null,
    }, after, limit + 1) : [];
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(presentCaseListItem),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.opened_at.toISOString(), last.id])).toString('base64url') : null,
      policies: p.scopePath && isOfficer(p) ? ['create' as const] : [],
    };
  });

  app.post('/api/enforcement/cases', {
    config: { access: ENFORCEMENT_OFFICERS },
    schema: {
      summary: 'Open an enforcement case (立案)', tags: TAGS, body: s.OpenCaseBody, response: { 201: s.CaseDetail, 200: s.CaseDetail },
      description: 'Opens a case of a matter on the list: the facts are checked by the matter\'s benchmarks (a missing fact 422 ENFORCEMENT_FACT_MISSING naming it in the message and `details.missing`; facts of the wrong type 422 ENFORCEMENT_INVALID; matching no benchmark 422 ENFORCEMENT_NO_BENCHMARK) and the first benchmark that holds is proposed. From a case of the loop (`caseId`, one the officer sees whose category the matter enforces, else 422 ENFORCEMENT_INVALID; 409 ENFORCEMENT_STATE_CONFLICT when it has one already, with `details.existingId`): its place and grid. Else `location` (or the inspection\'s, with `inspectionId`) locates the grid inside the scope. The subject\'s ID number and phone are sealed. Numbered ZF + town code + day + sequence, status investigating. Nothing is written on a refusal. `Idempotency-Key`: the same key answers the first case (200).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const r = await openEnforcementCase(app.db, app, p, req.body as s.OpenCaseInput, app.clock(), idempotencyKeyOf(req));
    return reply.status(r.created ? 201 : 200).send(await detail(req, r.id, false));
  });

  app.get('/api/enforcement/cases/by-loop-case/:caseId', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'The enforcement case of a loop case', tags: TAGS, params: s.LoopCaseParams, response: { 200: s.CaseDetail },
      description: 'The enforcement case opened from this case of the loop, when it lies in the caller\'s scope; 404 when there is none (the case page then offers 立案执法 to officers).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { caseId } = req.params as Static<typeof s.LoopCaseParams>;
    const found = await store.findCaseByLoopCase(app.db, caseId, p.scopePath);
    if (!found) throw notFound('enforcement case');
    return detail(req, found.id, false);
  });

  app.get('/api/enforcement/cases/:id', {
    config: { access: ENFORCEMENT_READERS },
    schema: {
      summary: 'An enforcement case', tags: TAGS, params: s.CaseIdParams, querystring: s.UnmaskQuery, response: { 200: s.CaseDetail },
      description: 'The case of the caller\'s scope: matter, place, the loop case or inspection it came from, the subject (a person\'s name, ID number and phone masked; `unmask=true` shows them whole to officers and reviewers, 403 to others, and writes the read to the audit log), the facts as read, evidence with signed file URLs, the proposed and confirmed bands with any departure and its reason, legal review, decision, execution, the timeline with minutes per step, handling minutes against the 15-minute mark, and `policies` (what the caller may do now).',
    },
  }, async (req) => {
    const { id } = req.params as Static<typeof s.CaseIdParams>;
    const { unmask } = req.query as Static<typeof s.UnmaskQuery>;
    return detail(req, id, unmask === true);
  });

  const route = <A extends EnforcementAction>(action: A, body: TSchema) => {
    const access = action === 'review' ? ENFORCEMENT_REVIEWERS : ENFORCEMENT_OFFICERS;
    app.post(`/api/enforcement/cases/:id/actions/${action}`, {
      config: { access },
      schema: {
        summary: ACTIONS[action].summary, tags: TAGS, params: s.CaseIdParams, body, response: { 200: s.CaseDetail },
        description: `${ACTIONS[action].description} Each step writes a timed event and an audit row, version + 1. 404 outside the scope. \`Idempotency-Key\`: a repeat changes nothing and answers the case.`,
      },
    }, async (req) => {
      const p = requirePrincipal(req);
      const { id } = req.params as Static<typeof s.CaseIdParams>;
      const key = idempotencyKeyOf(req);
      await applyEnforcementAction(app.db, p, id, action, req.body as s.EnforcementActionBodies[A], app.clock(), key ? `${p.accountId}:${key}` : null,
        { calendar: app.calendar, ip: req.ip });
      return detail(req, id, false);
    });
  };
  for (const [action, body] of Object.entries(s.ACTION_BODY_SCHEMAS) as [EnforcementAction, TSchema][]) route(action, body);
}

async function present(app: FastifyInstance, p: Principal, c: store.EnforcementCaseView, whole: boolean) {
  const [matter, evidence, events, officerNames] = await Promise.all([
    findMatterByCode(app.db, c.matter_code), store.listEvidence(app.db, c.id), store.listEvents(app.db, c.id), store.accountNames(app.db, c.officer_ids),
  ]);
  return presentCaseDetail(c, p, { matter: matter!, evidence, events, officerNames, pii: app.pii, urls: app.fileUrls, whole, now: app.clock() });
}

function cursorOf(cursor: string): { at: Date; id: string } {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) {
      return { at: new Date(v[0]), id: v[1] };
    }
  } catch { /* falls through */ }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not one this list handed out.', '分页游标无效。');
}
