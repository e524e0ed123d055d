import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { documentResponse, sendDocument } from '../platform/documents/index.ts';
import { ENFORCEMENT_OFFICERS, ENFORCEMENT_REVIEWERS } from '../../shared/enforcement.ts';
import { findCase, listEvidence } from './case-store.ts';
import { findMatter } from './matter-store.ts';
import { openSubject } from './subject.ts';
import { unitsOver } from './inspection-store.ts';
import { decisionDocument } from './decision-document.ts';
import { DecisionQuery, EnforcementCaseIdParams } from './inspection-schemas.ts';

const TAGS = ['enforcement'];
/** who may take the decision whole (the subject's ID number and phone on it): the officers and the legal reviewers */
const DECISION_READERS = [...new Set([...ENFORCEMENT_OFFICERS, ...ENFORCEMENT_REVIEWERS])];
const DECIDED = new Set(['decided', 'executed', 'closed']);

/** 行政处罚决定书 of a decided enforcement case, as PDF or Word. */
export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/enforcement/cases/:id/decision', {
    config: { access: DECISION_READERS },
    schema: {
      summary: 'The penalty decision document (行政处罚决定书)', tags: TAGS, params: EnforcementCaseIdParams, querystring: DecisionQuery,
      response: { 200: documentResponse('行政处罚决定书') },
      description: 'The decision of a decided case of the caller\'s scope (decided, executed or closed; else 409 ENFORCEMENT_STATE_CONFLICT) as an A4 PDF (default) or a Word file: the decision number, the subject whole (the paper is served on them: each download is audited as enforcement.decision.download), the facts found and the evidence, the rule broken and the penalty rule with their text, the benchmark applied and any departure with its reason, the penalty, payment within 15 days, the rights to reconsideration (60 days) and to sue (6 months), the issuing body\'s seal line and the date.',
    },
  }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { id } = req.params as { id: string };
    const format = (req.query as DecisionQuery).format ?? 'pdf';
    const c = await findCase(app.db, id, p.scopePath);
    if (!c) throw notFound('enforcement case');
    if (!DECIDED.has(c.status) || !c.decision || !c.confirmed) {
      throw new AppError('ENFORCEMENT_STATE_CONFLICT', 'The decision document exists once the case is decided.', '案件作出处罚决定后才能生成行政处罚决定书。');
    }
    const [matter, evidence, units] = await Promise.all([
      findMatter(app.db, c.org_path, c.matter_code), listEvidence(app.db, c.id), unitsOver(app.db, c.org_path),
    ]);
    if (!matter) throw notFound('enforcement matter');
    const nameAt = (level: string) => units.find((u) => u.level === level)?.name ?? '';
    const benchmark = matter.body.benchmarks.find((b) => b.key === c.confirmed!.benchmarkKey);
    const subject = openSubject(app.pii, c.subject);
    const doc = decisionDocument({
      number: c.decision.number, decidedAt: c.decision.at, openedAt: c.opened_at,
      cityName: nameAt('city'), districtName: nameAt('district'), townName: c.town_name,
      subject,
      matter: { name: matter.name, violationBasis: matter.body.violationBasis, penaltyBasis: matter.body.penaltyBasis, facts: matter.body.facts },
      facts: c.facts, description: c.description, address: c.address,
      evidence: evidence.map((e) => ({ kind: e.kind, takenAt: e.taken_at, text: e.text, note: e.note })),
      benchmark: { name: c.confirmed.name, description: benchmark?.description ?? null },
      departureReason: c.departure ? c.departure_reason : null,
      penalty: c.decision.penalty,
      review: c.review ? { byName: c.review.byName, at: c.review.at, opinion: c.review.opinion } : null,
    });
    // the subject's personal data leaves whole: the download is a read of it
    await appendAudit(app.db, {
      at: app.clock(), actorId: p.accountId, actorName: p.name, ip: req.ip, action: 'enforcement.decision.download', targetType: 'enforcement_case',
      targetId: c.id, success: true, detail: { number: c.number, decisionNumber: c.decision.number, format },
    });
    return sendDocument(reply, doc, format, `行政处罚决定书${c.decision.number}`, `decision-${c.number}`);
  });
}
