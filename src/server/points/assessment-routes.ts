import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { requirePrincipal, type Principal } from '../platform/auth.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { idempotencyKeyOf } from '../platform/idempotency-key.ts';
import { maskName } from '../../domain/identity/personal-data.ts';
import { POINTS_READERS, type AssessmentStatus } from '../../shared/points.ts';
import { assessmentActionAllowed } from '../../domain/points/assessment.ts';
import { personNotInRegistry } from '../participation/person.ts';
import { pointsInvalid, publishedRules } from './ledger.ts';
import * as store from './ledger-store.ts';
import { actorOf, isKeeperOf, isPeerReviewerOf, isPointsStaff, isResident } from './ledger-store.ts';
import { approveAssessment, findAssessment, listAssessments, peerReview, returnAssessment, selfReport, type AssessmentRow } from './assessments.ts';
import * as s from './assessment-schemas.ts';

const TAGS = ['points'];
const WRITERS = ['communityStaff', 'gridWorker', 'resident'] as const;

const badCursor = () => new AppError('VALIDATION_FAILED', 'The cursor is not one this API handed out.', '分页游标无效。');

/** 户自查 → 组互评 → 村评定 */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const present = async (a: AssessmentRow, p: Principal): Promise<Static<typeof s.AssessmentView>> => {
    const rules = await publishedRules(app.db, a.org_unit_id);
    const staff = isPointsStaff(p) && a.org_path.startsWith(p.scopePath!);
    const policies: ('peerReview' | 'approve' | 'return')[] = [];
    if (staff && isPeerReviewerOf(p, a.org_path) && assessmentActionAllowed(a.status, 'peer-review')) policies.push('peerReview');
    if (staff && isKeeperOf(p, a.org_path) && assessmentActionAllowed(a.status, 'approve')) policies.push('approve');
    if (staff && (isKeeperOf(p, a.org_path) || isPeerReviewerOf(p, a.org_path)) && assessmentActionAllowed(a.status, 'return')) policies.push('return');
    return {
      id: a.id, householdId: a.household_id, headName: a.head_name ? (staff ? a.head_name : maskName(a.head_name)) : null,
      address: a.address, gridId: a.grid_id, gridName: a.grid_name, orgUnitId: a.org_unit_id, period: a.period, status: a.status,
      items: a.items.map((i) => {
        const rule = rules.find((r) => r.code === i.ruleCode);
        return { ruleCode: i.ruleCode, ruleName: rule?.name ?? i.ruleCode, points: rule?.points ?? 0, claimed: i.claimed, note: i.note ?? null, peer: i.peer ?? null, approved: i.approved ?? null };
      }),
      selfAt: new Date(a.self_at).toISOString(), peerAt: a.peer_at ? new Date(a.peer_at).toISOString() : null, peerNote: a.peer_note,
      decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null, decisionNote: a.decision_note,
      awardedPoints: a.awarded, version: a.version, policies,
    };
  };

  /** The assessment, if the caller reaches it (staff of its path; a resident their own household's). */
  const reachable = async (id: string, p: Principal): Promise<AssessmentRow> => {
    const a = await findAssessment(app.db, id);
    if (!a) throw notFound('assessment');
    if (isPointsStaff(p) && a.org_path.startsWith(p.scopePath!)) return a;
    if (isResident(p)) {
      const person = await store.personOf(app.db, app.pii, p);
      if (person?.householdId === a.household_id) return a;
    }
    throw notFound('assessment');
  };

  app.get('/api/points/assessments', {
    config: { access: POINTS_READERS },
    schema: {
      summary: 'Households\' assessments', tags: TAGS, querystring: s.AssessmentListQuery, response: { 200: s.AssessmentList },
      description: '户自查 → 组互评 → 村评定: the assessments of the caller\'s scope (or of `orgUnitId` in it), newest period first, by `period` and `status`; a resident their own household\'s. Paged by `cursor`.',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query as Static<typeof s.AssessmentListQuery>;
    let underPath: string | null = null;
    let householdId: string | null = null;
    if (isPointsStaff(p)) {
      underPath = p.scopePath!;
      if (q.orgUnitId) {
        const u = (await app.db.query<{ path: string }>(`select path from org_units where id = $1 and path like $2 || '%'`, [q.orgUnitId, p.scopePath])).rows[0];
        if (!u) throw notFound('organisation unit');
        underPath = u.path;
      }
    } else {
      const person = await store.personOf(app.db, app.pii, p);
      if (!person?.householdId) return { items: [], nextCursor: null, policies: [] };
      householdId = person.householdId;
    }
    const limit = q.limit ?? 50;
    let after: { period: string; id: string } | null = null;
    if (q.cursor) {
      const [period, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
      if (!period || !id || !/^\d{4}-\d{2}$/.test(period)) throw badCursor();
      after = { period, id };
    }
    const rows = await listAssessments(app.db, { underPath, householdId, period: q.period ?? null, status: (q.status ?? null) as AssessmentStatus | null, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      items: await Promise.all(page.map((a) => present(a, p))),
      nextCursor: rows.length > limit ? Buffer.from(`${page[page.length - 1]!.period}|${page[page.length - 1]!.id}`).toString('base64url') : null,
      policies: isResident(p) || (isPointsStaff(p) && p.roles.some((r) => r === 'communityStaff' || r === 'gridWorker')) ? ['create' as const] : [],
    };
  });

  app.get('/api/points/assessments/:id', {
    config: { access: POINTS_READERS },
    schema: {
      summary: 'One assessment', tags: TAGS, params: s.IdParams, response: { 200: s.AssessmentView },
      description: 'An assessment the caller reaches (staff of its scope; a resident their own household\'s), its items with the rules\' names and points, and what the caller may do (policies).',
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const { id } = req.params as Static<typeof s.IdParams>;
    return present(await reachable(id, p), p);
  });

  app.post('/api/points/assessments', {
    config: { access: WRITERS },
    schema: {
      summary: 'Report a household\'s assessment (户自查)', tags: TAGS, body: s.NewAssessmentBody, response: { 200: s.AssessmentView, 201: s.AssessmentView },
      description: 'A resident reports for their own household (not in the registry → 422 PERSON_NOT_IN_REGISTRY); staff (peer reviewers or keepers of its scope) for `householdId`. Items name published base or bonus rules of the household\'s community (else 422 POINTS_INVALID). A household reports once a period (409 ASSESSMENT_STATE_CONFLICT), again after a return; a repeat with an Idempotency-Key answers the waiting report (200). Audited (points.assessment.report).',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const body = req.body as Static<typeof s.NewAssessmentBody>;
    const now = app.clock();
    const r = await app.db.transaction(async (tx) => {
      let householdId = body.householdId;
      if (isPointsStaff(p)) {
        if (!householdId) throw pointsInvalid(['请选择户']);
      } else {
        const person = await store.personOf(tx, app.pii, p);
        if (!person) throw personNotInRegistry();
        if (!person.householdId) throw pointsInvalid(['您尚未登记在某一户中']);
        if (householdId && householdId !== person.householdId) throw notFound('household');
        householdId = person.householdId;
      }
      const h = await store.findHousehold(tx, householdId, isPointsStaff(p) ? p.scopePath : null);
      if (!h) throw notFound('household');
      if (isPointsStaff(p) && !isPeerReviewerOf(p, h.org_path) && !isKeeperOf(p, h.org_path)) throw forbidden();
      return selfReport(tx, h, { period: body.period, items: body.items }, actorOf(p, req.ip, now), idempotencyKeyOf(req) !== null);
    });
    reply.code(r.created ? 201 : 200);
    return present((await findAssessment(app.db, r.id))!, p);
  });

  const action = (path: string, summary: string, description: string, schema: typeof s.PeerReviewBody | typeof s.ReturnBody,
    run: (a: AssessmentRow, p: Principal, body: never, now: Date, ip: string) => Promise<unknown>, may: (p: Principal, a: AssessmentRow) => boolean) => {
    app.post(`/api/points/assessments/:id/${path}`, {
      config: { access: ['communityStaff', 'gridWorker'] },
      schema: { summary, tags: TAGS, params: s.IdParams, body: schema, response: { 200: s.AssessmentView }, description },
    }, async (req) => {
      const p = requirePrincipal(req);
      const { id } = req.params as Static<typeof s.IdParams>;
      const a = await reachable(id, p);
      if (!may(p, a)) throw forbidden();
      await run(a, p, req.body as never, app.clock(), req.ip);
      return present((await findAssessment(app.db, id))!, p);
    });
  };

  action('peer-review', 'Peer-review an assessment (组互评)',
    'The grid\'s group (POINTS_PEER_REVIEWERS of the household\'s grid) agrees or not item by item (`peer`); selfReported → peerReviewed, else 409 ASSESSMENT_STATE_CONFLICT; an item not in the report → 422 POINTS_INVALID. Audited (points.assessment.peerReview).',
    s.PeerReviewBody, (a, p, body: Static<typeof s.PeerReviewBody>, now, ip) => app.db.transaction((tx) => peerReview(tx, a, body, actorOf(p, ip, now))),
    (p, a) => isPeerReviewerOf(p, a.org_path));
  action('approve', 'Approve an assessment (村评定)',
    'The village (POINTS_KEEPERS of the community) approves item by item (`approved`; an item without a word keeps the peer review\'s); peerReviewed → approved, else 409 ASSESSMENT_STATE_CONFLICT. Each approved claimed item is awarded by its rule (capped), one award per item with event ref `assessment:<id>`, in the same transaction. Audited (points.assessment.approve).',
    s.ApproveBody, (a, p, body: Static<typeof s.ApproveBody>, now, ip) => app.db.transaction((tx) => approveAssessment(tx, a, body, actorOf(p, ip, now))),
    (p, a) => isKeeperOf(p, a.org_path));
  action('return', 'Return an assessment to the household',
    'Peer reviewers or keepers of its scope return a report (selfReported or peerReviewed → returned, else 409) with a note; the household reports again. Audited (points.assessment.return).',
    s.ReturnBody, (a, p, body: Static<typeof s.ReturnBody>, now, ip) => app.db.transaction((tx) => returnAssessment(tx, a, body, actorOf(p, ip, now))),
    (p, a) => isKeeperOf(p, a.org_path) || isPeerReviewerOf(p, a.org_path));
}
